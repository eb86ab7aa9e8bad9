package eu.clustercalls.evaluation;

import static eu.clustercalls.ProcessAssertions.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.Scenario.Cluster;
import eu.clustercalls.TasklistFormData;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.Criterion;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.notification.Notification;
import eu.clustercalls.notification.NotificationRepository;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.security.Roles;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.InvalidInputException;

/**
 * The evaluation part of processes/application.bpmn: evaluators assigned by a balanced round-robin (never one who
 * acts for the applicant), a declared conflict of interest handing the slot on, a call manager adding an evaluator
 * when nobody is left, the final score as the mean or set by consensus, and what Tasklist refuses. Each test checks
 * the path and what it leaves in the database, the audit trail and the outbox.
 */
@ClusterCallsTest
@ExtendWith(ProcessAssertions.class)
class EvaluationProcessTest {

    private static final BigDecimal REQUESTED = new BigDecimal("1500");
    /** Where an application with its evaluators waits: the evaluation subprocess, once per evaluator, at its task. */
    private static final String[] EVALUATING = {
            ApplicationProcess.SUBPROCESS_EVALUATION + BpmnParse.MULTI_INSTANCE_BODY_ID_SUFFIX,
            ApplicationProcess.SUBPROCESS_EVALUATION, ApplicationProcess.TASK_EVALUATE };

    @Autowired
    Scenario scenario;
    @Autowired
    EvaluationRepository evaluations;
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

    // --- assignment ------------------------------------------------------------------------------------------

    @Test
    void eachEligibleApplicationGoesToTwoEvaluatorsOfItsClusterAndTheLoadIsSpreadEvenlyOverTheCall() {
        Cluster cluster = scenario.cluster();
        String third = scenario.staff(Roles.EVALUATORS, cluster.id());
        List<String> evaluatorsOfTheCluster = List.of(cluster.evaluators().get(0), cluster.evaluators().get(1), third);
        Cluster otherCluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);

        List<Application> evaluated = IntStream.range(0, 3)
                .mapToObj(i -> scenario.eligibleApplication(cluster, call, REQUESTED)).toList();

