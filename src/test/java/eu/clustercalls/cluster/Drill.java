package eu.clustercalls.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The people of one cluster and their companies, and the steps of a call's life as they take them over HTTP, spread
 * over the nodes. The fixtures a cluster keeps elsewhere (its member register) are written to the database directly;
 * users are created through the engine REST API, as an administrator would; everything else goes through the API.
 */
final class Drill {

    static final String PASSWORD = "cluster-drill-password";
    static final String ADMIN_PASSWORD = "cluster-drill-admin-password";
    static final String CLUSTER = "drill-cluster";
    static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
    /** Company ids far above what the sequence hands out, so fixtures and the application never collide. */
    private static final long FIRST_COMPANY = 10_000_000L;

    final ClusterDatabase db;
    final List<Node> nodes;
    final AtomicInteger failovers = new AtomicInteger();
    private final ExecutorService workers = Executors.newFixedThreadPool(6);

    Drill(ClusterDatabase db, List<Node> nodes) {
        this.db = db;
        this.nodes = nodes;
    }

    Api as(int nodeIndex, String user) {
        Node node = nodes.get(Math.floorMod(nodeIndex, nodes.size()));
        return new Api(node.url(), user, "admin".equals(user) ? ADMIN_PASSWORD : PASSWORD);
    }

    /** The request on the i-th node in turn; if that node does not answer, the same request on the next one. */
    Attempt onNode(int i, String user, Step step) throws InterruptedException {
        for (int tried = 0; tried < 20; tried++) {
            try {
                return new Attempt(step.send(as(i + tried, user)), tried > 0);
            } catch (IOException down) {
                failovers.incrementAndGet();
                Thread.sleep(200);
            }
        }
        throw new AssertionError("No node answered " + user);
    }

    interface Step {
        Api.Answer send(Api api) throws IOException, InterruptedException;
    }

    record Attempt(Api.Answer answer, boolean retried) {
    }

