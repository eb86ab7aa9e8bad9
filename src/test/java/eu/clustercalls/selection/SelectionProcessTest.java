package eu.clustercalls.selection;

import static eu.clustercalls.ProcessAssertions.refusal;
import static eu.clustercalls.ProcessAssertions.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
import eu.clustercalls.application.Selection;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.CallStatus;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.notification.Notification;
import eu.clustercalls.notification.NotificationRepository;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.security.Roles;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.InvalidInputException;

/**
 * The selection part of processes/funding-call.bpmn and processes/application.bpmn: the closed call waits until
 * every application is decided and scored, ranks them, the call managers approve or move, the results reach every
 * application, and a slot freed by a decline or a lapsed confirmation goes to the first reserve while the budget
 * allows. Each test checks the paths and what they leave in the database, the audit trail and the outbox.
 */
@ClusterCallsTest
@ExtendWith(ProcessAssertions.class)
class SelectionProcessTest {

    private static final BigDecimal REQUESTED = new BigDecimal("1500");

    @Autowired
    Scenario scenario;
    @Autowired
    CallService calls;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    AuditService audit;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    TaskService taskService;
    @Autowired
    ClusterCallsProperties properties;
    @Autowired
    SelectionService selection;

    // --- waiting until every application is settled ---------------------------------------------------------

    @Test
    void aCallClosedWhileAnApplicationIsInReviewWaitsAndRanksOnlyOnceItIsDecidedAndScored() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        ProcessInstance callInstance = instance(call);
        Application scored = scenario.evaluatedApplication(cluster, call, REQUESTED, 20, 20);
        Application inReview = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        Instant closing = frozenClock();

        scenario.closeEarly(cluster, call);

        assertThat(callInstance).hasPassed(FundingCallProcess.TASK_CLOSE_CALL, FundingCallProcess.TASK_CHECK_SETTLED)
                .hasNotPassed(FundingCallProcess.TASK_PROPOSE_SELECTION)
                .isWaitingAtExactly(FundingCallProcess.TIMER_RECHECK_SETTLED);
        assertThat(callInstance).variables().containsEntry(FundingCallProcess.VAR_ALL_SETTLED, false);
        assertThat(job(FundingCallProcess.TIMER_RECHECK_SETTLED, callInstance))
                .hasDueDate(Date.from(closing.plus(properties.settlingCheckPeriod())));
        assertThat(properties.settlingCheckPeriod()).isEqualTo(Duration.ofMinutes(5));
        assertThat(calls.get(call.getId()).getStatus()).isEqualTo(CallStatus.CLOSED);
        assertNotRanked(call, scored);

        execute(job(FundingCallProcess.TIMER_RECHECK_SETTLED, callInstance));

        assertThat(callInstance).as("still in review: it looks again later")
                .hasPassed(FundingCallProcess.TIMER_RECHECK_SETTLED)
                .hasNotPassed(FundingCallProcess.TASK_PROPOSE_SELECTION)
                .isWaitingAtExactly(FundingCallProcess.TIMER_RECHECK_SETTLED);
        assertNotRanked(call, scored);

        scenario.confirmEligibility(cluster, inReview);
        scenario.evaluateWithTotals(inReview, 18, 17);

        assertThat(callInstance).as("the call notices at its next look")
                .isWaitingAtExactly(FundingCallProcess.TIMER_RECHECK_SETTLED);

        execute(job(FundingCallProcess.TIMER_RECHECK_SETTLED, callInstance));

        assertThat(callInstance).isWaitingAtExactly(FundingCallProcess.TASK_PROPOSE_SELECTION);
        assertThat(callInstance).variables().containsEntry(FundingCallProcess.VAR_ALL_SETTLED, true);

        execute(job(FundingCallProcess.TASK_PROPOSE_SELECTION, callInstance));