        for (Application application : evaluated) {
            ProcessInstance instance = instance(application);
            assertThat(instance).hasPassed(ApplicationProcess.TASK_PICK_EVALUATOR).isWaitingAtExactly(EVALUATING);
            List<Task> tasks = taskQuery().processInstanceId(instance.getId()).list();
            List<String> assigned = tasks.stream().map(Task::getAssignee).toList();
            assertThat(tasks).hasSize(2).allSatisfy(task -> {
                assertThat(task.getTaskDefinitionKey()).isEqualTo(ApplicationProcess.TASK_EVALUATE);
                assertThat(evaluatorsOfTheCluster).contains(task.getAssignee());
                assertThat(taskService.getVariablesLocal(task.getId()))
                        .containsEntry("applicationReference", application.reference())
                        .containsEntry("maxRelevance", 10);
                assertThat(TasklistFormData.view(taskService, task.getId()))
                        .containsEntry("applicationReference", application.reference())
                        .containsKeys("applicationSummary", "motivation", "targetMarkets", "exportExperience")
                        .doesNotContainKeys("evaluationsSummary")
                        .hasEntrySatisfying("rubric", rubric -> assertThat((String) rubric).contains(
                                "**Relevance of the target market**: 0 to 10 points",
                                "**Internationalisation readiness**: 0 to 10 points",
                                "**Quality of the company's representation**: 0 to 5 points",
                                "Total out of 25; threshold 15."));
            });
            assertThat(assigned).doesNotHaveDuplicates();

            List<Evaluation> rows = evaluationsOf(application);
            assertThat(rows).extracting(Evaluation::getEvaluator).containsExactlyInAnyOrderElementsOf(assigned);
            assertThat(rows).extracting(Evaluation::getSlot).containsExactlyInAnyOrder(1, 2);
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.isConflict()).isFalse();
                assertThat(row.getSubmittedAt()).isNull();
                assertThat(row.getScores()).isEmpty();
                Task task = scenario.evaluationTask(application, row.getEvaluator());
                assertThat(Duration.between(row.getAssignedAt(), task.getDueDate().toInstant()))
                        .as("due ten days after the assignment, give or take the hour of a clock change")
                        .isBetween(Duration.ofDays(10).minusHours(1), Duration.ofDays(10).plusHours(1));
            });
            Application stored = stored(application);
            assertThat(stored.getStatus()).isEqualTo(ApplicationStatus.IN_EVALUATION);
            assertThat(stored.getFinalScore()).isNull();
            assertThat(trail(application)).filteredOn(event -> event.getAction().equals("EVALUATOR_ASSIGNED"))
                    .extracting(AuditEvent::getActor, AuditEvent::getDecision, AuditEvent::getReason)
                    .containsExactlyInAnyOrder(
                            tuple("system", evaluatorOfSlot(rows, 1), "slot 1"),
                            tuple("system", evaluatorOfSlot(rows, 2), "slot 2"));
            assertThat(outbox(application, NotificationType.EVALUATION_ASSIGNED))
                    .extracting(Notification::getRecipient).containsExactlyInAnyOrderElementsOf(assigned);
        }
        Map<String, Long> load = evaluated.stream().flatMap(application -> evaluationsOf(application).stream())
                .collect(Collectors.groupingBy(Evaluation::getEvaluator, Collectors.counting()));
        assertThat(load).as("six evaluations over three evaluators: two each, none for another cluster's evaluators")
                .containsOnly(entry(evaluatorsOfTheCluster.get(0), 2L), entry(evaluatorsOfTheCluster.get(1), 2L),
                        entry(third, 2L))
                .doesNotContainKeys(otherCluster.evaluators().toArray(String[]::new));
    }

    @Test
    void anEvaluatorWhoActsForTheApplicantCompanyIsNeverAssignedToItsApplication() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Company company = scenario.memberCompany(cluster);
        String insider = scenario.staff(Roles.EVALUATORS, cluster.id());
        companies.addContact(company.getId(), insider);

        Application own = scenario.apply(call, company, REQUESTED);
        scenario.confirmEligibility(cluster, own);

        assertThat(scenario.evaluatorsOf(own)).as("all three have no load yet; the insider is left out")
                .containsExactlyInAnyOrderElementsOf(cluster.evaluators());

        Application another = scenario.eligibleApplication(cluster, call, REQUESTED);

        assertThat(scenario.evaluatorsOf(another)).as("the insider evaluates other companies' applications")
                .contains(insider);

        scenario.declareConflict(own, cluster.evaluators().get(0), "We worked together on a project last year.");

        ProcessInstance instance = instance(own);
        assertThat(instance).as("not even when nobody else is left")
                .isWaitingAt(ApplicationProcess.TASK_ADD_EVALUATOR, ApplicationProcess.TASK_EVALUATE);
        assertThat(scenario.evaluatorsOf(own)).containsExactly(cluster.evaluators().get(1));
        assertThat(evaluationsOf(own)).extracting(Evaluation::getEvaluator).doesNotContain(insider);
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskAssignee(insider).count()).isZero();
        assertThat(last(trail(own))).satisfies(event -> {
            assertThat(event.getAction()).isEqualTo("NO_EVALUATOR_LEFT");
            assertThat(event.getReason())
                    .isEqualTo("Every evaluator of the cluster has had this application or acts for the applicant.");
        });
    }

    // --- conflict of interest --------------------------------------------------------------------------------

    @Test
    void anEvaluatorWhoDeclaresAConflictOfInterestHandsTheApplicationToAnotherEvaluator() {
        Cluster cluster = scenario.cluster();
        String third = scenario.staff(Roles.EVALUATORS, cluster.id());
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.eligibleApplication(cluster, call, REQUESTED);
        ProcessInstance instance = instance(application);
        List<String> assigned = scenario.evaluatorsOf(application);
        String conflicted = assigned.get(0);
        String staying = assigned.get(1);
        String replacement = List.of(cluster.evaluators().get(0), cluster.evaluators().get(1), third).stream()
                .filter(evaluator -> !assigned.contains(evaluator)).findFirst().orElseThrow();
        int slot = evaluationsOf(application).stream().filter(row -> row.getEvaluator().equals(conflicted))
                .findFirst().orElseThrow().getSlot();

        scenario.declareConflict(application, conflicted, "  I advised the company on its export plan.  ");

        assertThat(instance).hasPassed(ApplicationProcess.TASK_EVALUATE).isWaitingAtExactly(EVALUATING);
        assertThat(scenario.evaluatorsOf(application)).containsExactlyInAnyOrder(staying, replacement);
        assertThat(scenario.evaluationTask(application, conflicted)).isNull();
        assertThat(instance).variables().doesNotContainKeys(EvaluationFormFields.all().toArray(String[]::new));
        Map<String, Evaluation> rows = byEvaluator(evaluationsOf(application));
        assertThat(rows.get(conflicted)).satisfies(row -> {
            assertThat(row.isConflict()).isTrue();
            assertThat(row.getConflictReason()).isEqualTo("I advised the company on its export plan.");
            assertThat(row.getSubmittedAt()).isNull();
            assertThat(row.getScores()).isEmpty();
        });
        assertThat(rows.get(replacement).getSlot()).as("the replacement takes over the slot").isEqualTo(slot);
        List<AuditEvent> trail = trail(application);
        assertThat(trail.subList(trail.size() - 2, trail.size()))
                .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getDecision, AuditEvent::getReason)
                .containsExactly(
                        tuple("CONFLICT_DECLARED", conflicted, "handed over to another evaluator",
                                "I advised the company on its export plan."),
                        tuple("EVALUATOR_ASSIGNED", "system", replacement, "slot " + slot));
        assertThat(outbox(application, NotificationType.EVALUATION_ASSIGNED)).extracting(Notification::getRecipient)
                .containsExactlyInAnyOrder(conflicted, staying, replacement);

        scenario.evaluate(application, staying, 9, 8, 4);
        scenario.evaluate(application, replacement, 8, 8, 3);

        assertThat(instance).hasPassed(ApplicationProcess.TASK_SETTLE_SCORE)
                .isWaitingAtExactly(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED);
        Application scored = stored(application);
        assertThat(scored.getStatus()).isEqualTo(ApplicationStatus.EVALUATED);
        assertThat(scored.getFinalScore()).as("the mean of the two scores; the declaration counts for nothing")
                .isEqualByComparingTo("20");
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskAssignee(conflicted).count()).as("the conflicted evaluator gets no second task").isEqualTo(1);
    }

    @Test
    void whenNoEvaluatorOfTheClusterIsLeftTheCallManagersAddOneAndTheApplicationIsEvaluated() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.eligibleApplication(cluster, call, REQUESTED);
        ProcessInstance instance = instance(application);
        String conflicted = cluster.evaluators().get(0);
        String other = cluster.evaluators().get(1);

        scenario.declareConflict(application, conflicted, "The applicant is my former employer.");

        assertThat(instance).hasPassed(ApplicationProcess.TASK_PICK_EVALUATOR)
                .isWaitingAt(ApplicationProcess.TASK_ADD_EVALUATOR, ApplicationProcess.TASK_EVALUATE);
        assertThat(scenario.evaluatorsOf(application)).containsExactly(other);
        Task addEvaluator = task(ApplicationProcess.TASK_ADD_EVALUATOR, instance);
        assertThat(addEvaluator).hasCandidateGroup(Roles.CALL_MANAGERS).isNotAssigned();
        assertThat(TasklistFormData.view(taskService, addEvaluator.getId()))
                .containsEntry("clusterId", cluster.id())
                .containsEntry("applicationReference", application.reference())
                .hasEntrySatisfying("excludedEvaluators", text -> assertThat((String) text).contains(
                        conflicted + " (conflict of interest: The applicant is my former employer.)",
                        other + " (evaluating)"));
        assertThat(last(trail(application))).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .containsExactly("NO_EVALUATOR_LEFT", "system");
        assertThat(outbox(application, NotificationType.EVALUATOR_NEEDED))
                .extracting(Notification::getRecipient)
                .containsExactlyInAnyOrder(cluster.manager(), cluster.secondManager());
        assertThat(outbox(application, NotificationType.EVALUATOR_NEEDED).get(0).getBody())
                .contains(application.reference(), "add one to the evaluators group");
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.IN_EVALUATION);

        assertThat(refusal(() -> scenario.as(other, () -> taskService.complete(addEvaluator.getId()))))
                .as("the engine grants the task to the call managers only").isInstanceOf(AuthorizationException.class);
        scenario.as(cluster.manager(), () -> taskService.complete(addEvaluator.getId()));

        assertThat(trail(application)).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .endsWith(tuple("EVALUATOR_ADDED", cluster.manager()), tuple("NO_EVALUATOR_LEFT", "system"));
        assertThat(instance).as("completed without adding anyone: asked again")
                .isWaitingAt(ApplicationProcess.TASK_ADD_EVALUATOR, ApplicationProcess.TASK_EVALUATE);
        assertThat(task(ApplicationProcess.TASK_ADD_EVALUATOR, instance).getId()).isNotEqualTo(addEvaluator.getId());
        assertThat(outbox(application, NotificationType.EVALUATOR_NEEDED)).hasSize(4);

        String newcomer = scenario.staff(Roles.EVALUATORS, cluster.id());
        scenario.as(cluster.secondManager(),
                () -> taskService.complete(task(ApplicationProcess.TASK_ADD_EVALUATOR, instance).getId()));

        assertThat(instance).hasPassed(ApplicationProcess.TASK_ADD_EVALUATOR).isWaitingAtExactly(EVALUATING);
        assertThat(scenario.evaluatorsOf(application)).containsExactlyInAnyOrder(other, newcomer);
        assertThat(trail(application)).extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getDecision)
                .endsWith(tuple("EVALUATOR_ADDED", cluster.secondManager(), null),
                        tuple("EVALUATOR_ASSIGNED", "system", newcomer));

        scenario.evaluate(application, other, 8, 7, 4);
        scenario.evaluate(application, newcomer, 7, 7, 3);

        assertThat(instance).hasPassed(ApplicationProcess.TASK_SETTLE_SCORE)
                .hasNotPassed(ApplicationProcess.TASK_CONSENSUS)
                .isWaitingAtExactly(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED);
        Application scored = stored(application);
        assertThat(scored.getStatus()).isEqualTo(ApplicationStatus.EVALUATED);
        assertThat(scored.getFinalScore()).isEqualByComparingTo("18");
        assertThat(evaluationsOf(application)).filteredOn(Evaluation::isSubmitted)
                .extracting(Evaluation::getEvaluator, Evaluation::getTotal)
                .containsExactlyInAnyOrder(tuple(other, 19), tuple(newcomer, 17));
    }

    // --- final score -----------------------------------------------------------------------------------------

    @Test
    void whenTheEvaluatorsAgreeTheFinalScoreIsTheMeanOfTheirTotals() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.eligibleApplication(cluster, call, REQUESTED);
        ProcessInstance instance = instance(application);
        String first = scenario.evaluatorsOf(application).get(0);
        String second = scenario.evaluatorsOf(application).get(1);
        Map<String, Object> firstScores = Scenario.scoresForm(9, 8, 4);
        firstScores.put(ApplicationProcess.FIELD_EVALUATION_COMMENT, "  Strong network of Canadian distributors.  ");

        scenario.completeEvaluation(application, first, firstScores);

        assertThat(instance).isWaitingAtExactly(EVALUATING);
        assertThat(scenario.evaluatorsOf(application)).containsExactly(second);
        assertThat(instance).variables().doesNotContainKeys(EvaluationFormFields.all().toArray(String[]::new));
        assertThat(byEvaluator(evaluationsOf(application)).get(first)).satisfies(row -> {
            assertThat(row.getSubmittedAt()).isNotNull();
            assertThat(row.isConflict()).isFalse();
            assertThat(row.getTotal()).isEqualTo(21);
            assertThat(row.getScores()).containsOnly(entry(Criterion.RELEVANCE, 9), entry(Criterion.READINESS, 8),
                    entry(Criterion.REPRESENTATION, 4));
            assertThat(row.getComment()).isEqualTo("Strong network of Canadian distributors.");
        });
        assertThat(stored(application).getFinalScore()).isNull();
        assertThat(last(trail(application)))
                .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getDecision, AuditEvent::getReason)
                .containsExactly("EVALUATION_SUBMITTED", first, "21 of 25", "Strong network of Canadian distributors.");
        assertThat(outbox(application, NotificationType.EVALUATION_RECORDED)).as("the evaluator's confirmation")
                .singleElement().satisfies(mail -> {
                    assertThat(mail.getRecipient()).isEqualTo(first);
                    assertThat(mail.getSubject()).isEqualTo("Your evaluation of " + application.reference() + " is recorded");
                    assertThat(mail.getBody()).contains("a total of 21 of 25 points (the call’s threshold is "
                            + Formats.number(call.getScoreThreshold()) + ")");
                });

        scenario.evaluate(application, second, 7, 5, 2);

        assertThat(instance).as("totals 21 and 14 differ by 7 points, less than 30 % of 25")
                .hasPassed(ApplicationProcess.TASK_SETTLE_SCORE).hasNotPassed(ApplicationProcess.TASK_CONSENSUS)
                .isWaitingAtExactly(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED);
        assertThat(instance).variables().containsEntry(ApplicationProcess.VAR_CONSENSUS_NEEDED, false);
        Application scored = stored(application);
        assertThat(scored.getStatus()).isEqualTo(ApplicationStatus.EVALUATED);
        assertThat(scored.getFinalScore()).isEqualByComparingTo("17.5");
        assertThat(scored.getFinalScoreBy()).isEqualTo("system");
        assertThat(scored.getFinalScoreReason()).isNull();
        assertThat(last(trail(application))).satisfies(event -> {
            assertThat(event.getAction()).isEqualTo("SCORE_SETTLED");
            assertThat(event.getActor()).isEqualTo("system");
            assertThat(event.getDecision()).isEqualTo("17.5 of 25");
            assertThat(event.getReason()).startsWith("Mean of").contains("21", "14");
        });
    }

    @Test
    void whenTheEvaluatorsDisagreeByThirtyPercentOfTheMaximumACallManagerSetsTheScoreWithAReason() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.eligibleApplication(cluster, call, REQUESTED);
        ProcessInstance instance = instance(application);
        String generous = scenario.evaluatorsOf(application).get(0);
        String strict = scenario.evaluatorsOf(application).get(1);

        scenario.evaluateWithTotals(application, 22, 14);

        assertThat(instance).hasPassed(ApplicationProcess.TASK_SETTLE_SCORE)
                .isWaitingAtExactly(ApplicationProcess.TASK_CONSENSUS);
        assertThat(instance).variables().containsEntry(ApplicationProcess.VAR_CONSENSUS_NEEDED, true);
        Task consensus = task(ApplicationProcess.TASK_CONSENSUS, instance);
        assertThat(consensus).hasCandidateGroup(Roles.CALL_MANAGERS).isNotAssigned();
        assertThat(taskService.getVariablesLocal(consensus.getId())).containsEntry("maxScore", 25);
        assertThat(TasklistFormData.view(taskService, consensus.getId()))
                .containsEntry("maxScore", 25)
                .containsEntry("applicationReference", application.reference())
                .hasEntrySatisfying("evaluationsSummary", text -> assertThat((String) text)
                        .contains("**" + generous + "**: 22 of 25", "**" + strict + "**: 14 of 25"));
        assertThat(stored(application).getStatus()).isEqualTo(ApplicationStatus.IN_EVALUATION);
        assertThat(stored(application).getFinalScore()).isNull();
        assertThat(last(trail(application))).satisfies(event -> {
            assertThat(event.getAction()).isEqualTo("CONSENSUS_NEEDED");
            assertThat(event.getReason()).isEqualTo("The totals differ by 8 points, 30 % of 25 or more.");
        });

        Throwable withoutReason = refusal(() -> scenario.as(cluster.manager(), () -> taskService.complete(
                consensus.getId(), withVariables(ApplicationProcess.FIELD_FINAL_SCORE, 18L))));
        Throwable outOfRange = refusal(() -> scenario.as(cluster.manager(), () -> taskService.complete(
                consensus.getId(), withVariables(ApplicationProcess.FIELD_FINAL_SCORE, 26L,
                        ApplicationProcess.FIELD_CONSENSUS_REASON, "Exceptional."))));
        Throwable notANumber = refusal(() -> scenario.as(cluster.manager(), () -> taskService.complete(
                consensus.getId(), withVariables(ApplicationProcess.FIELD_FINAL_SCORE, Double.NaN,
                        ApplicationProcess.FIELD_CONSENSUS_REASON, "Exceptional."))));
        Throwable reasonNotText = refusal(() -> scenario.as(cluster.manager(), () -> taskService.complete(
                consensus.getId(), withVariables(ApplicationProcess.FIELD_FINAL_SCORE, 18L,
                        ApplicationProcess.FIELD_CONSENSUS_REASON, true))));
        Throwable rounded = refusal(() -> scenario.as(cluster.manager(), () -> taskService.complete(
                consensus.getId(), withVariables(ApplicationProcess.FIELD_FINAL_SCORE, "18.555",
                        ApplicationProcess.FIELD_CONSENSUS_REASON, "Exceptional."))));
        Throwable byAnEvaluator = refusal(() -> scenario.as(generous, () -> taskService.complete(
                consensus.getId(), withVariables(ApplicationProcess.FIELD_FINAL_SCORE, 22L,
                        ApplicationProcess.FIELD_CONSENSUS_REASON, "I was right."))));

        assertThat(withoutReason).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) withoutReason).fieldErrors())
                .containsOnly(entry(ApplicationProcess.FIELD_CONSENSUS_REASON, "Please give the reason for the final score."));
        assertThat(outOfRange).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) outOfRange).fieldErrors())
                .containsOnly(entry(ApplicationProcess.FIELD_FINAL_SCORE, "The final score is from 0 to 25 points."));
        assertThat(notANumber).as("no NumberFormatException").isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) notANumber).fieldErrors())
                .containsOnly(entry(ApplicationProcess.FIELD_FINAL_SCORE, "Please enter a number."));
        assertThat(reasonNotText).as("no ClassCastException").isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) reasonNotText).fieldErrors())
                .containsOnly(entry(ApplicationProcess.FIELD_CONSENSUS_REASON, "Please enter text in this field."));
        assertThat(((InvalidInputException) rounded).fieldErrors()).as("refused, not rounded to 18.56")
                .containsOnly(entry(ApplicationProcess.FIELD_FINAL_SCORE, "The final score can have at most two decimals."));
        assertThat(byAnEvaluator).as("the consensus task is for call managers only")
                .isInstanceOf(AuthorizationException.class);
        assertThat(instance).isWaitingAtExactly(ApplicationProcess.TASK_CONSENSUS);
        assertThat(task(ApplicationProcess.TASK_CONSENSUS, instance)).hasId(consensus.getId());
        assertThat(instance).variables().doesNotContainKeys(ApplicationProcess.FIELD_FINAL_SCORE,
                ApplicationProcess.FIELD_CONSENSUS_REASON);
        assertThat(stored(application).getFinalScore()).as("nothing stored").isNull();
        assertThat(trail(application)).extracting(AuditEvent::getAction).doesNotContain("SCORE_SET_BY_CONSENSUS");

        scenario.as(cluster.manager(), () -> taskService.complete(consensus.getId(), withVariables(
                ApplicationProcess.FIELD_FINAL_SCORE, 18.5,
                ApplicationProcess.FIELD_CONSENSUS_REASON, "  The strict score overlooked the signed distributor agreement.  ")));

        assertThat(instance).hasPassed(ApplicationProcess.TASK_CONSENSUS)
                .isWaitingAtExactly(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED);
        assertThat(instance).variables().doesNotContainKeys(ApplicationProcess.FIELD_FINAL_SCORE,
                ApplicationProcess.FIELD_CONSENSUS_REASON);
        Application scored = stored(application);
        assertThat(scored.getStatus()).isEqualTo(ApplicationStatus.EVALUATED);
        assertThat(scored.getFinalScore()).isEqualByComparingTo("18.5");
        assertThat(scored.getFinalScoreBy()).isEqualTo(cluster.manager());
        assertThat(scored.getFinalScoreReason()).isEqualTo("The strict score overlooked the signed distributor agreement.");
        assertThat(last(trail(application)))
                .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getDecision, AuditEvent::getReason)
                .containsExactly("SCORE_SET_BY_CONSENSUS", cluster.manager(), "18.5 of 25",
                        "The strict score overlooked the signed distributor agreement.");
    }

    // --- refused in Tasklist ---------------------------------------------------------------------------------

    @Test
    void scoresOutOfRangeOrMissingAreRefusedWithAClearMessageAndNothingIsStored() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.eligibleApplication(cluster, call, REQUESTED);
        ProcessInstance instance = instance(application);
        String evaluator = scenario.evaluatorsOf(application).get(0);
        Task task = scenario.evaluationTask(application, evaluator);

        Map<String, Object> tooHighAndMissing = Scenario.scoresForm(11, 8, 4);
        tooHighAndMissing.remove(EvaluationFormFields.score(Criterion.READINESS));
        Map<String, Object> negative = Scenario.scoresForm(9, -1, 4);
        Map<String, Object> notANumber = Scenario.scoresForm(9, 8, 4);
        notANumber.put(EvaluationFormFields.score(Criterion.REPRESENTATION), "four");
        Map<String, Object> fraction = Scenario.scoresForm(9, 8, 4);
        fraction.put(EvaluationFormFields.score(Criterion.RELEVANCE), 7.5);
        Map<String, Object> beyondAnInt = Scenario.scoresForm(9, 8, 4);
        beyondAnInt.put(EvaluationFormFields.score(Criterion.REPRESENTATION), 4294967297L);
        Map<String, Object> commentNotText = Scenario.scoresForm(9, 8, 4);
        commentNotText.put(ApplicationProcess.FIELD_EVALUATION_COMMENT, 42L);
        Map<String, Object> undeclared = Scenario.scoresForm(9, 8, 4);
        undeclared.remove(ApplicationProcess.FIELD_CONFLICT_OF_INTEREST);
        Map<String, Object> conflictWithoutReason = new HashMap<>(Map.of(ApplicationProcess.FIELD_CONFLICT_OF_INTEREST, "YES"));

        assertRefused(application, evaluator, tooHighAndMissing, Map.of(
                "scores." + Criterion.RELEVANCE, "Relevance of the target market is scored from 0 to 10 points.",
                "scores." + Criterion.READINESS, "Please score Internationalisation readiness."));
        assertRefused(application, evaluator, negative, Map.of(
                "scores." + Criterion.READINESS, "Internationalisation readiness is scored from 0 to 10 points."));
        assertRefused(application, evaluator, notANumber, Map.of(
                EvaluationFormFields.score(Criterion.REPRESENTATION), "Please enter a number of points."));
        assertRefused(application, evaluator, beyondAnInt, Map.of(EvaluationFormFields.score(Criterion.REPRESENTATION),
                "Please score from 0 to the criterion's maximum."));
        assertRefused(application, evaluator, commentNotText, Map.of(ApplicationProcess.FIELD_EVALUATION_COMMENT,
                "Please enter text in this field."));
        assertRefused(application, evaluator, fraction, Map.of(
                EvaluationFormFields.score(Criterion.RELEVANCE), "Please score in whole points."));
        assertRefused(application, evaluator, undeclared, Map.of(ApplicationProcess.FIELD_CONFLICT_OF_INTEREST,
                "Please declare whether you have a conflict of interest with this applicant."));
        assertRefused(application, evaluator, conflictWithoutReason, Map.of(ApplicationProcess.FIELD_CONFLICT_REASON,
                "Please describe the conflict of interest."));

        assertThat(instance).isWaitingAtExactly(EVALUATING);
        assertThat(scenario.evaluationTask(application, evaluator)).as("the same task, still open").hasId(task.getId());
        assertNothingEvaluated(application, instance);
    }

    @Test
    void anEvaluatorCannotCompleteAnotherEvaluatorsEvaluation() {
        Cluster cluster = scenario.cluster();
        String third = scenario.staff(Roles.EVALUATORS, cluster.id());
        Cluster otherCluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.eligibleApplication(cluster, call, REQUESTED);
        ProcessInstance instance = instance(application);
        List<String> assigned = scenario.evaluatorsOf(application);
        String owner = assigned.get(0);
        String otherAssigned = assigned.get(1);
        String unassigned = List.of(cluster.evaluators().get(0), cluster.evaluators().get(1), third).stream()
                .filter(evaluator -> !assigned.contains(evaluator)).findFirst().orElseThrow();
        Task ownersTask = scenario.evaluationTask(application, owner);
        Map<String, Object> scores = Scenario.scoresForm(10, 10, 5);

        Throwable byUnassigned = refusal(() -> scenario.as(unassigned,
                () -> taskService.complete(ownersTask.getId(), scores)));
        Throwable byTheOtherEvaluator = refusal(() -> scenario.as(otherAssigned,
                () -> taskService.complete(ownersTask.getId(), scores)));
        Throwable byAnotherCluster = refusal(() -> scenario.as(otherCluster.evaluators().get(0),
                () -> taskService.complete(ownersTask.getId(), scores)));

        assertThat(byUnassigned).as("the engine grants a task to its assignee only")
                .isInstanceOf(AuthorizationException.class).hasMessageContaining(unassigned);
        assertThat(byTheOtherEvaluator).as("not even an evaluator of the same application, with a task of their own")
                .isInstanceOf(AuthorizationException.class).hasMessageContaining(otherAssigned);
        assertThat(byAnotherCluster).as("the engine's tenant check").hasMessageContaining("no authenticated tenant");
        assertThat(instance).isWaitingAtExactly(EVALUATING);
        assertThat(scenario.evaluatorsOf(application)).containsExactlyInAnyOrder(owner, otherAssigned);
        assertThat(scenario.evaluationTask(application, owner)).hasId(ownersTask.getId());
        assertNothingEvaluated(application, instance);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** The evaluator's submission is refused with exactly these messages. */
    private void assertRefused(Application application, String evaluator, Map<String, Object> form,
            Map<String, String> problems) {
        Throwable refusal = refusal(() -> scenario.completeEvaluation(application, evaluator, form));
        assertThat(refusal).as("refusal of " + form).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) refusal).fieldErrors()).as("problems with " + form)
                .containsExactlyInAnyOrderEntriesOf(problems);
        assertThat(refusal.getMessage()).as("the message Tasklist shows").contains(problems.values());
    }

    /** Every evaluation is still open and nothing of a submission or a declaration is on record. */
    private void assertNothingEvaluated(Application application, ProcessInstance instance) {
        assertThat(evaluationsOf(application)).hasSize(2).allSatisfy(row -> {
            assertThat(row.isConflict()).isFalse();
            assertThat(row.getSubmittedAt()).isNull();
            assertThat(row.getTotal()).isNull();
            assertThat(row.getScores()).isEmpty();
        });
        assertThat(instance).variables().doesNotContainKeys(EvaluationFormFields.all().toArray(String[]::new));
        Application unchanged = stored(application);
        assertThat(unchanged.getStatus()).isEqualTo(ApplicationStatus.IN_EVALUATION);
        assertThat(unchanged.getFinalScore()).isNull();
        assertThat(trail(application)).extracting(AuditEvent::getAction)
                .doesNotContain("EVALUATION_SUBMITTED", "CONFLICT_DECLARED");
    }

    private List<Evaluation> evaluationsOf(Application application) {
        return evaluations.findByApplicationIdOrderById(application.getId());
    }

    private static Map<String, Evaluation> byEvaluator(List<Evaluation> rows) {
        return rows.stream().collect(Collectors.toMap(Evaluation::getEvaluator, Function.identity()));
    }

    private static String evaluatorOfSlot(List<Evaluation> rows, int slot) {
        return rows.stream().filter(row -> row.getSlot() == slot).findFirst().orElseThrow().getEvaluator();
    }

    private Application stored(Application application) {
        return applications.findById(application.getId()).orElseThrow();
    }

    private List<AuditEvent> trail(Application application) {
        return audit.trailOf(stored(application));
    }

    private List<Notification> outbox(Application application, NotificationType type) {
        return notifications.findByEntityTypeAndEntityIdOrderById("Application", application.reference()).stream()
                .filter(notification -> notification.getType().equals(type.name()))
                .toList();
    }

    private static ProcessInstance instance(Application application) {
        ProcessInstance instance = processInstanceQuery().processInstanceId(application.getProcessInstanceId())
                .singleResult();
        assertThat(instance).as("process instance of " + application.reference()).isNotNull();
        return instance;
    }


    /** The application's own exception inside whatever the engine wraps it in (task listeners are wrapped). */
    private static Throwable refusal(ThrowingCallable action) {
        Throwable thrown = catchThrowable(action);
        assertThat(thrown).as("the action is refused").isNotNull();
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = thrown; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            if (cause.getClass().getPackageName().equals("eu.clustercalls.support")) {
                return cause;
            }
            chain.add(cause);
        }
        return thrown;
    }
}
