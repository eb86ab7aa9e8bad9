package eu.clustercalls;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.ApplyCommand;
import eu.clustercalls.application.Declarations;
import eu.clustercalls.application.Participant;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.Criterion;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.company.RelatedEnterprise;
import eu.clustercalls.company.SmeFigures;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.evaluation.EvaluationFormFields;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.security.Roles;
import eu.clustercalls.selection.SelectionService;

/**
 * Builds what a test needs through the application's own services and processes: clusters with their staff,
 * companies with their users and memberships, published calls, applications, and the steps that people take in
 * Tasklist and in the portal (eligibility review, evaluation, selection decision, confirmation of participation).
 * Every name is unique, so tests sharing a Spring context (and its database) do not see each other's data.
 */
@TestComponent
public class Scenario {

    public static final String PASSWORD = "test-password";
    /** The account clusters pay grants from (a valid Spanish IBAN). */
    public static final String CLUSTER_IBAN = "ES9121000418450200051332";
    /** Where every test company is. */
    public static final BigDecimal TERRASSA_LATITUDE = new BigDecimal("41.563100");
    public static final BigDecimal TERRASSA_LONGITUDE = new BigDecimal("2.008900");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ClusterOrganisationService organisations;
    private final CompanyService companies;
    private final CallService calls;
    private final ApplicationService applications;
    private final SelectionService selection;
    private final IdentityService identityService;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final ClusterCallsProperties properties;
    private final Clock clock;

    Scenario(ClusterOrganisationService organisations, CompanyService companies, CallService calls,
            ApplicationService applications, SelectionService selection, IdentityService identityService,
            FormService formService, RepositoryService repositoryService, RuntimeService runtimeService,
            TaskService taskService, ManagementService managementService, ClusterCallsProperties properties,
            Clock clock) {
        this.organisations = organisations;
        this.companies = companies;
        this.calls = calls;
        this.applications = applications;
        this.selection = selection;
        this.identityService = identityService;
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.properties = properties;
        this.clock = clock;
    }

    /** A cluster (tenant) with two call managers, an eligibility reviewer and two evaluators. */
    public record Cluster(String id, String name, String manager, String secondManager, String reviewer,
            List<String> evaluators, String verifier, String approver) {
    }

    /** Signed in to the API with HTTP Basic, carrying the CSRF token as a browser client would. */
    public static RequestPostProcessor signedIn(String username) {
        return request -> SecurityMockMvcRequestPostProcessors.csrf()
                .postProcessRequest(SecurityMockMvcRequestPostProcessors.httpBasic(username, PASSWORD)
                        .postProcessRequest(request));
    }

    public static int next() {
        return SEQUENCE.incrementAndGet();
    }

    public Cluster cluster() {
        int n = next();
        String id = "cluster-" + n;
        String name = "Test Cluster " + n;
        organisations.register(id, name, "ES");
        organisations.useBankAccount(id, name, CLUSTER_IBAN, "CAIXESBBXXX");
        return new Cluster(id, name, staff(Roles.CALL_MANAGERS, id), staff(Roles.CALL_MANAGERS, id),
                staff(Roles.ELIGIBILITY_REVIEWERS, id),
                List.of(staff(Roles.EVALUATORS, id), staff(Roles.EVALUATORS, id)),
                staff(Roles.FINANCE, id), staff(Roles.FINANCE, id));
    }

    /** A staff user of that group in that cluster. */
    public String staff(String group, String tenantId) {
        String userId = group.replace("-", "") + "-" + next();
        user(userId, group);
        identityService.createTenantUserMembership(tenantId, userId);
        return userId;
    }

    /** A user with that group (made at start-up by security/AccessPolicy) and no cluster. */
    public String user(String userId, String group) {
        var user = identityService.newUser(userId);
        user.setFirstName(userId);
        user.setLastName("Test");
        user.setEmail(userId + "@test.clustercalls.eu");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(userId, group);
        return userId;
    }

    /** A new SME user acting for a new autonomous company with these figures. */
    public Company company(SmeFigures figures, List<RelatedEnterprise> related) {
        int n = next();
        Company company = companies.register("Test Company " + n + " SL", String.format("ESB%07d9", n), "ES",
                "Terrassa", "13.20", figures, related);
        companies.locate(company.getId(), TERRASSA_LATITUDE, TERRASSA_LONGITUDE);
        String contact = user("sme-" + n, Roles.SME);
        companies.addContact(company.getId(), contact);
        return companies.get(company.getId());
    }

    /** A micro enterprise, member of the cluster since 2020 with no end date. */
    public Company memberCompany(Cluster cluster) {
        Company company = company(figures(8, "1200000", "900000"), List.of());
        companies.recordMembership(company.getId(), cluster.id(), "M-" + company.getId(), LocalDate.of(2020, 1, 1), null);
        return company;
    }