        assertThat(callInstance).hasPassed(FundingCallProcess.TASK_PROPOSE_SELECTION)
                .isWaitingAtExactly(FundingCallProcess.TASK_SELECTION_DECISION);
        assertThat(stored(scored)).extracting(Application::getRanking, Application::getSelection)
                .containsExactly(1, Selection.MAIN);
        assertThat(stored(inReview)).extracting(Application::getRanking, Application::getSelection,
                Application::getFinalScore).containsExactly(2, Selection.MAIN, new BigDecimal("17.50"));
        assertThat(last(audit.trailOf(call))).satisfies(event -> {
            assertThat(event.getAction()).isEqualTo("SELECTION_PROPOSED");
            assertThat(event.getReason()).contains("threshold 15", "3 slots", "budget €6,000.00");
        });
    }

    // --- approved --------------------------------------------------------------------------------------------

    @Test
    void approvingTheProposalSendsTheResultToEveryApplicationWithItsScoresAndWithoutTheEvaluators() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, form -> form.put("slots", 2L));
        ProcessInstance callInstance = instance(call);
        Application first = scenario.evaluatedApplication(cluster, call, REQUESTED, 23, 23);
        Application second = scenario.evaluatedApplication(cluster, call, REQUESTED, 21, 19);
        Application reserve = scenario.evaluatedApplication(cluster, call, REQUESTED, 19, 17);
        Application below = scenario.evaluatedApplication(cluster, call, REQUESTED, 12, 12);

        scenario.closeEarly(cluster, call);

        assertThat(callInstance).hasPassed(FundingCallProcess.TASK_CHECK_SETTLED, FundingCallProcess.TASK_PROPOSE_SELECTION)
                .hasNotPassed(FundingCallProcess.TIMER_RECHECK_SETTLED)
                .isWaitingAtExactly(FundingCallProcess.TASK_SELECTION_DECISION);
        Task decision = scenario.selectionDecisionTask(call);
        assertThat(decision).hasCandidateGroup(Roles.CALL_MANAGERS).isNotAssigned();
        assertThat(taskService.getVariablesLocal(decision.getId()))
                .as("the Tasklist filters' column").containsEntry("callTitle", call.getTitle());
        assertThat(TasklistFormData.view(taskService, decision.getId()))
                .containsEntry("callTitle", call.getTitle())
                .hasEntrySatisfying("selectionRules", text -> assertThat((String) text)
                        .contains("2 slots, budget €4,000.00, threshold 15 of 25 points"))
                // "1\." reads "1." in the form, not as a list in the list.
                .hasEntrySatisfying("mainList", text -> assertThat((String) text)
                        .contains("- 1\\. " + first.reference(), "- 2\\. " + second.reference())
                        .doesNotContain(reserve.reference()))
                .hasEntrySatisfying("reserveList", text -> assertThat((String) text).contains("- 3\\. " + reserve.reference()))
                .hasEntrySatisfying("rejectedList", text -> assertThat((String) text).contains("- 4\\. " + below.reference()));
        for (Application application : List.of(first, second, reserve, below)) {
            assertThat(stored(application).getStatus()).as("nothing announced before the decision")
                    .isEqualTo(ApplicationStatus.EVALUATED);
            assertThat(instance(application)).isWaitingAtExactly(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED);
        }
        ProcessInstance firstInstance = instance(first);
        ProcessInstance belowInstance = instance(below);

        Instant published = frozenClock();
        scenario.approveSelection(cluster, call);

        assertThat(callInstance).hasPassed(FundingCallProcess.TASK_SELECTION_DECISION, FundingCallProcess.TASK_PUBLISH_RESULTS)
                .isWaitingAtExactly(FundingCallProcess.TIMER_ACTIVITY_ENDED);
        assertThat(callInstance).variables().doesNotContainKeys(FundingCallProcess.FIELD_SELECTION_DECISION,
                FundingCallProcess.FIELD_SELECTION_MOVES, FundingCallProcess.FIELD_SELECTION_REASON);
        assertThat(calls.get(call.getId()).getStatus()).isEqualTo(CallStatus.RESULTS_PUBLISHED);
        List<AuditEvent> callTrail = audit.trailOf(call);
        assertThat(callTrail).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .endsWith(tuple("SELECTION_PROPOSED", "system"),
                        tuple("SELECTION_APPROVED", cluster.secondManager()),
                        tuple("RESULTS_PUBLISHED", "system"));
        assertThat(callTrail.get(callTrail.size() - 3).getDecision()).isEqualTo("{MAIN=2, RESERVE=1, REJECTED=1}");
        assertThat(callTrail.get(callTrail.size() - 2).getDecision()).isEqualTo("as proposed");

        Instant due = published.atZone(properties.timeZone()).plus(properties.confirmationPeriod()).toInstant();
        assertSelected(first, 1, due);
        assertSelected(second, 2, due);
        assertThat(stored(reserve)).extracting(Application::getStatus, Application::getRanking, Application::getSelection,
                Application::getConfirmationDueAt).containsExactly(ApplicationStatus.RESERVE, 3, Selection.RESERVE, null);
        assertThat(instance(reserve)).hasPassed(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED)
                .isWaitingFor(ApplicationProcess.MESSAGE_PROMOTED, ApplicationProcess.MESSAGE_RESERVE_RELEASED)
                .isNotEnded();
        assertThat(stored(below)).extracting(Application::getStatus, Application::getRanking, Application::getSelection)
                .containsExactly(ApplicationStatus.NOT_SELECTED, 4, Selection.REJECTED);
        assertThat(belowInstance).hasPassed(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED,
                ApplicationProcess.END_NOT_SELECTED).isEnded();
        for (Application application : List.of(first, second, reserve, below)) {
            assertThat(last(audit.trailOf(stored(application)))).extracting(AuditEvent::getAction, AuditEvent::getDecision)
                    .containsExactly("RESULT_PUBLISHED", stored(application).getSelection().name());
        }

        assertResult(first, "is selected (rank 1). Please confirm your participation before "
                + Formats.dateTime(due.atZone(properties.timeZone())) + ":", "Final score 23 of 25 points",
                "Relevance of the target market: 10 / 10", "Internationalisation readiness: 10 / 10",
                "Quality of the company's representation: 3 / 5");
        assertResult(second, "is selected (rank 2).", "Final score 20 of 25 points",
                "Relevance of the target market: 10 / 10", "Internationalisation readiness: 9.5 / 10",
                "Quality of the company's representation: 0.5 / 5");
        assertResult(reserve, "is on the reserve list (rank 3).", "Final score 18 of 25 points",
                "Internationalisation readiness: 8 / 10");
        assertResult(below, "is not selected: its score is below the threshold of 15 points.",
                "Final score 12 of 25 points", "Relevance of the target market: 10 / 10",
                "Internationalisation readiness: 2 / 10");

        scenario.answerParticipation(first, true, null);

        assertThat(firstInstance).hasPassed(ApplicationProcess.TASK_CONFIRM_PARTICIPATION)
                .hasNotPassed(ApplicationProcess.TIMER_CONFIRMATION_EXPIRED, ApplicationProcess.TASK_RELEASE_SLOT)
                .isWaitingAt(ApplicationProcess.TASK_SEND_AWARD_LETTER);
        assertThat(stored(first).getStatus()).isEqualTo(ApplicationStatus.CONFIRMED);
        assertThat(last(audit.trailOf(stored(first)))).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .containsExactly("PARTICIPATION_CONFIRMED", scenario.applicantOf(first));
    }

    @Test
    void aTieAtTheCutOffGoesToTheApplicationThatWasCompleteEarlier() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, form -> form.put("slots", 1L));
        Application appliedFirst = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        Application appliedSecond = scenario.apply(call, scenario.memberCompany(cluster), REQUESTED);
        scenario.askForClarification(cluster, appliedFirst, "Who will travel to the fair?");
        scenario.confirmEligibility(cluster, appliedSecond);
        frozenClock();
        scenario.answerClarification(appliedFirst, "Our export manager, Marta Puig.");
        scenario.confirmEligibility(cluster, appliedFirst);
        scenario.evaluateWithTotals(appliedFirst, 21, 19);
        scenario.evaluateWithTotals(appliedSecond, 20, 20);
        assertThat(stored(appliedFirst).getFinalScore()).isEqualByComparingTo(stored(appliedSecond).getFinalScore());
        assertThat(stored(appliedFirst).getId()).isLessThan(appliedSecond.getId());
        assertThat(stored(appliedFirst).getCompleteAt()).as("complete only with the answer")
                .isAfter(stored(appliedSecond).getCompleteAt());

        scenario.closeEarly(cluster, call);
        scenario.approveSelection(cluster, call);

        assertThat(stored(appliedSecond)).extracting(Application::getRanking, Application::getSelection,
                Application::getStatus).containsExactly(1, Selection.MAIN, ApplicationStatus.SELECTED);
        assertThat(stored(appliedFirst)).extracting(Application::getRanking, Application::getSelection,
                Application::getStatus).containsExactly(2, Selection.RESERVE, ApplicationStatus.RESERVE);
        assertThat(instance(appliedSecond)).isWaitingAtExactly(ApplicationProcess.TASK_CONFIRM_PARTICIPATION);
        assertThat(instance(appliedFirst)).isWaitingFor(ApplicationProcess.MESSAGE_PROMOTED);
    }

    @Test
    void aBudgetShorterThanTheSlotsEndsTheMainListAndMovingTheReserveOnItIsRefused() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, form -> form.put("budget", 3000.0));
        Application first = scenario.evaluatedApplication(cluster, call, REQUESTED, 23, 23);
        Application second = scenario.evaluatedApplication(cluster, call, REQUESTED, 20, 20);
        Application third = scenario.evaluatedApplication(cluster, call, REQUESTED, 18, 18);

        scenario.closeEarly(cluster, call);

        assertThat(TasklistFormData.view(taskService, scenario.selectionDecisionTask(call).getId()))
                .hasEntrySatisfying("selectionRules", text -> assertThat((String) text)
                        .contains("3 slots, budget €3,000.00"));
        assertThat(stored(third).getSelection()).as("a slot is left, the budget is not").isEqualTo(Selection.RESERVE);

        Throwable overBudget = refusal(() -> scenario.moveSelection(cluster, call, third.reference() + " MAIN",
                "Three companies make a better delegation."));

        assertThat(overBudget).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) overBudget).fieldErrors()).containsOnlyKeys(FundingCallProcess.FIELD_SELECTION_MOVES);
        assertThat(overBudget).hasMessage("With these moves the main list has 3 applications and €4,500.00 of grants: "
                + "the call has 3 slots and €3,000.00.");
        assertThat(stored(third).getSelection()).isEqualTo(Selection.RESERVE);

        scenario.approveSelection(cluster, call);

        assertThat(List.of(stored(first), stored(second), stored(third)))
                .extracting(Application::getRanking, Application::getSelection, Application::getStatus)
                .containsExactly(tuple(1, Selection.MAIN, ApplicationStatus.SELECTED),
                        tuple(2, Selection.MAIN, ApplicationStatus.SELECTED),
                        tuple(3, Selection.RESERVE, ApplicationStatus.RESERVE));
    }

    // --- moved by the call managers --------------------------------------------------------------------------

    @Test
    void theCallManagersMoveApplicationsBetweenTheListsWithAReason() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, form -> form.put("slots", 2L));
        Application first = scenario.evaluatedApplication(cluster, call, REQUESTED, 23, 23);
        Application second = scenario.evaluatedApplication(cluster, call, REQUESTED, 20, 20);
        Application reserve = scenario.evaluatedApplication(cluster, call, REQUESTED, 18, 18);
        scenario.evaluatedApplication(cluster, call, REQUESTED, 12, 12);
        scenario.closeEarly(cluster, call);
        String reason = "The second company already took part in the mission last year with a grant.";

        scenario.moveSelection(cluster, call, second.reference() + " RESERVE\n" + reserve.reference() + " → MAIN",
                "  " + reason + "  ");

        ProcessInstance callInstance = instance(call);
        assertThat(callInstance).hasPassed(FundingCallProcess.TASK_SELECTION_DECISION)
                .isWaitingAtExactly(FundingCallProcess.TASK_PUBLISH_RESULTS);
        assertThat(stored(second)).extracting(Application::getRanking, Application::getSelection,
                Application::getSelectionReason).containsExactly(2, Selection.RESERVE, reason);
        assertThat(stored(reserve)).extracting(Application::getRanking, Application::getSelection,
                Application::getSelectionReason).containsExactly(3, Selection.MAIN, reason);
        assertThat(stored(first)).extracting(Application::getSelection, Application::getSelectionReason)
                .containsExactly(Selection.MAIN, null);
        assertThat(last(audit.trailOf(stored(second))))
                .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getDecision, AuditEvent::getReason)
                .containsExactly("SELECTION_MOVED", cluster.secondManager(), "RESERVE", reason);
        assertThat(last(audit.trailOf(stored(reserve))))
                .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getDecision, AuditEvent::getReason)
                .containsExactly("SELECTION_MOVED", cluster.secondManager(), "MAIN", reason);
        assertThat(last(audit.trailOf(call)))
                .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getDecision, AuditEvent::getReason)
                .containsExactly("SELECTION_APPROVED", cluster.secondManager(), "with 2 moves", reason);

        scenario.runJobs();

        assertThat(stored(reserve).getStatus()).isEqualTo(ApplicationStatus.SELECTED);
        assertThat(instance(reserve)).isWaitingAtExactly(ApplicationProcess.TASK_CONFIRM_PARTICIPATION);
        assertThat(stored(second).getStatus()).isEqualTo(ApplicationStatus.RESERVE);
        assertThat(instance(second)).isWaitingFor(ApplicationProcess.MESSAGE_PROMOTED);
        assertResult(second, "is on the reserve list (rank 2).");
    }

    @Test
    void movesWithoutAReasonOrThatOverfillTheMainListOrSelectBelowTheThresholdAreRefused() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, form -> form.put("slots", 2L));
        Application first = scenario.evaluatedApplication(cluster, call, REQUESTED, 23, 23);
        Application second = scenario.evaluatedApplication(cluster, call, REQUESTED, 20, 20);
        Application reserve = scenario.evaluatedApplication(cluster, call, REQUESTED, 18, 18);
        Application below = scenario.evaluatedApplication(cluster, call, REQUESTED, 12, 12);
        scenario.closeEarly(cluster, call);
        Task decision = scenario.selectionDecisionTask(call);
        String swap = second.reference() + " RESERVE\n" + reserve.reference() + " MAIN";

        Throwable withoutReason = refusal(() -> scenario.moveSelection(cluster, call, swap, " "));
        Throwable overfilled = refusal(() -> scenario.moveSelection(cluster, call, reserve.reference() + " MAIN",
                "A strong candidate."));
        Throwable belowThreshold = refusal(() -> scenario.moveSelection(cluster, call,
                second.reference() + " RESERVE\n" + below.reference() + " MAIN", "Regional balance."));
        Throwable notAMove = refusal(() -> scenario.moveSelection(cluster, call, "promote the reserve",
                "Regional balance."));

        assertThat(List.of(withoutReason, overfilled, belowThreshold, notAMove))
                .allSatisfy(refusal -> assertThat(refusal).isInstanceOf(InvalidInputException.class));
        assertThat(((InvalidInputException) withoutReason).fieldErrors()).containsOnlyKeys(
                FundingCallProcess.FIELD_SELECTION_REASON);
        assertThat(withoutReason).hasMessage("Please give the reason for the moves.");
        assertThat(((InvalidInputException) overfilled).fieldErrors()).containsOnlyKeys(
                FundingCallProcess.FIELD_SELECTION_MOVES);
        assertThat(overfilled).hasMessage("With these moves the main list has 3 applications and €4,500.00 of grants: "
                + "the call has 2 slots and €4,000.00.");
        assertThat(belowThreshold).hasMessage(below.reference()
                + " scored below the threshold and cannot be selected or kept in reserve.");
        assertThat(notAMove).hasMessageContaining("'promote the reserve' is not a move");

        assertThat(instance(call)).isWaitingAtExactly(FundingCallProcess.TASK_SELECTION_DECISION);
        assertThat(scenario.selectionDecisionTask(call)).hasId(decision.getId());
        assertThat(instance(call)).variables().doesNotContainKeys(FundingCallProcess.FIELD_SELECTION_DECISION,
                FundingCallProcess.FIELD_SELECTION_MOVES, FundingCallProcess.FIELD_SELECTION_REASON);
        assertThat(List.of(stored(first), stored(second), stored(reserve), stored(below)))
                .as("the proposal stands")
                .extracting(Application::getRanking, Application::getSelection, Application::getSelectionReason,
                        Application::getStatus)
                .containsExactly(tuple(1, Selection.MAIN, null, ApplicationStatus.EVALUATED),
                        tuple(2, Selection.MAIN, null, ApplicationStatus.EVALUATED),
                        tuple(3, Selection.RESERVE, null, ApplicationStatus.EVALUATED),
                        tuple(4, Selection.REJECTED, null, ApplicationStatus.EVALUATED));
        assertThat(audit.trailOf(call)).extracting(AuditEvent::getAction)
                .doesNotContain("SELECTION_MOVED", "SELECTION_APPROVED");
        assertThat(audit.trailOf(stored(second))).extracting(AuditEvent::getAction).doesNotContain("SELECTION_MOVED");
    }

    // --- a slot is freed -------------------------------------------------------------------------------------

    @Test
    void aSelectedSmeThatDeclinesFreesItsSlotForTheFirstOnTheReserveList() {
        Lists lists = publishedLists();
        ProcessInstance callInstance = instance(lists.call());
        ProcessInstance declining = instance(lists.second());

        scenario.answerParticipation(lists.second(), false, "  Our export manager is on leave that week.  ");

        assertThat(declining).hasPassed(ApplicationProcess.TASK_CONFIRM_PARTICIPATION)
                .hasNotPassed(ApplicationProcess.TIMER_CONFIRMATION_EXPIRED)
                .isWaitingAtExactly(ApplicationProcess.TASK_RELEASE_SLOT);
        assertThat(declining).variables()
                .containsEntry(ApplicationProcess.VAR_PARTICIPATION_CONFIRMED, false)
                .doesNotContainKeys(ApplicationProcess.FIELD_PARTICIPATION, ApplicationProcess.FIELD_DECLINE_REASON);
        assertThat(stored(lists.second()).getStatus()).isEqualTo(ApplicationStatus.DECLINED);
        assertThat(last(audit.trailOf(stored(lists.second()))))
                .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getReason)
                .containsExactly("PARTICIPATION_DECLINED", scenario.applicantOf(lists.second()),
                        "Our export manager is on leave that week.");

        execute(job(ApplicationProcess.TASK_RELEASE_SLOT, declining));

        assertThat(declining).hasPassed(ApplicationProcess.END_SLOT_RELEASED).isEnded();
        assertThat(callInstance).isWaitingAtExactly(FundingCallProcess.SUBPROCESS_SLOT_FREED,
                FundingCallProcess.TASK_PROMOTE_RESERVE, FundingCallProcess.TIMER_ACTIVITY_ENDED);
        assertThat(stored(lists.reserve()).getStatus()).as("promoted by the asynchronous step")
                .isEqualTo(ApplicationStatus.RESERVE);

        Instant promoted = frozenClock();
        execute(job(FundingCallProcess.TASK_PROMOTE_RESERVE, callInstance));

        assertThat(callInstance).hasPassed(FundingCallProcess.START_SLOT_FREED, FundingCallProcess.TASK_PROMOTE_RESERVE,
                FundingCallProcess.END_RESERVE_PROMOTED)
                .hasNotPassed(FundingCallProcess.TASK_NOTIFY_RESERVE_EXHAUSTED)
                .isWaitingAtExactly(FundingCallProcess.TIMER_ACTIVITY_ENDED);
        Instant due = promoted.atZone(properties.timeZone()).plus(properties.confirmationPeriod()).toInstant();
        assertThat(instance(lists.reserve())).hasPassed(ApplicationProcess.MESSAGE_EVENT_PROMOTED)
                .hasNotPassed(ApplicationProcess.MESSAGE_EVENT_RESERVE_RELEASED);
        assertWaitingForConfirmation(lists.reserve(), due);
        assertThat(stored(lists.reserve())).extracting(Application::getStatus, Application::getSelection,
                Application::getRanking).containsExactly(ApplicationStatus.SELECTED, Selection.MAIN, 3);
        assertThat(last(audit.trailOf(stored(lists.reserve()))))
                .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getDecision)
                .containsExactly("PROMOTED_FROM_RESERVE", "system", "rank 3");
        assertThat(outbox(lists.reserve(), NotificationType.RESERVE_PROMOTED)).singleElement().satisfies(notification -> {
            assertThat(notification.getRecipient()).isEqualTo(scenario.applicantOf(lists.reserve()));
            assertThat(notification.getBody()).contains(lists.reserve().reference(),
                    "Please confirm your participation before " + Formats.dateTime(due.atZone(properties.timeZone())));
        });
        assertThat(stored(lists.nextReserve()).getStatus()).as("only one slot was freed")
                .isEqualTo(ApplicationStatus.RESERVE);
        assertThat(instance(lists.nextReserve())).isWaitingFor(ApplicationProcess.MESSAGE_PROMOTED);
        assertThat(outbox(lists.call(), NotificationType.RESERVE_EXHAUSTED)).isEmpty();
    }

    @Test
    void aPromotedReserveThatConfirmsTakesPart() {
        Lists lists = publishedLists();
        scenario.answerParticipation(lists.second(), false, null);
        scenario.runJobs();
        assertThat(stored(lists.reserve()).getStatus()).isEqualTo(ApplicationStatus.SELECTED);
        ProcessInstance promoted = instance(lists.reserve());

        scenario.answerParticipation(lists.reserve(), true, null);

        assertThat(promoted).hasPassed(ApplicationProcess.MESSAGE_EVENT_PROMOTED,
                ApplicationProcess.TASK_CONFIRM_PARTICIPATION)
                .hasNotPassed(ApplicationProcess.TASK_RELEASE_SLOT)
                .isWaitingAt(ApplicationProcess.TASK_SEND_AWARD_LETTER);
        assertThat(jobQuery().processInstanceId(lists.reserve().getProcessInstanceId()).timers().count())
                .as("its confirmation timer is gone").isZero();
        assertThat(stored(lists.reserve()).getStatus()).isEqualTo(ApplicationStatus.CONFIRMED);
        assertThat(last(audit.trailOf(stored(lists.reserve())))).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .containsExactly("PARTICIPATION_CONFIRMED", scenario.applicantOf(lists.reserve()));
    }

    @Test
    void withoutAConfirmationBeforeTheDeadlineTheSlotLapsesAndGoesToTheFirstReserve() {
        Lists lists = publishedLists();
        ProcessInstance lapsing = instance(lists.second());
        Job deadline = job(ApplicationProcess.TIMER_CONFIRMATION_EXPIRED, lapsing);
        Instant due = stored(lists.second()).getConfirmationDueAt();
        assertThat(deadline).hasDueDate(Date.from(due));

        // With the clock moved, only this test's own jobs are executed: other tests' timers may be due as well.
        Instant afterDeadline = due.plusSeconds(1);
        ClockUtil.setCurrentTime(Date.from(afterDeadline));
        execute(deadline);

        assertThat(lapsing).hasPassed(ApplicationProcess.TIMER_CONFIRMATION_EXPIRED, ApplicationProcess.TASK_RECORD_NO_ANSWER)
                .isWaitingAtExactly(ApplicationProcess.TASK_RELEASE_SLOT);
        assertThat(scenario.task(lists.second(), ApplicationProcess.TASK_CONFIRM_PARTICIPATION))
                .as("the SME's task is withdrawn").isNull();
        assertThat(stored(lists.second()).getStatus()).isEqualTo(ApplicationStatus.LAPSED);
        assertThat(last(audit.trailOf(stored(lists.second()))))
                .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getReason)
                .containsExactly("CONFIRMATION_LAPSED", "system", "No confirmation of participation before "
                        + Formats.dateTime(due.atZone(properties.timeZone())) + ".");

        scenario.runJobsOf(lapsing.getId(), lists.call().getProcessInstanceId());

        assertThat(lapsing).hasPassed(ApplicationProcess.END_SLOT_RELEASED).isEnded();
        assertThat(instance(lists.call())).hasPassed(FundingCallProcess.END_RESERVE_PROMOTED)
                .isWaitingAtExactly(FundingCallProcess.TIMER_ACTIVITY_ENDED);
        assertWaitingForConfirmation(lists.reserve(),
                afterDeadline.atZone(properties.timeZone()).plus(properties.confirmationPeriod()).toInstant());
        assertThat(outbox(lists.reserve(), NotificationType.RESERVE_PROMOTED)).hasSize(1);
        assertThat(stored(lists.first()).getStatus()).as("the other selected SME still has its place")
                .isEqualTo(ApplicationStatus.SELECTED);
    }

    // --- reminder before the confirmation deadline ---------------------------------------------------------------

    @Test
    void aSelectedSmeThatHasNotAnsweredIsRemindedOnceThreeDaysBeforeTheDeadlineAndStillWaitsForIt() {
        Lists lists = publishedLists();
        ProcessInstance waiting = instance(lists.second());
        Instant due = stored(lists.second()).getConfirmationDueAt();
        Job deadline = job(ApplicationProcess.TIMER_CONFIRMATION_EXPIRED, waiting);
        Job reminder = job(ApplicationProcess.TIMER_CONFIRMATION_REMINDER, waiting);
        Instant remindAt = due.minus(Duration.ofDays(3));
        assertThat(reminder).hasDueDate(Date.from(remindAt));
        assertThat(properties.confirmationPeriod().getDays()).as("long enough for 3 days' notice").isGreaterThan(6);

        // With the clock moved, only this test's own jobs are executed: other tests' timers may be due as well.
        ClockUtil.setCurrentTime(Date.from(remindAt.plusSeconds(1)));
        execute(reminder);
        scenario.runJobsOf(waiting.getId());

        assertThat(waiting).hasPassed(ApplicationProcess.TIMER_CONFIRMATION_REMINDER,
                        ApplicationProcess.TASK_REMIND_CONFIRMATION, ApplicationProcess.END_CONFIRMATION_REMINDER_SENT)
                .hasNotPassed(ApplicationProcess.TIMER_CONFIRMATION_EXPIRED, ApplicationProcess.TASK_RECORD_NO_ANSWER)
                .isWaitingAtExactly(ApplicationProcess.TASK_CONFIRM_PARTICIPATION);
        Job deadlineAfter = job(ApplicationProcess.TIMER_CONFIRMATION_EXPIRED, waiting);
        assertThat(deadlineAfter).as("the deadline is unchanged").hasDueDate(Date.from(due));
        assertThat(deadlineAfter.getId()).isEqualTo(deadline.getId());
        assertThat(jobQuery().processInstanceId(waiting.getId()).activityId(ApplicationProcess.TIMER_CONFIRMATION_REMINDER)
                .count()).as("reminded once").isZero();
        assertThat(stored(lists.second()).getStatus()).isEqualTo(ApplicationStatus.SELECTED);
        assertThat(outbox(lists.second(), NotificationType.CONFIRMATION_REMINDER)).singleElement().satisfies(notification -> {
            assertThat(notification.getRecipient()).isEqualTo(scenario.applicantOf(lists.second()));
            assertThat(notification.getSubject()).isEqualTo("Reminder: please confirm your place ("
                    + lists.second().reference() + ")");
            assertThat(notification.getBody()).contains("before " + Formats.dateTime(due.atZone(properties.timeZone())),
                    "http://localhost:8080/portal/todo");
        });
        assertThat(last(audit.trailOf(stored(lists.second())))).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .containsExactly("CONFIRMATION_REMINDER_SENT", "system");
        assertThat(outbox(lists.first(), NotificationType.CONFIRMATION_REMINDER))
                .as("the other selected SME's reminder has not fired").isEmpty();

        scenario.answerParticipation(lists.second(), true, null);

        assertThat(stored(lists.second()).getStatus()).as("the reminded SME still may confirm")
                .isEqualTo(ApplicationStatus.CONFIRMED);
    }

    @Test
    void anSmeThatConfirmedBeforeTheReminderIsNotReminded() {
        Lists lists = publishedLists();
        ProcessInstance confirming = instance(lists.first());
        Instant remindAt = job(ApplicationProcess.TIMER_CONFIRMATION_REMINDER, confirming).getDuedate().toInstant();

        scenario.answerParticipation(lists.first(), true, null);

        assertThat(jobQuery().processInstanceId(confirming.getId()).activityId(ApplicationProcess.TIMER_CONFIRMATION_REMINDER)
                .count()).as("the reminder is gone with the task").isZero();
        ClockUtil.setCurrentTime(Date.from(remindAt.plusSeconds(1)));
        scenario.runJobsOf(confirming.getId());

        assertThat(confirming).hasPassed(ApplicationProcess.TASK_CONFIRM_PARTICIPATION)
                .hasNotPassed(ApplicationProcess.TIMER_CONFIRMATION_REMINDER, ApplicationProcess.TASK_REMIND_CONFIRMATION,
                        ApplicationProcess.END_CONFIRMATION_REMINDER_SENT);
        assertThat(stored(lists.first()).getStatus()).isEqualTo(ApplicationStatus.CONFIRMED);
        assertThat(outbox(lists.first(), NotificationType.CONFIRMATION_REMINDER)).isEmpty();
        assertThat(audit.trailOf(stored(lists.first()))).extracting(AuditEvent::getAction)
                .doesNotContain("CONFIRMATION_REMINDER_SENT");
    }

    @Test
    void withLessThanSixDaysLeftTheReminderComesHalfWayToTheDeadline() {
        Lists lists = publishedLists();
        Instant due = stored(lists.second()).getConfirmationDueAt();
        ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofDays(2))));

        assertThat(selection.confirmationReminder(lists.second().getId()))
                .isEqualTo(Date.from(due.minus(Duration.ofDays(1))));
    }

    @Test
    void whenNobodyIsLeftOnTheReserveListTheCallManagersAreToldTheSlotStaysFree() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, form -> form.put("slots", 1L));
        Application selected = scenario.evaluatedApplication(cluster, call, REQUESTED, 20, 20);
        Application below = scenario.evaluatedApplication(cluster, call, REQUESTED, 12, 12);
        scenario.closeEarly(cluster, call);
        scenario.approveSelection(cluster, call);

        scenario.answerParticipation(selected, false, "The fair clashes with our own launch.");
        scenario.runJobs();

        assertThat(instance(call)).hasPassed(FundingCallProcess.TASK_PROMOTE_RESERVE,
                FundingCallProcess.TASK_NOTIFY_RESERVE_EXHAUSTED, FundingCallProcess.END_RESERVE_EXHAUSTED)
                .hasNotPassed(FundingCallProcess.END_RESERVE_PROMOTED)
                .isWaitingAtExactly(FundingCallProcess.TIMER_ACTIVITY_ENDED);
        assertReserveExhausted(cluster, call, "the reserve list is exhausted");
        assertThat(stored(below).getStatus()).as("below the threshold, never promoted")
                .isEqualTo(ApplicationStatus.NOT_SELECTED);
        assertThat(outbox(below, NotificationType.RESERVE_PROMOTED)).isEmpty();
    }

    @Test
    void whenTheRemainingBudgetCannotCoverTheNextGrantTheReserveIsNotPromoted() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, form -> form.put("budget", 3000.0));
        Application first = scenario.evaluatedApplication(cluster, call, REQUESTED, 23, 23);
        Application second = scenario.evaluatedApplication(cluster, call, REQUESTED, 20, 20);
        Application costly = scenario.evaluatedApplication(cluster, call, new BigDecimal("2000"), 18, 18);
        scenario.closeEarly(cluster, call);
        scenario.approveSelection(cluster, call);
        assertThat(stored(costly).getStatus()).isEqualTo(ApplicationStatus.RESERVE);

        scenario.answerParticipation(second, false, null);
        scenario.runJobs();

        assertThat(instance(call)).hasPassed(FundingCallProcess.TASK_NOTIFY_RESERVE_EXHAUSTED)
                .hasNotPassed(FundingCallProcess.END_RESERVE_PROMOTED)
                .isWaitingAtExactly(FundingCallProcess.TIMER_ACTIVITY_ENDED);
        assertReserveExhausted(cluster, call,
                "the remaining budget does not cover the grant of the next application on the reserve list");
        assertThat(stored(costly).getStatus()).as("€1,500 + €2,000 is more than the budget of €3,000")
                .isEqualTo(ApplicationStatus.RESERVE);
        assertThat(instance(costly)).isWaitingFor(ApplicationProcess.MESSAGE_PROMOTED);
        assertThat(stored(first).getStatus()).isEqualTo(ApplicationStatus.SELECTED);
    }

    // --- the activity is over --------------------------------------------------------------------------------

    @Test
    void whenTheActivityIsOverTheReserveListIsReleasedAndTheCallEnds() {
        Lists lists = publishedLists();
        ProcessInstance callInstance = instance(lists.call());
        List<ProcessInstance> reserves = List.of(instance(lists.reserve()), instance(lists.nextReserve()));
        Job activityEnded = job(FundingCallProcess.TIMER_ACTIVITY_ENDED, callInstance);
        Instant end = lists.call().getActivityEnd().plusDays(1).atStartOfDay(properties.timeZone()).toInstant();
        assertThat(activityEnded).as("the end of the activity's last day").hasDueDate(Date.from(end));

        // With the clock moved, only this test's own jobs are executed: other tests' timers may be due as well.
        ClockUtil.setCurrentTime(Date.from(end.plusSeconds(1)));
        execute(activityEnded);

        assertThat(callInstance).hasPassed(FundingCallProcess.TIMER_ACTIVITY_ENDED)
                .isWaitingAtExactly(FundingCallProcess.TASK_RELEASE_RESERVES);
        assertThat(outbox(lists.reserve(), NotificationType.RESERVE_RELEASED)).as("told by the asynchronous step")
                .isEmpty();

        execute(job(FundingCallProcess.TASK_RELEASE_RESERVES, callInstance));

        assertThat(callInstance).hasPassed(FundingCallProcess.TASK_RELEASE_RESERVES, FundingCallProcess.END_CALL_CLOSED)
                .isEnded();
        assertThat(reserves).allSatisfy(reserve -> assertThat(reserve)
                .hasPassed(ApplicationProcess.MESSAGE_EVENT_RESERVE_RELEASED, ApplicationProcess.END_RESERVE_RELEASED)
                .hasNotPassed(ApplicationProcess.MESSAGE_EVENT_PROMOTED).isEnded());
        for (Application reserve : List.of(lists.reserve(), lists.nextReserve())) {
            assertThat(outbox(reserve, NotificationType.RESERVE_RELEASED)).singleElement().satisfies(notification -> {
                assertThat(notification.getRecipient()).isEqualTo(scenario.applicantOf(reserve));
                assertThat(notification.getBody()).contains(reserve.reference(), "no place became free");
            });
            assertThat(last(audit.trailOf(stored(reserve))))
                    .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getReason)
                    .containsExactly("RESERVE_RELEASED", "system", "The activity is over.");
            assertThat(stored(reserve).getStatus()).as("ends not selected").isEqualTo(ApplicationStatus.NOT_SELECTED);
        }
        for (Application other : List.of(lists.first(), lists.second(), lists.rejected())) {
            assertThat(outbox(other, NotificationType.RESERVE_RELEASED)).isEmpty();
        }
        assertThat(stored(lists.first()).getStatus()).isEqualTo(ApplicationStatus.SELECTED);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** A published selection of a call with two slots: two selected, two on the reserve list, one rejected. */
    private record Lists(Cluster cluster, FundingCall call, Application first, Application second,
            Application reserve, Application nextReserve, Application rejected) {
    }

    private Lists publishedLists() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, form -> form.put("slots", 2L));
        Application first = scenario.evaluatedApplication(cluster, call, REQUESTED, 23, 23);
        Application second = scenario.evaluatedApplication(cluster, call, REQUESTED, 20, 20);
        Application reserve = scenario.evaluatedApplication(cluster, call, REQUESTED, 18, 18);
        Application nextReserve = scenario.evaluatedApplication(cluster, call, REQUESTED, 17, 17);
        Application rejected = scenario.evaluatedApplication(cluster, call, REQUESTED, 12, 12);
        scenario.closeEarly(cluster, call);
        scenario.approveSelection(cluster, call);
        assertThat(List.of(first, second, reserve, nextReserve, rejected)).extracting(a -> stored(a).getStatus())
                .containsExactly(ApplicationStatus.SELECTED, ApplicationStatus.SELECTED, ApplicationStatus.RESERVE,
                        ApplicationStatus.RESERVE, ApplicationStatus.NOT_SELECTED);
        return new Lists(cluster, call, first, second, reserve, nextReserve, rejected);
    }

    /** Selected with that rank, told to confirm by the due time, and the process waits for the SME until then. */
    private void assertSelected(Application application, int rank, Instant due) {
        assertThat(stored(application)).extracting(Application::getStatus, Application::getRanking,
                Application::getSelection).containsExactly(ApplicationStatus.SELECTED, rank, Selection.MAIN);
        assertThat(instance(application)).hasPassed(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED);
        assertThat(instance(application)).variables().containsEntry(ApplicationProcess.VAR_SELECTION, Selection.MAIN.name());
        assertWaitingForConfirmation(application, due);
    }

    private void assertWaitingForConfirmation(Application application, Instant due) {
        ProcessInstance instance = instance(application);
        assertThat(instance).isWaitingAtExactly(ApplicationProcess.TASK_CONFIRM_PARTICIPATION);
        assertThat(stored(application).getConfirmationDueAt()).isEqualTo(due);
        Task confirmation = task(ApplicationProcess.TASK_CONFIRM_PARTICIPATION, instance);
        assertThat(confirmation).hasCandidateUser(scenario.applicantOf(application)).isNotAssigned();
        assertThat(TasklistFormData.view(taskService, confirmation.getId()))
                .containsEntry("confirmationDue", Formats.dateTime(due.atZone(properties.timeZone())));
        assertThat(job(ApplicationProcess.TIMER_CONFIRMATION_EXPIRED, instance))
                .as("the timer fires at the deadline the SME was given").hasDueDate(Date.from(due));
    }

    /** The SME was told its result in one message with the scores per criterion, and no evaluator's name. */
    private void assertResult(Application application, String... texts) {
        assertThat(outbox(application, NotificationType.SELECTION_RESULT)).singleElement().satisfies(notification -> {
            assertThat(notification.getRecipient()).isEqualTo(scenario.applicantOf(application));
            assertThat(notification.getSubject()).contains(application.reference());
            assertThat(notification.getBody()).contains(texts);
            assertThat(notification.getBody()).doesNotContain("evaluators-", "Evaluator");
        });
    }

    private void assertReserveExhausted(Cluster cluster, FundingCall call, String why) {
        assertThat(outbox(call, NotificationType.RESERVE_EXHAUSTED)).extracting(Notification::getRecipient)
                .containsExactlyInAnyOrder(cluster.manager(), cluster.secondManager());
        assertThat(outbox(call, NotificationType.RESERVE_EXHAUSTED))
                .allSatisfy(notification -> assertThat(notification.getBody()).contains(call.getTitle(), why));
        assertThat(last(audit.trailOf(call)))
                .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getReason)
                .containsExactly("RESERVE_EXHAUSTED", "system", "A slot is free but " + why + ".");
    }

    private void assertNotRanked(FundingCall call, Application application) {
        assertThat(stored(application)).extracting(Application::getStatus, Application::getRanking,
                Application::getSelection).containsExactly(ApplicationStatus.EVALUATED, null, null);
        assertThat(audit.trailOf(call)).extracting(AuditEvent::getAction).doesNotContain("SELECTION_PROPOSED");
    }

    /** Stops the engine's clock at the next whole second, so that deadlines can be compared exactly. */
    private static Instant frozenClock() {
        Instant now = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(now));
        return now;
    }

    private Application stored(Application application) {
        return applications.findById(application.getId()).orElseThrow();
    }

    private List<Notification> outbox(Application application, NotificationType type) {
        return notifications.findByEntityTypeAndEntityIdOrderById("Application", application.reference()).stream()
                .filter(notification -> notification.getType().equals(type.name())).toList();
    }

    private List<Notification> outbox(FundingCall call, NotificationType type) {
        return notifications.findByEntityTypeAndEntityIdOrderById("FundingCall", call.reference()).stream()
                .filter(notification -> notification.getType().equals(type.name())).toList();
    }

    private static ProcessInstance instance(Application application) {
        return instance(application.getProcessInstanceId(), application.reference());
    }

    private static ProcessInstance instance(FundingCall call) {
        return instance(call.getProcessInstanceId(), call.reference());
    }

    /** The running process instance (keep it to assert on it once it has ended). */
    private static ProcessInstance instance(String processInstanceId, String reference) {
        ProcessInstance instance = processInstanceQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(instance).as("process instance of " + reference).isNotNull();
        return instance;
    }

}