    /** Runs the steps on the workers, each on its node in turn; returns their attempts in order. */
    <T> List<T> parallel(int count, Task<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(workers.submit(() -> task.run(index)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    void shutdown() {
        workers.shutdownNow();
    }

    // ---- fixtures

    void cluster() throws Exception {
        Api admin = as(0, "admin");
        admin.post("/engine-rest/tenant/create", Map.of("id", CLUSTER, "name", "Drill Cluster")).expect(204);
        db.execute("insert into cluster_organisation (id, name, country, bank_account_name, iban, bic) "
                + "values (?, 'Drill Cluster', 'ES', 'Drill Cluster', 'ES9121000418450200051332', 'CAIXESBBXXX')", CLUSTER);
        staff("cm1", "call-managers");
        staff("cm2", "call-managers");
        staff("rev1", "eligibility-reviewers");
        for (int i = 1; i <= 4; i++) {
            staff("ev" + i, "evaluators");
        }
        staff("fin1", "finance");
        staff("fin2", "finance");
    }

    private void staff(String id, String group) throws Exception {
        user(id, group);
        as(0, "admin").put("/engine-rest/tenant/" + CLUSTER + "/user-members/" + id, Map.of()).expect(204);
    }

    void user(String id, String group) throws Exception {
        Api admin = as(0, "admin");
        admin.post("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", id, "lastName", "Drill", "email", id + "@drill.example"),
                "credentials", Map.of("password", PASSWORD))).expect(204);
        admin.put("/engine-rest/group/" + group + "/members/" + id, Map.of()).expect(204);
    }

    /** Member companies, each with its own SME user smeN; returns their ids. */
    List<Long> companies(int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement company = connection.prepareStatement("insert into company (id, legal_name, "
                    + "vat_number, country, city, nace_code, staff_headcount, annual_turnover, balance_sheet_total, "
                    + "enterprise_type, created_at, latitude, longitude) values (?, ?, ?, 'ES', 'Terrassa', '13.20', 12, "
                    + "1500000, 1000000, 'AUTONOMOUS', ?, 41.5633, 2.0087)");
                    // Revision 1 of its figures, which its applications are submitted with (V15).
                    PreparedStatement figures = connection.prepareStatement("insert into company_figures (company_id, "
                            + "revision, valid_from, staff_headcount, annual_turnover, balance_sheet_total, "
                            + "enterprise_type) values (?, 1, ?, 12, 1500000, 1000000, 'AUTONOMOUS')");
                    PreparedStatement contact = connection.prepareStatement(
                            "insert into company_contact (company_id, username) values (?, ?)");
                    PreparedStatement membership = connection.prepareStatement("insert into membership (id, company_id, "
                            + "cluster_id, member_number, valid_from) values (?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= count; i++) {
                    long id = FIRST_COMPANY + i;
                    company.setLong(1, id);
                    company.setString(2, "Drill Company " + i + " SL");
                    company.setString(3, String.format("ESB%08d", i));
                    company.setTimestamp(4, Timestamp.from(Instant.now()));
                    company.addBatch();
                    figures.setLong(1, id);
                    figures.setTimestamp(2, Timestamp.from(Instant.now()));
                    figures.addBatch();
                    contact.setLong(1, id);
                    contact.setString(2, sme(i));
                    contact.addBatch();
                    membership.setLong(1, id);
                    membership.setLong(2, id);
                    membership.setString(3, CLUSTER);
                    membership.setString(4, "DRILL-" + i);
                    membership.setObject(5, LocalDate.of(2020, 1, 1));
                    membership.addBatch();
                    ids.add(id);
                }
                company.executeBatch();
                figures.executeBatch();
                contact.executeBatch();
                membership.executeBatch();
            }
            connection.commit();
        }
        parallel(count, i -> {
            user(sme(i + 1), "sme");
            return null;
        });
        return ids;
    }

    static String sme(int companyNumber) {
        return "sme" + companyNumber;
    }

    static String smeOf(long companyId) {
        return sme((int) (companyId - FIRST_COMPANY));
    }

    // ---- the call

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    record Call(long id, String instance) {
    }

    /** Drafted by cm1 and published by cm2 (four eyes). */
    Call publishedCall(String title, LocalDate closesOn, LocalDate activityStart, int slots) throws Exception {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("euProject", "DRILL");
        form.put("description", "A call of the cluster test.");
        form.put("activityType", "BUSINESS_MISSION");
        form.put("destinationCity", "Montreal");
        form.put("destinationCountry", "CA");
        form.put("destinationLatitude", 45.5017);
        form.put("destinationLongitude", -73.5673);
        form.put("activityStartDate", activityStart.toString());
        form.put("activityEndDate", activityStart.plusDays(1).toString());
        form.put("opensOn", today().toString());
        form.put("closesOn", closesOn.toString());
        form.put("membersOnly", true);
        form.put("slots", slots);
        form.put("maxGrant", 2000.0);
        form.put("reimbursementModel", "ACTUAL_COSTS_CAPPED");
        form.put("deMinimisApplies", true);
        for (String cost : List.of("costsTravel", "costsAccommodation", "costsRegistrationFee", "costsStand",
                "costsSubsistence")) {
            form.put(cost, true);
        }
        form.put("maxRelevance", 10);
        form.put("maxReadiness", 10);
        form.put("maxRepresentation", 5);
        form.put("scoreThreshold", 15);
        form.put("evaluatorsPerApplication", 1);
        Api.Answer started = as(0, "cm1").post("/engine-rest/process-definition/key/funding-call/submit-form",
                Map.of("variables", variables(form))).expect(200);
        String instance = started.body().get("id").asText();
        String review = await("the review of " + title, Duration.ofSeconds(60), () -> taskId("task_review_call", instance));
        complete(1, "cm2", review, Map.of("reviewDecision", "PUBLISH", "reviewComment", "Published by the drill."));
        return new Call(((Number) db.one("select id from funding_call where title = ?", title)).longValue(), instance);
    }

    // ---- tasks

    /** Claims and completes a task over HTTP on node i in turn; a retry after a node failure may find it done. */
    void complete(int i, String user, String taskId, Map<String, Object> form) throws Exception {
        Attempt claim = onNode(i, user, api -> api.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)));
        Attempt done = onNode(i, user, api -> api.post("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", variables(form))));
        // A retry after a node died may find the task already claimed or completed by the first attempt.
        boolean finished = db.count("select count(*) from act_ru_task where id_ = ?", taskId) == 0;
        boolean claimed = claim.answer().ok() || claim.retried() || finished;
        boolean completed = done.answer().ok() || done.retried() && finished;
        if (!claimed || !completed) {
            throw new AssertionError(user + " could not complete task " + taskId + ": " + claim.answer().text() + " / "
                    + done.answer().text());
        }
    }

    List<String> taskIdsOf(String taskKey) {
        return db.rows("select id_ from act_ru_task where task_def_key_ = ? order by id_", taskKey).stream()
                .map(row -> (String) row.get("id_")).toList();
    }

    String taskId(String taskKey, String processInstance) {
        return (String) db.one("select id_ from act_ru_task where task_def_key_ = ? and proc_inst_id_ = ?", taskKey,
                processInstance);
    }

    /** Moves the timers to now, as an administrator does in Cockpit; the job executor of some node then fires them. */
    void fireTimers(String activityId, java.util.Collection<String> processInstances) throws Exception {
        List<String> jobs = db.rows("select j.id_, j.process_instance_id_ from act_ru_job j join act_ru_jobdef d "
                + "on d.id_ = j.job_def_id_ where j.type_ = 'timer' and d.act_id_ = ?", activityId).stream().filter(row -> processInstances.contains(row.get("process_instance_id_")))
                .map(row -> (String) row.get("id_")).toList();
        String now = java.time.OffsetDateTime.now().minusSeconds(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        parallel(jobs.size(), i -> {
            onNode(i, "admin", api -> api.put("/engine-rest/job/" + jobs.get(i) + "/duedate", Map.of("duedate", now)))
                    .answer().expect(204);
            return null;
        });
    }

    static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    // ---- waiting

    static <T> T await(String what, Duration within, java.util.function.Supplier<T> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            T value = probe.get();
            if (value != null && !(value instanceof Boolean b && !b)) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + within.toSeconds() + " s for " + what);
            }
            Thread.sleep(500);
        }
    }

    static void awaitTrue(String what, Duration within, BooleanSupplier probe) throws InterruptedException {
        await(what, within, () -> probe.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** Jobs a node could run now (due, with retries left). */
    long runnableJobs() {
        return db.count("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())");
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer "
                + "<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }
}