    public static SmeFigures figures(int staff, String turnover, String balanceSheet) {
        return new SmeFigures(BigDecimal.valueOf(staff), new BigDecimal(turnover), new BigDecimal(balanceSheet));
    }

    /** The only contact user of a company made by this scenario. */
    public static String contactOf(Company company) {
        return company.getContacts().iterator().next();
    }

    /** Valid values of form_draft_call: open since yesterday, closing in 30 days, activity in 60. */
    public Map<String, Object> callForm() {
        LocalDate today = today();
        Map<String, Object> form = new HashMap<>();
        form.put("title", "Business mission to Montreal " + next());
        form.put("euProject", "ADMANTEX2i");
        form.put("description", "B2B meetings with Canadian buyers.");
        form.put("activityType", "BUSINESS_MISSION");
        form.put("destinationCity", "Montreal");
        form.put("destinationCountry", "CA");
        form.put("destinationLatitude", 45.5017);
        form.put("destinationLongitude", -73.5673);
        form.put("activityStartDate", today.plusDays(60).toString());
        form.put("activityEndDate", today.plusDays(64).toString());
        form.put("opensOn", today.minusDays(1).toString());
        form.put("closesOn", today.plusDays(30).toString());
        form.put("slots", 3L);
        form.put("maxGrant", 2000.0);
        form.put("reimbursementModel", "ACTUAL_COSTS_CAPPED");
        form.put("membersOnly", true);
        form.put("deMinimisApplies", true);
        return form;
    }

    /** Submits the start form of funding-call as that call manager; returns the process instance id. */
    public String draftCall(String drafter, Map<String, Object> form) {
        String definitionId = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(FundingCallProcess.KEY).latestVersion().singleResult().getId();
        return as(drafter, () -> formService.submitStartForm(definitionId, form).getId());
    }

    /** Drafted by the cluster's manager, published by its second manager, members notified. */
    public FundingCall publishedCall(Cluster cluster) {
        return publishedCall(cluster, form -> { });
    }

    public FundingCall publishedCall(Cluster cluster, Consumer<Map<String, Object>> customise) {
        Map<String, Object> form = callForm();
        customise.accept(form);
        String processInstanceId = draftCall(cluster.manager(), form);
        Task review = reviewTask(processInstanceId);
        as(cluster.secondManager(), () -> taskService.complete(review.getId(),
                Map.of(FundingCallProcess.VAR_REVIEW_DECISION, "PUBLISH")));
        runJobs();
        return calls.get(callId(processInstanceId));
    }

    public Task reviewTask(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(FundingCallProcess.TASK_REVIEW_CALL).singleResult();
    }

    public Long callId(String processInstanceId) {
        return (Long) runtimeService.getVariable(processInstanceId, FundingCallProcess.VAR_CALL_ID);
    }

    /** A complete application with every declaration given. */
    public static ApplyCommand applyCommand(BigDecimal amount) {
        return applyCommand(amount, new Declarations(true, true, true, true));
    }

    public static ApplyCommand applyCommand(BigDecimal amount, Declarations declarations) {
        return new ApplyCommand(null, "We want to meet Canadian buyers of technical textiles.", "Canada",
                "Exports to France and Italy.", amount, List.of(new Participant("Marta Puig", "Export manager")),
                declarations);
    }

    /** Applies as the company's contact user and runs the automatic eligibility check. */
    public Application apply(FundingCall call, Company company, BigDecimal amount) {
        Application application = applications.apply(call.getId(), contactOf(company), applyCommand(amount));
        runJobs();
        return application;
    }

