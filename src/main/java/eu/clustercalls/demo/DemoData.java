package eu.clustercalls.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.ApplyCommand;
import eu.clustercalls.application.Declarations;
import eu.clustercalls.application.Participant;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.company.RelatedEnterprise;
import eu.clustercalls.company.SmeFigures;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.currency.ExchangeRateService;
import eu.clustercalls.notification.Languages;
import eu.clustercalls.organisation.ClusterOrganisationRepository;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.reimbursement.ClaimInput;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ReimbursementProcess;
import eu.clustercalls.reimbursement.Upload;
import eu.clustercalls.security.Roles;
import eu.clustercalls.selection.SelectionService;

/**
 * Demo clusters, companies, users, calls and applications for the embedded default (profile "demo" only; the
 * postgres profile never loads it). Seeded once, in one transaction, through the same services and processes as
 * real use; the demo users are printed at every start.
 */
@Component
@Profile("demo")
@Order(2)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String AEI = DemoUser.AEI;

    private final ClusterOrganisationService organisations;
    private final ClusterOrganisationRepository organisationRepository;
    private final CompanyService companies;
    private final ApplicationService applications;
    private final IdentityService identityService;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ClusterCallsProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ManagementService managementService;
    private final ExchangeRateService rates;
    private final SelectionService selection;
    private final Languages languages;
    private final ClaimService claims;
    private final List<String> atlantaApplications = new ArrayList<>();
    /** Where the demo companies are (latitude, longitude), for distance-band reimbursement. */
    private static final Map<String, double[]> CITIES = Map.of(
            "Terrassa", new double[] {41.5631, 2.0089}, "Sabadell", new double[] {41.5463, 2.1086},
            "Mataró", new double[] {41.5381, 2.4445}, "Rubí", new double[] {41.4933, 2.0325},
            "Prato", new double[] {43.8777, 11.1023});

    DemoData(ClusterOrganisationService organisations, ClusterOrganisationRepository organisationRepository,
            CompanyService companies, ApplicationService applications, IdentityService identityService,
            FormService formService, RepositoryService repositoryService, TaskService taskService,
            RuntimeService runtimeService, ClusterCallsProperties properties, Clock clock,
            TransactionTemplate transactions, ManagementService managementService, ExchangeRateService rates,
            SelectionService selection, Languages languages, ClaimService claims) {
        this.organisations = organisations;
        this.organisationRepository = organisationRepository;
        this.companies = companies;
        this.applications = applications;
        this.identityService = identityService;
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.properties = properties;
        this.clock = clock;
        this.transactions = transactions;
        this.managementService = managementService;
        this.rates = rates;
        this.selection = selection;
        this.languages = languages;
        this.claims = claims;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organisationRepository.count() == 0) {
            transactions.executeWithoutResult(status -> seed());
            reviewAndEvaluateAtlanta();
            pastMission();
        }
        printUsers();
    }

    private void seed() {
        log.info("Seeding the demo data");
        organisations.register(AEI, "AEI Tèxtils", "ES");
        organisations.useBankAccount(AEI, "AEI Tèxtils", "ES9121000418450200051332", "CAIXESBBXXX");
        organisations.useStaffLanguage(AEI, "ca");
        organisations.register("tuscany-fashion", "Next Technology Tecnotessile / OTIR2020 – Tuscany Fashion Cluster", "IT");
        organisations.useBankAccount("tuscany-fashion", "Next Technology Tecnotessile", "IT60X0542811101000000123456", null);
        organisations.register(DemoUser.FOMENTEX, "FOMENTEX", "ES");
        organisations.useStaffLanguage(DemoUser.FOMENTEX, "es");
        organisations.register("clutex", "CLUTEX", "CZ");
        organisations.register("aecim", "AECIM / Madrid Cluster de Automoción", "ES");
        organisations.register("slovak-plastic", "Slovak Plastic Cluster", "SK");
        organisations.register("eu-vri", "EU-VRi", "DE");
        for (DemoUser user : DemoUser.ALL) {
            user(user);
        }

        LocalDate today = LocalDate.now(clock.withZone(zone()));
        LocalDate montrealCloses = today.plusDays(30);

        Company vallès = company("Teixits Vallès SL", "ESB08123456", "Terrassa", "13.20",
                figures(8, "1200000", "900000"), List.of(), "marta.puig");
        companies.recordMembership(vallès.getId(), AEI, "AEI-0112", LocalDate.of(2019, 3, 1), null);
        companies.recordDeclaredAid(vallès.getId(), today.minusMonths(14), new BigDecimal("12000.00"),
                "ACCIÓ – Generalitat de Catalunya");

        Company filats = company("Filats Terrassa SA", "ESA08234567", "Terrassa", "13.10",
                figures(35, "6500000", "4800000"), List.of(), "jordi.vidal");
        companies.recordMembership(filats.getId(), AEI, "AEI-0031", LocalDate.of(2015, 1, 1), null);
        companies.recordDeclaredAid(filats.getId(), today.minusYears(2), new BigDecimal("150000.00"),
                "Ministerio de Industria, Comercio y Turismo");

        Company acabats = company("Acabats Tècnics SL", "ESB08345678", "Sabadell", "13.30",
                figures(120, "28000000", "22000000"),
                List.of(new RelatedEnterprise("Tintes Industriales del Vallès SA", RelatedEnterprise.Relation.PARTNER,
                        new BigDecimal("40"), figures(90, "15000000", "12000000"))), null);
        companies.recordMembership(acabats.getId(), AEI, "AEI-0077", LocalDate.of(2017, 6, 1), null);

        Company grup = company("Grup Tèxtil Industrial SA", "ESA08456789", "Mataró", "13.92",
                figures(180, "62000000", "48000000"),
                List.of(new RelatedEnterprise("Grup Tèxtil Logística SL", RelatedEnterprise.Relation.LINKED,
                        new BigDecimal("100"), figures(100, "9000000", "6000000"))), "pau.ferrer");
        companies.recordMembership(grup.getId(), AEI, "AEI-0005", LocalDate.of(2010, 1, 1), null);

        Company estampats = company("Estampats Sabadell SL", "ESB08567890", "Sabadell", "13.30",
                figures(22, "3100000", "2400000"), List.of(), "laia.soler");
        companies.recordMembership(estampats.getId(), AEI, "AEI-0140", LocalDate.of(2020, 9, 1),
                montrealCloses.minusDays(10));

        Company rubi = company("Confeccions Rubí SL", "ESB08678901", "Rubí", "14.13",
                figures(6, "700000", "450000"), List.of(), "nuria.pons");
        companies.recordMembership(rubi.getId(), AEI, "AEI-0098", LocalDate.of(2016, 2, 1), today.minusMonths(2));

        Company pratese = company("Tessitura Pratese srl", "IT01234567897", "Prato", "13.20",
                figures(14, "2600000", "1900000"), List.of(), "giulia.bianchi");
        companies.recordMembership(pratese.getId(), "tuscany-fashion", "TFC-221", LocalDate.of(2018, 1, 1), null);
        companies.recordMembership(pratese.getId(), AEI, "AEI-0201", LocalDate.of(2023, 5, 1), null);

        long montreal = publishedCall(Map.of(
                "title", "ADMANTEX2i – Business mission to Montreal",
                "euProject", "ADMANTEX2i",
                "description", "A business mission of textile SMEs to Montreal: B2B meetings with Canadian buyers and "
                        + "visits to technical-textile manufacturers.",
                "activityType", "BUSINESS_MISSION",
                "destinationCity", "Montreal", "destinationCountry", "CA",
                "destinationLatitude", 45.5017, "destinationLongitude", -73.5673,
                "activityStartDate", next(MonthDay.of(11, 6), montrealCloses).toString(),
                "activityEndDate", next(MonthDay.of(11, 10), montrealCloses).toString()),
                today.minusDays(7), montrealCloses, 5, "2000", "ACTUAL_COSTS_CAPPED", true);
        LocalDate atlantaCloses = today.plusDays(45);
        long atlanta = publishedCall(Map.of(
                "title", "TEXGLOBAL – Delegation to Techtextil North America, Atlanta",
                "euProject", "TEXGLOBAL",
                "description", "A delegation of 3 SMEs to Techtextil North America, with a shared stand.",
                "activityType", "TRADE_FAIR",
                "destinationCity", "Atlanta", "destinationCountry", "US",
                "destinationLatitude", 33.7490, "destinationLongitude", -84.3880,
                "activityStartDate", next(MonthDay.of(8, 4), atlantaCloses).toString(),
                "activityEndDate", next(MonthDay.of(8, 6), atlantaCloses).toString()),
                today.minusDays(3), atlantaCloses, 3, "1500", "UNIT_COST_DISTANCE_BAND", false);
        LocalDate milanCloses = today.plusDays(60);
        startCall("anna.roca", draft(Map.of(
                "title", "Hi-Tech-TEX ClusterXchange – ITMA Milan",
                "euProject", "Hi-Tech-TEX",
                "description", "ClusterXchange visits to ITMA in Milan for SMEs of the Hi-Tech-TEX partnership.",
                "activityType", "EXCHANGE",
                "destinationCity", "Milan", "destinationCountry", "IT",
                "destinationLatitude", 45.4642, "destinationLongitude", 9.19,
                "activityStartDate", milanCloses.plusDays(30).toString(),
                "activityEndDate", milanCloses.plusDays(33).toString()),
                today, milanCloses, 6, "1800", "LUMP_SUM", true));

        apply(montreal, "marta.puig", "1800.00", true,
                "Canada is our first target outside Europe: CETA removes tariffs on our technical fabrics.");
        apply(montreal, "pau.ferrer", "2000.00", true,
                "We want to open a sales office in Quebec for our home-textile lines.");
        apply(montreal, "laia.soler", "1500.00", true,
                "Printed fabrics for Canadian fashion brands; we met two buyers at Texworld.");

        for (String sme : List.of("marta.puig", "jordi.vidal", "giulia.bianchi", "nuria.pons")) {
            atlantaApplications.add(apply(atlanta, sme, "1500.00", true,
                    "Techtextil North America is where US buyers of technical textiles meet their suppliers."));
        }
    }

    private void user(DemoUser demo) {
        var user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@demo.clustercalls.eu");
        user.setPassword(demo.password());
        identityService.saveUser(user);
        identityService.createMembership(demo.id(), demo.group());
        languages.choose(demo.id(), Locale.forLanguageTag(demo.language()));
        if (demo.cluster() != null) {
            identityService.createTenantUserMembership(demo.cluster(), demo.id());
        }
    }

    private Company company(String name, String vat, String city, String nace, SmeFigures figures,
            List<RelatedEnterprise> related, String contact) {
        Company company = companies.register(name, vat, vat.substring(0, 2), city, nace, figures, related);
        double[] place = CITIES.get(city);
        companies.locate(company.getId(), BigDecimal.valueOf(place[0]), BigDecimal.valueOf(place[1]));
        if (contact != null) {
            companies.addContact(company.getId(), contact);
        }
        return company;
    }

    private static SmeFigures figures(int staff, String turnover, String balanceSheet) {
        return new SmeFigures(BigDecimal.valueOf(staff), new BigDecimal(turnover), new BigDecimal(balanceSheet));
    }

    private static Map<String, Object> draft(Map<String, Object> what, LocalDate opensOn, LocalDate closesOn, int slots,
            String maxGrant, String model, boolean membersOnly) {
        Map<String, Object> form = new HashMap<>(what);
        form.put("opensOn", opensOn.toString());
        form.put("closesOn", closesOn.toString());
        form.put("slots", slots);
        form.put("maxGrant", Double.valueOf(maxGrant));
        form.put("reimbursementModel", model);
        form.put("membersOnly", membersOnly);
        form.put("deMinimisApplies", true);
        return form;
    }

    /** Drafted by one call manager, published by the other, as the four-eyes rule requires. */
    private long publishedCall(Map<String, Object> what, LocalDate opensOn, LocalDate closesOn, int slots,
            String maxGrant, String model, boolean membersOnly) {
        String processInstanceId = startCall("anna.roca", draft(what, opensOn, closesOn, slots, maxGrant, model, membersOnly));
        publish(processInstanceId);
        return (Long) runtimeService.getVariable(processInstanceId, FundingCallProcess.VAR_CALL_ID);
    }

    /** The second call manager publishes the draft (claiming it first exercises the four-eyes check on claim). */
    private void publish(String callInstance) {
        completeAs("oriol.serra", callInstance, FundingCallProcess.TASK_REVIEW_CALL,
                Map.of(FundingCallProcess.VAR_REVIEW_DECISION, "PUBLISH"));
    }

    private String startCall(String drafter, Map<String, Object> form) {
        String definitionId = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(FundingCallProcess.KEY).latestVersion().singleResult().getId();
        String[] instanceId = new String[1];
        asUser(drafter, () -> instanceId[0] = formService.submitStartForm(definitionId, form).getId());
        return instanceId[0];
    }

    private String apply(long callId, String username, String amount, boolean declarations, String motivation) {
        return applications.apply(callId, username, new ApplyCommand(null, motivation,
                "Canada, United States", "We export to France, Italy and Morocco; 30 % of our turnover is exported.",
                new BigDecimal(amount), List.of(new Participant(DemoUser.byId(username).fullName(), "Export manager")),
                new Declarations(declarations, declarations, declarations, declarations))).getProcessInstanceId();
    }

    /**
     * The TEXGLOBAL applications are reviewed eligible, and the first two evaluated by both their evaluators, so
     * that a newcomer finds evaluations to do, and a call to close and select. Runs the jobs itself: the job
     * executor starts only once the application is ready.
     */
    private void reviewAndEvaluateAtlanta() {
        runDueJobs();
        atlantaApplications.forEach(this::confirmEligible);
        runDueJobs();
        evaluate(atlantaApplications.get(0), new int[][] {{9, 8, 4}, {8, 9, 4}});
        evaluate(atlantaApplications.get(1), new int[][] {{7, 6, 3}, {6, 7, 4}});
        runDueJobs();
    }

    /**
     * An EXTRATEX mission to New York that ended six days ago, taken through calling, applying, evaluation,
     * selection and confirmation on the engine's clock, moved back in time: Teixits Vallès (marta.puig) now finds
     * its expense claim open, due in 24 days, and finance has loaded the dollar rate of the mission's week.
     */
    private void pastMission() {
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        LocalDate opens = today.minusDays(80);
        LocalDate closes = today.minusDays(50);
        LocalDate start = today.minusDays(9);
        try {
            travelTo(opens);
            String callInstance = startCall("anna.roca", draft(Map.of(
                    "title", "EXTRATEX – Business mission to New York",
                    "euProject", "EXTRATEX",
                    "description", "Meetings with New York buyers of home and technical textiles, and a visit to "
                            + "the Textile Technology Center.",
                    "activityType", "BUSINESS_MISSION",
                    "destinationCity", "New York", "destinationCountry", "US",
                    "destinationLatitude", 40.7128, "destinationLongitude", -74.0060,
                    "activityStartDate", start.toString(),
                    "activityEndDate", today.minusDays(6).toString()),
                    opens, closes, 2, "2000", "ACTUAL_COSTS_CAPPED", true));
            publish(callInstance);
            long callId = (Long) runtimeService.getVariable(callInstance, FundingCallProcess.VAR_CALL_ID);
            String application = apply(callId, "marta.puig", "2000.00", true,
                    "Our home-textile collection suits New York department stores; two buyers asked to meet us.");
            String filats = apply(callId, "jordi.vidal", "1800.00", true,
                    "Our technical yarns for outdoor fabrics are sought by two New York converters.");
            runDueJobs();
            confirmEligible(application);
            confirmEligible(filats);
            runDueJobs();
            evaluate(application, new int[][] {{9, 9, 4}, {8, 9, 5}});
            evaluate(filats, new int[][] {{8, 8, 4}, {8, 7, 4}});
            runDueJobs();
            travelTo(closes.plusDays(1));
            runDueJobs();
            completeAs("oriol.serra", callInstance, FundingCallProcess.TASK_SELECTION_DECISION,
                    Map.of(FundingCallProcess.FIELD_SELECTION_DECISION, FundingCallProcess.SelectionDecision.APPROVE.name()));
            runDueJobs();
            Long applicationId = (Long) runtimeService.getVariable(application, ApplicationProcess.VAR_APPLICATION_ID);
            Long filatsId = (Long) runtimeService.getVariable(filats, ApplicationProcess.VAR_APPLICATION_ID);
            asPortalUser("marta.puig", () -> selection.answerParticipation("marta.puig", applicationId, true, null));
            asPortalUser("jordi.vidal", () -> selection.answerParticipation("jordi.vidal", filatsId, true, null));
            runDueJobs();
            travelTo(start.minusDays(2));
            rates.set("joan.riera", "USD", start.minusDays(2), new BigDecimal("1.1630"), "ECB reference rate of the week");
            travelTo(today.minusDays(5));
            runDueJobs();
            claimPaid(filatsId, start);
        } finally {
            ClockUtil.reset();
        }
        runDueJobs();
    }

    /**
     * Filats Terrassa (jordi.vidal) claims its New York costs with receipts and the attendance list, finance
     * verifies (joan.riera) and approves (montse.vila), and the payment is executed: its SEPA file is in the payment
     * directory, so that the call's audit pack holds every kind of document.
     */
    private void claimPaid(Long applicationId, LocalDate start) {
        LocalDate end = start.plusDays(3);
        ClaimInput input = new ClaimInput(List.of(
                new ClaimInput.Item(ExpenseCategory.TRAVEL, new BigDecimal("742.00"), "USD", start.minusDays(1),
                        "Return flight Barcelona – New York", "flight"),
                new ClaimInput.Item(ExpenseCategory.ACCOMMODATION, new BigDecimal("856.00"), "USD", end,
                        "Hotel, 4 nights", "hotel")),
                List.of("attendance"), "Met six buyers at the mission's meetings; two converters ordered samples of "
                        + "our outdoor yarns.", 4, "ES7921000813610123456789", "Filats Terrassa SA");
        List<Upload> files = List.of(
                new Upload("flight", "flight-invoice.pdf", DemoDocuments.pdf("Invoice 2026-NY-4471",
                        "Return flight Barcelona – New York, " + start.minusDays(1) + " – " + end.plusDays(1),
                        "Passenger: Jordi Vidal", "Total: USD 742.00")),
                new Upload("hotel", "hotel-invoice.pdf", DemoDocuments.pdf("Hotel invoice 88213",
                        "4 nights, " + start + " – " + end, "Guest: Jordi Vidal", "Total: USD 856.00")),
                new Upload("attendance", "attendance-list.pdf", DemoDocuments.pdf("EXTRATEX – Business mission to New York",
                        "Attendance list, " + start + " – " + end, "Filats Terrassa SA: Jordi Vidal (4 days)",
                        "Signed: the mission's organiser")));
        asPortalUser("jordi.vidal", () -> claims.submit("jordi.vidal", applicationId, input, files));
        runDueJobs();
        String reimbursement = claims.claimOfApplication(applicationId).orElseThrow().getProcessInstanceId();
        travelTo(end.plusDays(4));
        Map<String, Object> verification = new HashMap<>();
        verification.put(ReimbursementProcess.FIELD_VERIFICATION, "APPROVE");
        verification.put(ReimbursementProcess.FIELD_ITEM_REDUCTIONS, "");
        verification.put(ReimbursementProcess.FIELD_VERIFICATION_REASON, "");
        completeAs("joan.riera", reimbursement, ReimbursementProcess.TASK_VERIFY_CLAIM, verification);
        runDueJobs();
        travelTo(end.plusDays(5));
        Map<String, Object> payment = new HashMap<>();
        payment.put(ReimbursementProcess.FIELD_PAYMENT_DECISION, ReimbursementProcess.PaymentDecision.APPROVE.name());
        payment.put(ReimbursementProcess.FIELD_PAYMENT_COMMENT, "");
        completeAs("montse.vila", reimbursement, ReimbursementProcess.TASK_APPROVE_PAYMENT, payment);
        runDueJobs();
    }

    private void travelTo(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(zone()).toInstant()));
    }

    private void confirmEligible(String applicationInstance) {
        completeAs("roser.camps", applicationInstance, ApplicationProcess.TASK_ELIGIBILITY_REVIEW,
                Map.of(ApplicationProcess.VAR_REVIEW_DECISION, "CONFIRM"));
    }

    /** Each evaluator of the application, in name order, scores it with the next points (relevance, readiness, representation). */
    private void evaluate(String applicationInstance, int[][] scores) {
        List<Task> evaluations = taskService.createTaskQuery().processInstanceId(applicationInstance)
                .taskDefinitionKey(ApplicationProcess.TASK_EVALUATE).orderByTaskAssignee().asc().list();
        for (int j = 0; j < evaluations.size(); j++) {
            Task evaluation = evaluations.get(j);
            int[] points = scores[j];
            asUser(evaluation.getAssignee(), () -> taskService.complete(evaluation.getId(), Map.of(
                    ApplicationProcess.FIELD_CONFLICT_OF_INTEREST, "NO", "scoreRelevance", points[0],
                    "scoreReadiness", points[1], "scoreRepresentation", points[2],
                    ApplicationProcess.FIELD_EVALUATION_COMMENT, "Clear plan for the US market.")));
        }
    }

    /** The user claims the open task of that kind in the process instance and completes it, as in Tasklist. */
    private void completeAs(String userId, String processInstanceId, String taskDefinitionKey, Map<String, Object> form) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        asUser(userId, () -> {
            taskService.claim(task.getId(), userId);
            taskService.complete(task.getId(), form);
        });
    }

    private void runDueJobs() {
        for (int round = 0; round < 10; round++) {
            List<Job> due = managementService.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /** As the portal does for a signed-in SME user: SMEs act through the API, not in Tasklist's tenants. */
    private static void asPortalUser(String username, Runnable action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(Roles.SME))));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void asUser(String userId, Runnable action) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).list().stream()
                .map(tenant -> tenant.getId()).toList();
        identityService.setAuthentication(userId, groups, tenants);
        try {
            action.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static LocalDate next(MonthDay day, LocalDate after) {
        LocalDate candidate = day.atYear(after.getYear());
        return candidate.isAfter(after.plusDays(14)) ? candidate : day.atYear(after.getYear() + 1);
    }

    private ZoneId zone() {
        return properties.timeZone();
    }

    private void printUsers() {
        // The addresses follow once the application is ready (config/StartupAddresses), with the port it listens on.
        StringBuilder table = new StringBuilder("\n\nClusterCalls demo users (profile 'demo'; they sign in on the "
                + "portal, in Tasklist and Cockpit at the addresses below, and to the API with HTTP Basic; the mails "
                + "the demo sent are on the dashboard's Sent mail, as admin):\n");
        for (DemoUser user : DemoUser.ALL) {
            table.append(String.format("  %-16s %-16s %-22s %-12s %-3s %s%n", user.id(), user.password(), user.group(),
                    user.cluster() == null ? "" : user.cluster(), user.language(), user.fullName()));
        }
        log.info(table.toString());
    }
}
