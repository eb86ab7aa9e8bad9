package eu.clustercalls.application;

import static eu.clustercalls.ProcessAssertions.refusal;
import static eu.clustercalls.ProcessAssertions.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.Scenario.Cluster;
import eu.clustercalls.TasklistFormData;
import eu.clustercalls.application.ApplicationProcess.ReviewDecision;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.notification.Notification;
import eu.clustercalls.notification.NotificationRepository;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.security.Roles;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.ViewWords;

/**
 * Every path of the eligibility part of processes/application.bpmn: the automatic check, the reviewer's confirmation
 * or override, and the clarification round with the SME, answered or timed out, up to the evaluators' tasks of an
 * eligible application (EvaluationProcessTest and SelectionProcessTest go on from there). Each test checks the path
 * and what it leaves behind.
 */
@ClusterCallsTest
@ExtendWith(ProcessAssertions.class)
class ApplicationProcessTest {

    private static final BigDecimal REQUESTED = new BigDecimal("1500");
    /** Where an application with its evaluators waits: the evaluation subprocess, once per evaluator, at its task. */
    private static final String[] EVALUATING = { ApplicationProcess.SUBPROCESS_EVALUATION + BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX,
            ApplicationProcess.SUBPROCESS_EVALUATION, ApplicationProcess.TASK_EVALUATE };

    @Autowired
    Scenario scenario;
    @Autowired
    ApplicationService applicationService;
    @Autowired
    EligibilityService eligibility;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    CompanyService companies;
    @Autowired
    AuditService audit;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    TaskService taskService;
    @Autowired
    ClusterCallsProperties properties;
    @Autowired
    MessageSource messages;

    // --- eligible --------------------------------------------------------------------------------------------

    @Test
    void anEligibleApplicationConfirmedByTheReviewerGoesToTwoEvaluatorsAndTheSmeIsTold() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company company = scenario.memberCompany(cluster);

        Application submitted = applicationService.apply(call.getId(), Scenario.contactOf(company),
                Scenario.applyCommand(REQUESTED));
        ProcessInstance instance = instance(submitted);

        assertThat(instance).isWaitingAtExactly(ApplicationProcess.TASK_CHECK_ELIGIBILITY)
                .hasBusinessKey(submitted.reference());
        assertThat(instance.getTenantId()).isEqualTo(cluster.id());
        assertThat(instance).variables().containsEntry(ApplicationProcess.VAR_APPLICATION_ID, submitted.getId())
                .containsEntry(ApplicationProcess.VAR_CALL_ID, call.getId());
        assertThat(stored(submitted).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);

        execute(job(ApplicationProcess.TASK_CHECK_ELIGIBILITY, instance));