    /** Executes every job that is due now (async continuations; timers only once their time has come). */
    public void runJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(this::executeIfStillThere);
        }
        throw new IllegalStateException("Jobs keep coming: is a process looping?");
    }

    /** A job run earlier in the same round may have removed this one (a timer its process left behind). */
    private void executeIfStillThere(Job job) {
        if (managementService.createJobQuery().jobId(job.getId()).count() > 0) {
            managementService.executeJob(job.getId());
        }
    }

    /**
     * Executes the jobs of these process instances that are due now, and those they lead to, leaving every other
     * test's jobs alone (use it once the clock is moved, when other tests' timers may be due as well).
     */
    public void runJobsOf(String... processInstanceIds) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = Arrays.stream(processInstanceIds)
                    .flatMap(id -> managementService.createJobQuery().processInstanceId(id).executable().list().stream())
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(this::executeIfStillThere);
        }
        throw new IllegalStateException("Jobs keep coming: is a process looping?");
    }

    /** Runs the action signed in to the engine as that user, with their groups and clusters (as Tasklist does). */
    public <T> T as(String userId, Supplier<T> action) {
        List<String> groups = groupsOf(userId);
        List<String> tenants = identityService.createTenantQuery().userMember(userId).list().stream()
                .map(Tenant::getId).toList();
        identityService.setAuthentication(userId, groups, tenants);
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    public List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    public void as(String userId, Runnable action) {
        as(userId, () -> {
            action.run();
            return null;
        });
    }

    /**
     * Runs the action as a user signed in to the application's API (Spring Security), as the portal and the JSON API
     * call the services: the engine itself has no authenticated user then, so no tenant check applies.
     */
    public static void asPortalUser(String username, Runnable action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(Roles.SME))));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    // --- eligibility -------------------------------------------------------------------------------------------

    /** The open task of that kind in the application's process, or null. */
    public Task task(Application application, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    /**
     * The cluster's reviewer confirms the automatic verdict in Tasklist; the SME is told and, if the application is
     * eligible, its evaluators are assigned.
     */
    public void confirmEligibility(Cluster cluster, Application application) {
        Task review = task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        as(cluster.reviewer(), () -> taskService.complete(review.getId(), Map.of(
                ApplicationProcess.VAR_REVIEW_DECISION, ApplicationProcess.ReviewDecision.CONFIRM.name())));
        runJobs();
    }

    /** The cluster's reviewer asks the applicant a question in Tasklist. */
    public void askForClarification(Cluster cluster, Application application, String question) {
        Task review = task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        as(cluster.reviewer(), () -> taskService.complete(review.getId(), Map.of(
                ApplicationProcess.VAR_REVIEW_DECISION, ApplicationProcess.ReviewDecision.CLARIFY.name(),
                ApplicationProcess.VAR_CLARIFICATION_QUESTION, question)));
    }

    /** The applicant company's user answers the clarification request in the portal; the review is open again. */
    public void answerClarification(Application application, String answer) {
        String user = applicantOf(application);
        asPortalUser(user, () -> applications.answerClarification(user, application.getId(), answer));
    }

    /** The user who acts for the applicant company (the first contact of a company made by this scenario). */
    public String applicantOf(Application application) {
        return contactOf(companies.get(application.getCompanyId()));
    }

    /** A new member company applies and the reviewer confirms it eligible: the application is with its evaluators. */
    public Application eligibleApplication(Cluster cluster, FundingCall call, BigDecimal amount) {
        Application application = apply(call, memberCompany(cluster), amount);
        confirmEligibility(cluster, application);
        return application;
    }

    // --- evaluation --------------------------------------------------------------------------------------------

    /** The evaluators with an open evaluation task of the application, in name order. */
    public List<String> evaluatorsOf(Application application) {
        return taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_EVALUATE).list().stream()
                .map(Task::getAssignee).sorted().toList();
    }

    /** That evaluator's open evaluation task of the application, or null. */
    public Task evaluationTask(Application application, String evaluator) {
        return taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(ApplicationProcess.TASK_EVALUATE).taskAssignee(evaluator).singleResult();
    }

    /** What form_evaluate submits for "no conflict of interest" and these points (default rubric: 10, 10, 5). */
    public static Map<String, Object> scoresForm(int relevance, int readiness, int representation) {
        Map<String, Object> form = new HashMap<>();
        form.put(ApplicationProcess.FIELD_CONFLICT_OF_INTEREST, "NO");
        form.put(EvaluationFormFields.score(Criterion.RELEVANCE), (long) relevance);
        form.put(EvaluationFormFields.score(Criterion.READINESS), (long) readiness);
        form.put(EvaluationFormFields.score(Criterion.REPRESENTATION), (long) representation);
        return form;
    }

    /** The points per criterion of the default rubric (10, 10, 5) that make up this total, filled in that order. */
    public static int[] pointsFor(int total) {
        if (total < 0 || total > 25) {
            throw new IllegalArgumentException("The default rubric scores 0 to 25 points, not " + total + ".");
        }
        int relevance = Math.min(10, total);
        int readiness = Math.min(10, total - relevance);
        return new int[] { relevance, readiness, total - relevance - readiness };
    }

    /** The evaluator submits form_evaluate in Tasklist with these values. */
    public void completeEvaluation(Application application, String evaluator, Map<String, Object> form) {
        Task task = evaluationTask(application, evaluator);
        if (task == null) {
            throw new IllegalStateException(evaluator + " has no open evaluation of " + application.reference());
        }
        as(evaluator, () -> taskService.complete(task.getId(), form));
    }

    /** The evaluator declares no conflict of interest and scores the application in Tasklist. */
    public void evaluate(Application application, String evaluator, int relevance, int readiness, int representation) {
        completeEvaluation(application, evaluator, scoresForm(relevance, readiness, representation));
    }

    /** The evaluator declares a conflict of interest in Tasklist: the slot goes to another evaluator. */
    public void declareConflict(Application application, String evaluator, String reason) {
        completeEvaluation(application, evaluator, Map.of(ApplicationProcess.FIELD_CONFLICT_OF_INTEREST, "YES",
                ApplicationProcess.FIELD_CONFLICT_REASON, reason));
    }

    /** Each assigned evaluator, in name order, scores the application with the next of these totals. */
    public void evaluateWithTotals(Application application, int... totals) {
        List<String> evaluators = evaluatorsOf(application);
        if (evaluators.size() != totals.length) {
            throw new IllegalStateException(application.reference() + " has evaluators " + evaluators + ", not "
                    + totals.length);
        }
        for (int i = 0; i < totals.length; i++) {
            int[] points = pointsFor(totals[i]);
            evaluate(application, evaluators.get(i), points[0], points[1], points[2]);
        }
    }

    /** An eligible application of a new member company, scored by its evaluators (in name order) with these totals. */
    public Application evaluatedApplication(Cluster cluster, FundingCall call, BigDecimal amount, int... totals) {
        Application application = eligibleApplication(cluster, call, amount);
        evaluateWithTotals(application, totals);
        return application;
    }

    // --- selection ---------------------------------------------------------------------------------------------

    /**
     * The cluster's manager closes the call early; once every application is decided and scored, the applications
     * are ranked and the call waits for the selection decision.
     */
    public void closeEarly(Cluster cluster, FundingCall call) {
        calls.closeEarly(call.getId(), cluster.manager(), "Enough applications for the places.");
        runJobs();
    }

    public Task selectionDecisionTask(FundingCall call) {
        return taskService.createTaskQuery().processInstanceId(call.getProcessInstanceId())
                .taskDefinitionKey(FundingCallProcess.TASK_SELECTION_DECISION).singleResult();
    }

    /** The call manager submits form_selection_decision in Tasklist with these values. */
    public void decideSelection(String manager, FundingCall call, Map<String, Object> form) {
        Task decision = selectionDecisionTask(call);
        if (decision == null) {
            throw new IllegalStateException(call.reference() + " is not waiting for a selection decision");
        }
        as(manager, () -> taskService.complete(decision.getId(), form));
    }

    /** The second manager approves the proposed lists; the results go to every application. */
    public void approveSelection(Cluster cluster, FundingCall call) {
        decideSelection(cluster.secondManager(), call, Map.of(FundingCallProcess.FIELD_SELECTION_DECISION,
                FundingCallProcess.SelectionDecision.APPROVE.name()));
        runJobs();
    }

    /** The second manager moves applications ("APP-12 RESERVE", one per line) with a reason. */
    public void moveSelection(Cluster cluster, FundingCall call, String moves, String reason) {
        Map<String, Object> form = new HashMap<>();
        form.put(FundingCallProcess.FIELD_SELECTION_DECISION, FundingCallProcess.SelectionDecision.MOVE.name());
        form.put(FundingCallProcess.FIELD_SELECTION_MOVES, moves);
        form.put(FundingCallProcess.FIELD_SELECTION_REASON, reason);
        decideSelection(cluster.secondManager(), call, form);
    }

    /** The applicant company's user confirms or declines the selected application's place in the portal. */
    public void answerParticipation(Application application, boolean confirm, String reason) {
        String user = applicantOf(application);
        asPortalUser(user, () -> selection.answerParticipation(user, application.getId(), confirm, reason));
    }

    // --- reimbursement -----------------------------------------------------------------------------------------

    /**
     * A new member company applies to the call, is found eligible, scored 20 by both evaluators, selected (the call
     * is closed early) and confirms its place: its application waits for the end of the activity.
     */
    public Application confirmedApplication(Cluster cluster, FundingCall call, BigDecimal amount) {
        Application application = evaluatedApplication(cluster, call, amount, 20, 20);
        closeEarly(cluster, call);
        approveSelection(cluster, call);
        answerParticipation(application, true, null);
        runJobsOf(application.getProcessInstanceId());
        return application;
    }

    /** Moves the engine's clock to 08:00 on that many days after the activity's last day. */
    public void daysAfterActivity(FundingCall call, int days) {
        ClockUtil.setCurrentTime(Date.from(calls.get(call.getId()).getActivityEnd().plusDays(days).atTime(8, 0)
                .atZone(zone()).toInstant()));
    }

    /** The day after the activity: the application calls travel-reimbursement and the claim opens. */
    public void activityOver(FundingCall call, Application application) {
        daysAfterActivity(call, 1);
        runJobsOf(application.getProcessInstanceId());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    public ZoneId zone() {
        return properties.timeZone();
    }
}