        assertThat(instance).hasPassed(ApplicationProcess.TASK_CHECK_ELIGIBILITY)
                .isWaitingAtExactly(ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        assertThat(instance).variables().containsEntry(ApplicationProcess.VAR_AUTO_ELIGIBLE, true);
        Task review = task(ApplicationProcess.TASK_ELIGIBILITY_REVIEW, instance);
        assertThat(review).hasCandidateGroup(Roles.ELIGIBILITY_REVIEWERS).isNotAssigned();
        assertThat(taskService.getVariablesLocal(review.getId()))
                .as("the Tasklist filters' column").containsEntry("applicationReference", submitted.reference());
        assertThat(TasklistFormData.view(taskService, review.getId()))
                .containsEntry("applicationReference", submitted.reference())
                .containsEntry("autoVerdict", "eligible")
                .containsEntry("autoReasons", "Every eligibility rule is met.")
                .doesNotContainKeys("lastQuestion", "lastAnswer", "earlierClarifications")
                .hasEntrySatisfying("applicationSummary", summary -> assertThat((String) summary)
                        .contains(company.getLegalName(), call.getTitle(), Formats.euros(REQUESTED)));
        Application checked = stored(submitted);
        assertThat(checked.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(checked.getAutoEligible()).isTrue();
        assertThat(checked.getEligibilityReasons()).isEmpty();
        assertThat(checked.getEligible()).isNull();

        decide(cluster.reviewer(), instance, ReviewDecision.CONFIRM);

        assertThat(instance).hasPassed(ApplicationProcess.TASK_ELIGIBILITY_REVIEW)
                .isWaitingAtExactly(ApplicationProcess.TASK_NOTIFY_ELIGIBILITY_RESULT);
        assertThat(outbox(submitted, NotificationType.ELIGIBILITY_RESULT))
                .as("the SME is told by the asynchronous step").isEmpty();

        execute(job(ApplicationProcess.TASK_NOTIFY_ELIGIBILITY_RESULT, instance));

        assertThat(instance).hasPassed(ApplicationProcess.TASK_NOTIFY_ELIGIBILITY_RESULT,
                        ApplicationProcess.TASK_PICK_EVALUATOR)
                .hasNotPassed(ApplicationProcess.TASK_ANSWER_CLARIFICATION, ApplicationProcess.END_INELIGIBLE)
                .isWaitingAtExactly(EVALUATING);
        assertThat(taskQuery().processInstanceId(instance.getId()).list())
                .extracting(Task::getTaskDefinitionKey, Task::getAssignee)
                .containsExactlyInAnyOrder(tuple(ApplicationProcess.TASK_EVALUATE, cluster.evaluators().get(0)),
                        tuple(ApplicationProcess.TASK_EVALUATE, cluster.evaluators().get(1)));
        Application eligible = stored(submitted);
        assertThat(eligible.getStatus()).as("eligible, and with its evaluators").isEqualTo(ApplicationStatus.IN_EVALUATION);
        assertThat(eligible.getEligible()).isTrue();
        assertThat(eligible.getCompleteAt()).as("complete when submitted").isEqualTo(eligible.getSubmittedAt());
        assertThat(eligible.getEligibilityDecidedBy()).isEqualTo(cluster.reviewer());
        assertThat(eligible.getEligibilityDecidedAt()).isNotNull();
        assertThat(eligible.getDecisionReason()).isNull();
        assertThat(EligibilityService.reasonsShownToApplicant(eligible)).isEmpty();
        assertThat(outbox(submitted, NotificationType.ELIGIBILITY_RESULT)).singleElement().satisfies(notification -> {
            assertThat(notification.getRecipient()).isEqualTo(Scenario.contactOf(company));
            assertThat(notification.getBody()).contains(submitted.reference(), "is eligible");
        });
        List<AuditEvent> trail = audit.trailOf(eligible);
        assertThat(trail.subList(0, 3)).extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getDecision)
                .containsExactly(
                        tuple("APPLICATION_SUBMITTED", Scenario.contactOf(company), null),
                        tuple("ELIGIBILITY_CHECKED", "system", "eligible"),
                        tuple("ELIGIBILITY_CONFIRMED", cluster.reviewer(), "eligible"));
        assertThat(trail.subList(3, trail.size())).extracting(AuditEvent::getAction, AuditEvent::getActor,
                AuditEvent::getDecision).containsExactlyInAnyOrder(
                        tuple("EVALUATOR_ASSIGNED", "system", cluster.evaluators().get(0)),
                        tuple("EVALUATOR_ASSIGNED", "system", cluster.evaluators().get(1)));
        assertThat(outbox(submitted, NotificationType.EVALUATION_ASSIGNED)).extracting(Notification::getRecipient)
                .containsExactlyInAnyOrderElementsOf(cluster.evaluators());
    }

    @Test
    void aReviewerOfAnotherClusterCannotDecideOnTheApplication() {
        Cluster cluster = scenario.cluster();
        Cluster otherCluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        ProcessInstance instance = instance(application);
        Task review = task(ApplicationProcess.TASK_ELIGIBILITY_REVIEW, instance);
        Map<String, Object> confirm = withVariables(ApplicationProcess.VAR_REVIEW_DECISION, ReviewDecision.CONFIRM.name());

        assertThat(scenario.as(otherCluster.reviewer(),
                () -> taskService.createTaskQuery().processInstanceId(instance.getId()).count()))
                .as("staff of another cluster do not even see the task").isZero();
        Throwable inTasklist = refusal(() -> scenario.as(otherCluster.reviewer(), () -> complete(review, confirm)));
        Throwable byTaskId = refusal(() -> asPortalUser(otherCluster.reviewer(), () -> complete(review, confirm)));

        assertThat(inTasklist).as("the engine's tenant check").hasMessageContaining("no authenticated tenant");
        assertThat(byTaskId).as("the service's own check").isInstanceOf(ForbiddenException.class)
                .hasMessageContaining(Roles.ELIGIBILITY_REVIEWERS);
        assertThat(instance).isWaitingAtExactly(ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        assertThat(task(ApplicationProcess.TASK_ELIGIBILITY_REVIEW, instance)).hasId(review.getId());
        assertStillAwaitingTheFirstReview(application);
    }

    // --- ineligible, one rule at a time ------------------------------------------------------------------------

    @Test
    void aCompanyWithTwoHundredAndFiftyStaffOrMoreIsNotAnSmeAndEndsIneligible() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company large = scenario.company(Scenario.figures(300, "40000000", "30000000"), List.of());
        companies.recordMembership(large.getId(), cluster.id(), "M-" + large.getId(), LocalDate.of(2020, 1, 1), null);

        assertIneligibleOnConfirmation(cluster, call, large, Scenario.applyCommand(REQUESTED), "NOT_SME_HEADCOUNT",
                "Staff headcount 300 with partner and linked enterprises is 250 or more: not an SME.");
    }

    @Test
    void aMembershipEndingBeforeTheClosingDateMakesTheApplicationIneligible() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        LocalDate membershipEnds = scenario.today().plusDays(10);
        Company leaving = scenario.company(Scenario.figures(8, "1200000", "900000"), List.of());
        companies.recordMembership(leaving.getId(), cluster.id(), "M-" + leaving.getId(), LocalDate.of(2020, 1, 1),
                membershipEnds);

        assertIneligibleOnConfirmation(cluster, call, leaving, Scenario.applyCommand(REQUESTED),
                "MEMBERSHIP_ENDS_BEFORE_CLOSING",
                "The membership of " + cluster.name() + " ends on " + Formats.date(membershipEnds)
                        + ", before the closing date (" + Formats.date(call.closingDate(scenario.zone()))
                        + "); this call is open to members only.");
    }

    @Test
    void declaredAidThatWithTheGrantExceedsTheDeMinimisCeilingMakesTheApplicationIneligible() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company aided = scenario.memberCompany(cluster);
        companies.recordDeclaredAid(aided.getId(), scenario.today().minusMonths(8), new BigDecimal("299000"),
                "Generalitat de Catalunya");

        assertIneligibleOnConfirmation(cluster, call, aided, Scenario.applyCommand(REQUESTED), "DE_MINIMIS_EXCEEDED",
                "De minimis aid of €299,000.00 in the last three years plus the €1,500.00 requested exceeds the "
                        + "ceiling of €300,000.00.");
    }

    @Test
    void aMissingDeclarationMakesTheApplicationIneligible() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company company = scenario.memberCompany(cluster);

        assertIneligibleOnConfirmation(cluster, call, company,
                Scenario.applyCommand(REQUESTED, new Declarations(true, true, false, true)),
                "DOUBLE_FUNDING_DECLARATION_MISSING", "The declaration of no double funding was not given.");
    }

    private ViewWords english() {
        return new ViewWords(messages, Locale.ENGLISH);
    }

    /** Applies to the call, checks the automatic verdict, confirms it, and checks the outcome. */
    private void assertIneligibleOnConfirmation(Cluster cluster, FundingCall call, Company company,
            ApplyCommand command, String reasonCode, String reason) {
        Application submitted = applicationService.apply(call.getId(), Scenario.contactOf(company), command);
        ProcessInstance instance = instance(submitted);
        execute(job(ApplicationProcess.TASK_CHECK_ELIGIBILITY, instance));

        assertThat(instance).isWaitingAtExactly(ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        assertThat(instance).variables().containsEntry(ApplicationProcess.VAR_AUTO_ELIGIBLE, false);
        Application checked = stored(submitted);
        assertThat(checked.getAutoEligible()).isFalse();
        assertThat(checked.getEligibilityReasons()).extracting(EligibilityReason::code).containsExactly(reasonCode);
        assertThat(checked.getEligibilityReasons()).extracting(kept -> english().phrase(kept.message()))
                .containsExactly(reason);
        assertThat(TasklistFormData.view(taskService, task(ApplicationProcess.TASK_ELIGIBILITY_REVIEW, instance).getId()))
                .containsEntry("autoVerdict", "not eligible")
                .containsEntry("autoReasons", "- " + reason);

        decide(cluster.reviewer(), instance, ReviewDecision.CONFIRM);
        execute(job(ApplicationProcess.TASK_NOTIFY_ELIGIBILITY_RESULT, instance));

        assertThat(instance).hasPassed(ApplicationProcess.TASK_ELIGIBILITY_REVIEW,
                ApplicationProcess.TASK_NOTIFY_ELIGIBILITY_RESULT, ApplicationProcess.END_INELIGIBLE)
                .hasNotPassed(ApplicationProcess.SUBPROCESS_EVALUATION).isEnded();
        Application ineligible = stored(submitted);
        assertThat(ineligible.getStatus()).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(ineligible.getEligible()).isFalse();
        assertThat(ineligible.getDecisionReason()).isNull();
        assertThat(EligibilityService.reasonsShownToApplicant(ineligible)).extracting(english()::phrase)
                .containsExactly(reason);
        assertThat(outbox(submitted, NotificationType.ELIGIBILITY_RESULT)).singleElement()
                .satisfies(notification -> assertThat(notification.getBody()).contains("is not eligible", reason));
        List<AuditEvent> trail = audit.trailOf(ineligible);
        assertThat(trail).extracting(AuditEvent::getAction)
                .containsExactly("APPLICATION_SUBMITTED", "ELIGIBILITY_CHECKED", "ELIGIBILITY_CONFIRMED");
        assertThat(trail.get(1).getDecision()).isEqualTo("ineligible");
        assertThat(trail.get(1).getReason()).contains(reason);
        assertThat(trail.get(2).getDecision()).isEqualTo("ineligible");
        assertThat(trail.get(2).getActor()).isEqualTo(cluster.reviewer());
    }

    // --- overridden ------------------------------------------------------------------------------------------

    @Test
    void aReviewerOverridesAnIneligibleVerdictWithAReasonAndTheApplicationIsEligible() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company company = scenario.memberCompany(cluster);
        Application submitted = applicationService.apply(call.getId(), Scenario.contactOf(company),
                Scenario.applyCommand(REQUESTED, new Declarations(true, true, true, false)));
        ProcessInstance instance = instance(submitted);
        scenario.runJobs();
        assertThat(stored(submitted).getAutoEligible()).isFalse();

        decide(cluster.reviewer(), instance, ReviewDecision.OVERRIDE, ApplicationProcess.VAR_REVIEW_REASON,
                "The SME signed the data protection terms on paper; the scan is in the file.");
        execute(job(ApplicationProcess.TASK_NOTIFY_ELIGIBILITY_RESULT, instance));

        assertThat(instance).hasPassed(ApplicationProcess.TASK_ELIGIBILITY_REVIEW)
                .hasNotPassed(ApplicationProcess.END_INELIGIBLE)
                .isWaitingAtExactly(EVALUATING);
        assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ApplicationProcess.TASK_EVALUATE)
                .list()).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(cluster.evaluators());
        Application overridden = stored(submitted);
        assertThat(overridden.getStatus()).isEqualTo(ApplicationStatus.IN_EVALUATION);
        assertThat(overridden.getEligible()).isTrue();
        assertThat(overridden.getAutoEligible()).as("the automatic verdict stays on record").isFalse();
        assertThat(overridden.getDecisionReason())
                .isEqualTo("The SME signed the data protection terms on paper; the scan is in the file.");
        assertThat(overridden.getEligibilityDecidedBy()).isEqualTo(cluster.reviewer());
        assertThat(audit.trailOf(overridden)).filteredOn(event -> event.getAction().startsWith("ELIGIBILITY_"))
                .last().satisfies(event -> {
            assertThat(event.getAction()).isEqualTo("ELIGIBILITY_OVERRIDDEN");
            assertThat(event.getActor()).isEqualTo(cluster.reviewer());
            assertThat(event.getDecision()).isEqualTo("eligible");
            assertThat(event.getReason()).isEqualTo(overridden.getDecisionReason());
        });
        assertThat(outbox(submitted, NotificationType.ELIGIBILITY_RESULT)).singleElement()
                .satisfies(notification -> assertThat(notification.getBody()).contains("is eligible"));
    }

    @Test
    void aReviewerOverridesAnEligibleVerdictAndTheSmeReadsTheReviewersReason() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        ProcessInstance instance = instance(application);
        String reason = "The company is a subsidiary of a large group (linked enterprise), not an autonomous SME.";

        decide(cluster.reviewer(), instance, ReviewDecision.OVERRIDE, ApplicationProcess.VAR_REVIEW_REASON, reason);
        execute(job(ApplicationProcess.TASK_NOTIFY_ELIGIBILITY_RESULT, instance));

        assertThat(instance).hasPassed(ApplicationProcess.END_INELIGIBLE).isEnded();
        Application overridden = stored(application);
        assertThat(overridden.getStatus()).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(overridden.getAutoEligible()).isTrue();
        assertThat(EligibilityService.reasonsShownToApplicant(overridden)).containsExactly(reason);
        assertThat(last(audit.trailOf(overridden))).extracting(AuditEvent::getAction, AuditEvent::getDecision,
                AuditEvent::getReason).containsExactly("ELIGIBILITY_OVERRIDDEN", "ineligible", reason);
        assertThat(outbox(application, NotificationType.ELIGIBILITY_RESULT)).singleElement()
                .satisfies(notification -> assertThat(notification.getBody()).contains(reason));
    }

    @Test
    void overridingWithoutAReasonIsRefusedAndChangesNothing() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        ProcessInstance instance = instance(application);
        Task review = task(ApplicationProcess.TASK_ELIGIBILITY_REVIEW, instance);

        Throwable refusal = refusal(() -> decide(cluster.reviewer(), instance, ReviewDecision.OVERRIDE,
                ApplicationProcess.VAR_REVIEW_REASON, "  "));

        assertThat(refusal).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) refusal).fieldErrors())
                .containsEntry(ApplicationProcess.VAR_REVIEW_REASON, "Please give the reason for the override.");
        assertThat(instance).isWaitingAtExactly(ApplicationProcess.TASK_ELIGIBILITY_REVIEW)
                .hasNotPassed(ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        assertThat(task(ApplicationProcess.TASK_ELIGIBILITY_REVIEW, instance)).hasId(review.getId());
        assertThat(instance).variables().doesNotContainKeys(ApplicationProcess.VAR_ELIGIBLE,
                ApplicationProcess.VAR_REVIEW_DECISION);
        assertStillAwaitingTheFirstReview(application);
    }

    // --- clarification ---------------------------------------------------------------------------------------

    @Test
    void theSmeAnswersAClarificationRequestAndTheReviewerThenDecides() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company company = scenario.memberCompany(cluster);
        String sme = Scenario.contactOf(company);
        Application application = scenario.apply(call, company, REQUESTED);
        ProcessInstance instance = instance(application);
        String question = "Which trade fairs in North America has your company attended before?";

        Instant asked = askForClarification(cluster, instance, question);

        assertWaitingForTheSme(instance, application, company, question, asked);

        asPortalUser(sme, () -> applicationService.answerClarification(sme, application.getId(),
                "  Techtextil North America 2024, as a visitor.  "));

        assertThat(instance).hasPassed(ApplicationProcess.TASK_ANSWER_CLARIFICATION)
                .isWaitingAtExactly(ApplicationProcess.TASK_ELIGIBILITY_REVIEW)
                .hasNotPassed(ApplicationProcess.TIMER_CLARIFICATION_EXPIRED);
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("the deadline timer is gone").isZero();
        assertThat(instance).variables().doesNotContainKeys(ApplicationProcess.VAR_CLARIFICATION_ANSWER,
                ApplicationProcess.VAR_CLARIFICATION_QUESTION);
        Task secondReview = task(ApplicationProcess.TASK_ELIGIBILITY_REVIEW, instance);
        assertThat(secondReview).hasCandidateGroup(Roles.ELIGIBILITY_REVIEWERS);
        assertThat(TasklistFormData.view(taskService, secondReview.getId()))
                .containsEntry("lastQuestion", question)
                .containsEntry("lastAnswer", "Techtextil North America 2024, as a visitor.")
                .containsEntry("earlierClarifications", "")
                .hasEntrySatisfying("lastQuestionAsked",
                        text -> assertThat((String) text).startsWith("Asked by " + cluster.reviewer() + " on "));
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(eligibility.clarificationsOf(application.getId())).singleElement().satisfies(request -> {
            assertThat(request.getAnswer()).isEqualTo("Techtextil North America 2024, as a visitor.");
            assertThat(request.getAnsweredBy()).isEqualTo(sme);
            assertThat(request.isExpired()).isFalse();
        });

        decide(cluster.reviewer(), instance, ReviewDecision.CONFIRM);
        execute(job(ApplicationProcess.TASK_NOTIFY_ELIGIBILITY_RESULT, instance));

        assertThat(instance).hasPassed(ApplicationProcess.TASK_CHECK_ELIGIBILITY,
                ApplicationProcess.TASK_ELIGIBILITY_REVIEW, ApplicationProcess.TASK_ANSWER_CLARIFICATION)
                .hasNotPassed(ApplicationProcess.TIMER_CLARIFICATION_EXPIRED, ApplicationProcess.END_INELIGIBLE)
                .isWaitingAtExactly(EVALUATING);
        Application decided = stored(application);
        assertThat(decided.getStatus()).isEqualTo(ApplicationStatus.IN_EVALUATION);
        assertThat(decided.getEligible()).isTrue();
        assertThat(decided.getCompleteAt()).as("complete with the answer, for ties in the ranking")
                .isEqualTo(eligibility.clarificationsOf(application.getId()).get(0).getAnsweredAt())
                .isAfter(decided.getSubmittedAt());
        assertThat(audit.trailOf(decided)).extracting(AuditEvent::getAction, AuditEvent::getActor).containsExactly(
                tuple("APPLICATION_SUBMITTED", sme),
                tuple("ELIGIBILITY_CHECKED", "system"),
                tuple("CLARIFICATION_REQUESTED", cluster.reviewer()),
                tuple("CLARIFICATION_ANSWERED", sme),
                tuple("ELIGIBILITY_CONFIRMED", cluster.reviewer()),
                tuple("EVALUATOR_ASSIGNED", "system"),
                tuple("EVALUATOR_ASSIGNED", "system"));
        assertThat(outbox(application, NotificationType.ELIGIBILITY_RESULT)).hasSize(1);
    }

    @Test
    void withoutAnAnswerBeforeTheDeadlineTheApplicationEndsIneligible() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company company = scenario.memberCompany(cluster);
        Application application = scenario.apply(call, company, REQUESTED);
        ProcessInstance instance = instance(application);
        String question = "Please send the list of your export markets.";
        Instant asked = askForClarification(cluster, instance, question);
        assertWaitingForTheSme(instance, application, company, question, asked);
        Date deadline = job(ApplicationProcess.TIMER_CLARIFICATION_EXPIRED, instance).getDuedate();

        ClockUtil.setCurrentTime(new Date(deadline.getTime() + 1000));
        execute(job(ApplicationProcess.TIMER_CLARIFICATION_EXPIRED, instance));

        assertThat(instance).hasPassed(ApplicationProcess.TIMER_CLARIFICATION_EXPIRED,
                ApplicationProcess.TASK_EXPIRE_CLARIFICATION)
                .isWaitingAtExactly(ApplicationProcess.TASK_NOTIFY_ELIGIBILITY_RESULT);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count())
                .as("the SME's task is withdrawn").isZero();
        assertThat(instance).variables().containsEntry(ApplicationProcess.VAR_ELIGIBLE, false);

        execute(job(ApplicationProcess.TASK_NOTIFY_ELIGIBILITY_RESULT, instance));

        assertThat(instance).hasPassed(ApplicationProcess.END_INELIGIBLE)
                .hasNotPassed(ApplicationProcess.SUBPROCESS_EVALUATION).isEnded();
        Application expired = stored(application);
        assertThat(expired.getStatus()).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(expired.getEligible()).isFalse();
        assertThat(expired.getEligibilityDecidedBy()).isEqualTo("system");
        assertThat(english().phrase(expired.getDecisionReason())).startsWith("No answer to the clarification request")
                .contains("before its deadline");
        assertThat(new ViewWords(messages, Locale.forLanguageTag("ca")).phrase(expired.getDecisionReason()))
                .as("as a Catalan SME reads it").startsWith("No es va respondre la sol·licitud d’aclariment del dia ");
        assertThat(EligibilityService.reasonsShownToApplicant(expired)).containsExactly(expired.getDecisionReason());
        assertThat(eligibility.clarificationsOf(application.getId())).singleElement().satisfies(request -> {
            assertThat(request.isExpired()).isTrue();
            assertThat(request.getAnswer()).isNull();
        });
        assertThat(last(audit.trailOf(expired))).satisfies(event -> {
            assertThat(event.getAction()).isEqualTo("CLARIFICATION_EXPIRED");
            assertThat(event.getActor()).isEqualTo("system");
            assertThat(event.getDecision()).isEqualTo("ineligible");
            assertThat(event.getReason()).as("the audit trail in English")
                    .isEqualTo(english().phrase(expired.getDecisionReason()));
        });
        assertThat(outbox(application, NotificationType.ELIGIBILITY_RESULT)).singleElement().satisfies(notification -> {
            assertThat(notification.getRecipient()).isEqualTo(Scenario.contactOf(company));
            assertThat(notification.getBody())
                    .contains("is not eligible", english().phrase(expired.getDecisionReason()));
        });
    }

    @Test
    void anSmeOfAnotherCompanyCannotAnswerTheClarificationRequest() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company company = scenario.memberCompany(cluster);
        String stranger = Scenario.contactOf(scenario.memberCompany(cluster));
        Application application = scenario.apply(call, company, REQUESTED);
        ProcessInstance instance = instance(application);
        String question = "Who will travel?";
        Instant asked = askForClarification(cluster, instance, question);
        Task clarification = task(ApplicationProcess.TASK_ANSWER_CLARIFICATION, instance);
        Map<String, Object> answer = withVariables(ApplicationProcess.VAR_CLARIFICATION_ANSWER, "Nobody.");

        Throwable inThePortal = refusal(() -> asPortalUser(stranger,
                () -> applicationService.answerClarification(stranger, application.getId(), "Nobody.")));
        Throwable inTheEngine = refusal(() -> scenario.as(stranger, () -> complete(clarification, answer)));
        Throwable byTaskId = refusal(() -> asPortalUser(stranger, () -> complete(clarification, answer)));
        Throwable byClusterStaff = refusal(() -> scenario.as(cluster.manager(), () -> complete(clarification, answer)));

        assertThat(inThePortal).as("someone else's application reads as not found")
                .isInstanceOf(NotFoundException.class);
        assertThat(inTheEngine).as("the engine's tenant check").hasMessageContaining("no authenticated tenant");
        assertThat(byTaskId).as("the listener's own check, where the engine knows no user")
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Only the applicant company's users can answer its clarification request.");
        assertThat(byClusterStaff).as("the engine grants the task to the applicant's users only")
                .isInstanceOf(AuthorizationException.class);
        assertWaitingForTheSme(instance, application, company, question, asked);
        assertThat(task(ApplicationProcess.TASK_ANSWER_CLARIFICATION, instance)).hasId(clarification.getId());
        assertThat(eligibility.clarificationsOf(application.getId())).singleElement()
                .satisfies(request -> assertThat(request.getAnswer()).isNull());
        assertThat(audit.trailOf(stored(application))).extracting(AuditEvent::getAction)
                .doesNotContain("CLARIFICATION_ANSWERED");
    }

    @Test
    void anEmptyAnswerIsRefusedAndTheRequestStaysOpen() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company company = scenario.memberCompany(cluster);
        String sme = Scenario.contactOf(company);
        Application application = scenario.apply(call, company, REQUESTED);
        ProcessInstance instance = instance(application);
        Instant asked = askForClarification(cluster, instance, "Who will travel?");

        Throwable refusal = refusal(() -> asPortalUser(sme,
                () -> applicationService.answerClarification(sme, application.getId(), " ")));

        assertThat(refusal).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) refusal).fieldErrors())
                .containsOnlyKeys(ApplicationProcess.VAR_CLARIFICATION_ANSWER);
        assertWaitingForTheSme(instance, application, company, "Who will travel?", asked);
    }

    @Test
    void askingForClarificationWithoutAQuestionIsRefused() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        ProcessInstance instance = instance(application);

        Throwable refusal = refusal(() -> decide(cluster.reviewer(), instance, ReviewDecision.CLARIFY));

        assertThat(refusal).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) refusal).fieldErrors())
                .containsOnlyKeys(ApplicationProcess.VAR_CLARIFICATION_QUESTION);
        assertThat(instance).isWaitingAtExactly(ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(eligibility.clarificationsOf(application.getId())).isEmpty();
        assertThat(outbox(application, NotificationType.CLARIFICATION_REQUESTED)).isEmpty();
    }

    @Test
    void theDeadlineToldToTheSmeIsWhenTheTimerFiresAlsoAcrossAClockChange() {
        // Ten days before the end of summer time in Brussels (27 October 2030), mid-morning. With the clock moved,
        // only this test's own jobs are executed: Scenario.runJobs would also fire every other test's timers.
        Instant asked = Instant.parse("2030-10-22T10:00:00Z");
        ClockUtil.setCurrentTime(Date.from(asked));
        Cluster cluster = scenario.cluster();
        Company company = scenario.memberCompany(cluster);
        ProcessInstance callInstance = processInstanceQuery()
                .processInstanceId(scenario.draftCall(cluster.manager(), scenario.callForm())).singleResult();
        scenario.as(cluster.secondManager(), () -> complete(
                task(FundingCallProcess.TASK_REVIEW_CALL, callInstance),
                withVariables(FundingCallProcess.VAR_REVIEW_DECISION, FundingCallProcess.ReviewDecision.PUBLISH.name())));
        execute(job(FundingCallProcess.TASK_NOTIFY_MEMBERS_PUBLISHED, callInstance));
        Long callId = scenario.callId(callInstance.getId());
        Application application = applicationService.apply(callId, Scenario.contactOf(company),
                Scenario.applyCommand(REQUESTED));
        ProcessInstance instance = instance(application);
        execute(job(ApplicationProcess.TASK_CHECK_ELIGIBILITY, instance));

        decide(cluster.reviewer(), instance, ReviewDecision.CLARIFY, ApplicationProcess.VAR_CLARIFICATION_QUESTION,
                "Who will travel?");

        assertWaitingForTheSme(instance, application, company, "Who will travel?", asked);
    }

    /** The reviewer asks; returns when (the clock is frozen so that deadlines can be compared exactly). */
    private Instant askForClarification(Cluster cluster, ProcessInstance instance, String question) {
        Instant now = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(now));
        decide(cluster.reviewer(), instance, ReviewDecision.CLARIFY, ApplicationProcess.VAR_CLARIFICATION_QUESTION,
                question);
        return now;
    }

    /** Waiting at the SME's task, with a deadline ten days after the question, and nothing decided yet. */
    private void assertWaitingForTheSme(ProcessInstance instance, Application application, Company company,
            String question, Instant asked) {
        String sme = Scenario.contactOf(company);
        assertThat(instance).hasPassed(ApplicationProcess.TASK_ELIGIBILITY_REVIEW)
                .isWaitingAtExactly(ApplicationProcess.TASK_ANSWER_CLARIFICATION);
        Task clarification = task(ApplicationProcess.TASK_ANSWER_CLARIFICATION, instance);
        assertThat(clarification).hasCandidateUser(sme).isNotAssigned();
        assertThat(TasklistFormData.view(taskService, clarification.getId())).containsEntry("clarificationQuestionText", question);
        assertThat(instance).variables().containsEntry(ApplicationProcess.VAR_REVIEW_DECISION, ReviewDecision.CLARIFY.name())
                .doesNotContainKeys(ApplicationProcess.VAR_CLARIFICATION_QUESTION, ApplicationProcess.VAR_ELIGIBLE);

        ClarificationRequest request = eligibility.clarificationsOf(application.getId()).get(0);
        assertThat(request.getQuestion()).isEqualTo(question);
        assertThat(request.getAnswer()).isNull();
        assertThat(properties.clarificationPeriod()).hasDays(10);
        assertThat(Duration.between(asked, request.getDueAt()))
                .as("ten days, give or take the hour of a clock change")
                .isBetween(Duration.ofDays(10).minusHours(1), Duration.ofDays(10).plusHours(1));
        assertThat(job(ApplicationProcess.TIMER_CLARIFICATION_EXPIRED, instance))
                .as("the timer fires at the deadline the SME was given")
                .hasDueDate(Date.from(request.getDueAt()));

        Application waiting = stored(application);
        assertThat(waiting.getStatus()).isEqualTo(ApplicationStatus.CLARIFICATION_REQUESTED);
        assertThat(waiting.getEligible()).isNull();
        assertThat(outbox(application, NotificationType.CLARIFICATION_REQUESTED)).singleElement()
                .satisfies(notification -> {
                    assertThat(notification.getRecipient()).isEqualTo(sme);
                    assertThat(notification.getBody()).contains(question,
                            Formats.dateTime(request.getDueAt().atZone(properties.timeZone())));
                });
        assertThat(outbox(application, NotificationType.ELIGIBILITY_RESULT)).isEmpty();
        assertThat(audit.trailOf(waiting)).filteredOn(event -> event.getAction().equals("CLARIFICATION_REQUESTED"))
                .singleElement().satisfies(event -> assertThat(event.getReason()).isEqualTo(question));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private void decide(String reviewer, ProcessInstance instance, ReviewDecision decision, Object... more) {
        Map<String, Object> variables = withVariables(ApplicationProcess.VAR_REVIEW_DECISION, decision.name(), more);
        scenario.as(reviewer, () -> complete(task(ApplicationProcess.TASK_ELIGIBILITY_REVIEW, instance), variables));
    }

    /**
     * Runs the action as a user signed in to the application's API (Spring Security), as the portal and the JSON API
     * call the services: the engine itself has no authenticated user then, so no tenant check applies.
     */
    private static void asPortalUser(String username, Runnable action) {
        List<SimpleGrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(Roles.SME));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Application stored(Application application) {
        return applications.findById(application.getId()).orElseThrow();
    }

    private static ProcessInstance instance(Application application) {
        ProcessInstance instance = processInstanceQuery().processInstanceId(application.getProcessInstanceId())
                .singleResult();
        assertThat(instance).as("process instance of " + application.reference()).isNotNull();
        return instance;
    }

    private List<Notification> outbox(Application application, NotificationType type) {
        return notifications.findByEntityTypeAndEntityIdOrderById("Application", application.reference()).stream()
                .filter(notification -> notification.getType().equals(type.name()))
                .toList();
    }



    /** Nothing was decided: the application is in review with only its submission and automatic check on record. */
    private void assertStillAwaitingTheFirstReview(Application application) {
        Application unchanged = stored(application);
        assertThat(unchanged.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(unchanged.getEligible()).isNull();
        assertThat(audit.trailOf(unchanged)).extracting(AuditEvent::getAction)
                .containsExactly("APPLICATION_SUBMITTED", "ELIGIBILITY_CHECKED");
    }
}
