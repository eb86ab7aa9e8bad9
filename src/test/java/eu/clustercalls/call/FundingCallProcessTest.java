package eu.clustercalls.call;

import static eu.clustercalls.ProcessAssertions.refusal;
import static eu.clustercalls.ProcessAssertions.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.FundingCallProcess.ReviewDecision;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.notification.Notification;
import eu.clustercalls.notification.NotificationRepository;
import eu.clustercalls.notification.Languages;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.security.Roles;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.InvalidInputException;

/**
 * Every path of processes/funding-call.bpmn up to the selection decision, with what each leaves in the database, the
 * audit trail and the outbox (SelectionProcessTest goes on from the closing with applications to settle and rank).
 */
@ClusterCallsTest
@ExtendWith(ProcessAssertions.class)
class FundingCallProcessTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @Autowired
    Scenario scenario;
    @Autowired
    CallService calls;
    @Autowired
    FundingCallRepository callRepository;
    @Autowired
    CompanyService companies;
    @Autowired
    AuditService audit;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    TaskService taskService;
    @Autowired
    Languages languages;

    // --- published -------------------------------------------------------------------------------------------

    @Test
    void aCallDraftedByOneManagerAndPublishedByAnotherIsOpenUntilItsClosingDateAndTheMembersAreTold() {
        Cluster cluster = scenario.cluster();
        Company member = scenario.memberCompany(cluster);
        Company formerMember = formerMember(cluster);
        Company memberOfAnotherCluster = scenario.memberCompany(scenario.cluster());
        Map<String, Object> form = scenario.callForm();

        ProcessInstance instance = instance(scenario.draftCall(cluster.manager(), form));

        assertThat(instance).hasPassed(FundingCallProcess.START_CALL_DRAFTED, FundingCallProcess.TASK_REGISTER_CALL)
                .isWaitingAtExactly(FundingCallProcess.TASK_REVIEW_CALL);
        FundingCall draft = calls.get(scenario.callId(instance.getId()));
        assertThat(instance).hasBusinessKey(draft.reference());
        assertThat(instance.getTenantId()).isEqualTo(cluster.id());
        assertThat(instance).variables()
                .containsEntry(FundingCallProcess.VAR_CALL_ID, draft.getId())
                .containsEntry(FundingCallProcess.VAR_DRAFTER, cluster.manager())
                .doesNotContainKeys(CallDraft.FORM_FIELDS.toArray(String[]::new));
        assertThat(draft.getStatus()).isEqualTo(CallStatus.DRAFT);
        assertThat(draft.getTitle()).isEqualTo(form.get("title"));
        assertThat(draft.getClusterId()).isEqualTo(cluster.id());
        assertThat(draft.getDraftedBy()).isEqualTo(cluster.manager());
        assertThat(draft.getProcessInstanceId()).isEqualTo(instance.getId());
        assertThat(draft.getClosesAt()).isEqualTo(endOfDay(LocalDate.parse((String) form.get("closesOn"))));

        Task review = task(FundingCallProcess.TASK_REVIEW_CALL, instance);
        assertThat(review).hasCandidateGroup(Roles.CALL_MANAGERS).isNotAssigned();
        assertThat(taskService.getVariablesLocal(review.getId()))
                .as("the Tasklist filters' column").containsEntry("callTitle", draft.getTitle());
        assertThat(TasklistFormData.view(taskService, review.getId()))
                .containsEntry("callTitle", draft.getTitle())
                .containsEntry(FundingCallProcess.VAR_DRAFTER, cluster.manager())
                .containsKey("callSummary");

        scenario.as(cluster.secondManager(), () -> {
            claim(review, cluster.secondManager());
            complete(task(FundingCallProcess.TASK_REVIEW_CALL, instance),
                    withVariables(FundingCallProcess.VAR_REVIEW_DECISION, ReviewDecision.PUBLISH.name()));
        });

        assertThat(instance).hasPassed(FundingCallProcess.TASK_REVIEW_CALL)
                .isWaitingAtExactly(FundingCallProcess.TASK_NOTIFY_MEMBERS_PUBLISHED);
        assertThat(instance).variables().containsEntry(FundingCallProcess.VAR_PUBLISHED, true);
        FundingCall published = calls.get(draft.getId());
        assertThat(published.getStatus()).isEqualTo(CallStatus.PUBLISHED);
        assertThat(published.getReviewedBy()).isEqualTo(cluster.secondManager());
        assertThat(published.getPublishedAt()).isNotNull();
        assertThat(outbox(published, NotificationType.CALL_PUBLISHED))
                .as("members are told by the asynchronous step, not in the reviewer's transaction").isEmpty();

        execute(job(FundingCallProcess.TASK_NOTIFY_MEMBERS_PUBLISHED, instance));

        assertThat(instance).hasPassed(FundingCallProcess.TASK_NOTIFY_MEMBERS_PUBLISHED)
                .isWaitingAt(FundingCallProcess.GATEWAY_WAIT_FOR_CLOSING).isNotEnded();
        assertThat(job(FundingCallProcess.TIMER_CLOSING_DATE, instance))
                .hasDueDate(Date.from(published.getClosesAt()));
        assertThat(outbox(published, NotificationType.CALL_PUBLISHED))
                .extracting(Notification::getRecipient)
                .containsExactly(Scenario.contactOf(member))
                .doesNotContain(Scenario.contactOf(formerMember), Scenario.contactOf(memberOfAnotherCluster));
        assertThat(outbox(published, NotificationType.CALL_PUBLISHED).get(0).getSubject()).contains(published.getTitle());
        assertThat(calls.openCalls()).extracting(FundingCall::getId).contains(published.getId());
        assertThat(trail(published)).extracting(AuditEvent::getAction, AuditEvent::getActor).containsExactly(
                tuple("CALL_DRAFTED", cluster.manager()),
                tuple("CALL_PUBLISHED", cluster.secondManager()));
    }

    @Test
    void theDrafterIsMailedTheNewCallsReferenceAndItsDashboardPageInTheirLanguage() {
        Cluster cluster = scenario.cluster();
        Map<String, Object> form = scenario.callForm();
        form.put("opensOn", "01/06/2030");
        form.put("closesOn", "31/07/2030");
        form.put("activityStartDate", "14/09/2030");
        form.put("activityEndDate", "18/09/2030");
        languages.choose(cluster.manager(), Locale.forLanguageTag("ca"));

        FundingCall draft = calls.get(scenario.callId(scenario.draftCall(cluster.manager(), form)));

        assertThat(draft.getOpensOn()).as("the form's day/month/year").isEqualTo(LocalDate.of(2030, 6, 1));
        List<Notification> mails = outbox(draft, NotificationType.CALL_DRAFTED);
        assertThat(mails).extracting(Notification::getRecipient).containsExactly(cluster.manager());
        assertThat(mails.get(0).getLanguage()).isEqualTo("ca");
        assertThat(mails.get(0).getSubject()).isEqualTo("La vostra convocatòria " + draft.reference()
                + " està redactada: " + draft.getTitle());
        assertThat(mails.get(0).getBody()).contains("la seva referència és " + draft.reference(),
                "/dashboard/calls/" + draft.getId(), "Tasklist");
        assertThat(outbox(draft, NotificationType.CALL_DRAFTED)).as("nobody else: the reviewer has the task")
                .hasSize(1);
    }

    @Test
    void aClosingDayThatDoesNotExistIsRefusedAndMailsNothing() {
        long mailsBefore = notifications.count();

        assertDraftRefused(form -> form.put("closesOn", "31/02/2030"), "closesOn",
                "Please enter the closing date as day/month/year, e.g. 14/09/2027.");

        assertThat(notifications.count()).as("no mail about a call that was not stored").isEqualTo(mailsBefore);
    }

    // --- rejected --------------------------------------------------------------------------------------------

    @Test
    void aReviewerWhoRejectsTheCallWithAReasonEndsIt() {
        Cluster cluster = scenario.cluster();
        scenario.memberCompany(cluster);
        ProcessInstance instance = instance(scenario.draftCall(cluster.manager(), scenario.callForm()));
        FundingCall draft = calls.get(scenario.callId(instance.getId()));

        scenario.as(cluster.secondManager(), () -> complete(task(FundingCallProcess.TASK_REVIEW_CALL, instance),
                withVariables(FundingCallProcess.VAR_REVIEW_DECISION, ReviewDecision.REJECT.name(),
                        FundingCallProcess.VAR_REVIEW_COMMENT, "  The mission overlaps with ITMA; please move it.  ")));

        assertThat(instance).hasPassed(FundingCallProcess.TASK_REVIEW_CALL, FundingCallProcess.END_CALL_REJECTED)
                .hasNotPassed(FundingCallProcess.TASK_NOTIFY_MEMBERS_PUBLISHED, FundingCallProcess.TASK_CLOSE_CALL)
                .isEnded();
        FundingCall rejected = calls.get(draft.getId());
        assertThat(rejected.getStatus()).isEqualTo(CallStatus.REJECTED);
        assertThat(rejected.getReviewedBy()).isEqualTo(cluster.secondManager());
        assertThat(rejected.getReviewComment()).isEqualTo("The mission overlaps with ITMA; please move it.");
        assertThat(rejected.getPublishedAt()).isNull();
        assertThat(calls.openCalls()).extracting(FundingCall::getId).doesNotContain(draft.getId());
        assertThat(last(trail(rejected))).satisfies(event -> {
            assertThat(event.getAction()).isEqualTo("CALL_REJECTED");
            assertThat(event.getActor()).isEqualTo(cluster.secondManager());
            assertThat(event.getReason()).isEqualTo("The mission overlaps with ITMA; please move it.");
        });
        assertThat(notifications.findByEntityTypeAndEntityIdOrderById("FundingCall", rejected.reference()))
                .as("only the drafter's own mail of the draft").extracting(Notification::getType)
                .containsExactly(NotificationType.CALL_DRAFTED.name());
        assertThat(historicVariable(instance, FundingCallProcess.VAR_PUBLISHED)).isEqualTo(false);
    }

    @Test
    void rejectingACallWithoutAReasonIsRefusedAndChangesNothing() {
        Cluster cluster = scenario.cluster();
        ProcessInstance instance = instance(scenario.draftCall(cluster.manager(), scenario.callForm()));
        FundingCall draft = calls.get(scenario.callId(instance.getId()));
        Task review = task(FundingCallProcess.TASK_REVIEW_CALL, instance);

        Throwable refusal = refusal(() -> scenario.as(cluster.secondManager(), () -> complete(review,
                withVariables(FundingCallProcess.VAR_REVIEW_DECISION, ReviewDecision.REJECT.name(),
                        FundingCallProcess.VAR_REVIEW_COMMENT, "   "))));

        assertThat(refusal).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) refusal).fieldErrors())
                .containsEntry(FundingCallProcess.VAR_REVIEW_COMMENT, "Please give the reason for rejecting the call.");
        assertThat(instance).isWaitingAtExactly(FundingCallProcess.TASK_REVIEW_CALL);
        assertThat(task(FundingCallProcess.TASK_REVIEW_CALL, instance)).hasId(review.getId());
        assertThat(instance).variables().doesNotContainKeys(FundingCallProcess.VAR_REVIEW_DECISION,
                FundingCallProcess.VAR_PUBLISHED);
        FundingCall unchanged = calls.get(draft.getId());
        assertThat(unchanged.getStatus()).isEqualTo(CallStatus.DRAFT);
        assertThat(unchanged.getReviewedBy()).isNull();
        assertThat(trail(unchanged)).extracting(AuditEvent::getAction).containsExactly("CALL_DRAFTED");
    }

    @Test
    void aReviewCommentThatIsNoTextIsRefusedNamingItsFieldNotACastFailure() {
        Cluster cluster = scenario.cluster();
        ProcessInstance instance = instance(scenario.draftCall(cluster.manager(), scenario.callForm()));
        Task review = task(FundingCallProcess.TASK_REVIEW_CALL, instance);

        Throwable refusal = refusal(() -> scenario.as(cluster.secondManager(), () -> complete(review,
                withVariables(FundingCallProcess.VAR_REVIEW_DECISION, ReviewDecision.REJECT.name(),
                        FundingCallProcess.VAR_REVIEW_COMMENT, 42L))));

        assertThat(refusal).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) refusal).fieldErrors())
                .containsOnly(entry(FundingCallProcess.VAR_REVIEW_COMMENT, "Please enter text in this field."));
        assertThat(instance).isWaitingAtExactly(FundingCallProcess.TASK_REVIEW_CALL);
        assertThat(calls.get(scenario.callId(instance.getId())).getStatus()).isEqualTo(CallStatus.DRAFT);
    }

    // --- four eyes -------------------------------------------------------------------------------------------

    @Test
    void drafterCannotClaimTheReviewOfTheirOwnCall() {
        Cluster cluster = scenario.cluster();
        ProcessInstance instance = instance(scenario.draftCall(cluster.manager(), scenario.callForm()));
        FundingCall draft = calls.get(scenario.callId(instance.getId()));
        Task review = task(FundingCallProcess.TASK_REVIEW_CALL, instance);

        Throwable refusal = refusal(() -> scenario.as(cluster.manager(), () -> claim(review, cluster.manager())));

        assertThat(refusal).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining(draft.reference()).hasMessageContaining("another call manager");
        assertThat(instance).isWaitingAtExactly(FundingCallProcess.TASK_REVIEW_CALL);
        assertThat(task(FundingCallProcess.TASK_REVIEW_CALL, instance)).hasId(review.getId()).isNotAssigned();
        assertThat(calls.get(draft.getId()).getStatus()).isEqualTo(CallStatus.DRAFT);
        assertThat(trail(draft)).extracting(AuditEvent::getAction).containsExactly("CALL_DRAFTED");
    }

    @Test
    void drafterCannotPublishTheirOwnCall() {
        Cluster cluster = scenario.cluster();
        scenario.memberCompany(cluster);
        ProcessInstance instance = instance(scenario.draftCall(cluster.manager(), scenario.callForm()));
        FundingCall draft = calls.get(scenario.callId(instance.getId()));
        Task review = task(FundingCallProcess.TASK_REVIEW_CALL, instance);

        Throwable refusal = refusal(() -> scenario.as(cluster.manager(), () -> complete(review,
                withVariables(FundingCallProcess.VAR_REVIEW_DECISION, ReviewDecision.PUBLISH.name()))));

        assertThat(refusal).isInstanceOf(ForbiddenException.class).hasMessageContaining(draft.reference());
        assertThat(instance).isWaitingAtExactly(FundingCallProcess.TASK_REVIEW_CALL)
                .hasNotPassed(FundingCallProcess.TASK_REVIEW_CALL);
        assertThat(task(FundingCallProcess.TASK_REVIEW_CALL, instance)).hasId(review.getId());
        FundingCall unchanged = calls.get(draft.getId());
        assertThat(unchanged.getStatus()).isEqualTo(CallStatus.DRAFT);
        assertThat(unchanged.getPublishedAt()).isNull();
        assertThat(trail(unchanged)).extracting(AuditEvent::getAction).containsExactly("CALL_DRAFTED");
        assertThat(notifications.findByEntityTypeAndEntityIdOrderById("FundingCall", draft.reference()))
                .as("only the drafter's own mail of the draft").extracting(Notification::getType)
                .containsExactly(NotificationType.CALL_DRAFTED.name());
    }

    @Test
    void aCallManagerOfAnotherClusterCannotPublishTheCall() {
        Cluster cluster = scenario.cluster();
        Cluster otherCluster = scenario.cluster();
        ProcessInstance instance = instance(scenario.draftCall(cluster.manager(), scenario.callForm()));
        FundingCall draft = calls.get(scenario.callId(instance.getId()));

        Task review = task(FundingCallProcess.TASK_REVIEW_CALL, instance);

        assertThat(scenario.as(otherCluster.manager(),
                () -> taskService.createTaskQuery().processInstanceId(instance.getId()).count()))
                .as("the task is not even visible to staff of another cluster").isZero();
        Throwable refusal = refusal(() -> scenario.as(otherCluster.manager(), () -> complete(review,
                withVariables(FundingCallProcess.VAR_REVIEW_DECISION, ReviewDecision.PUBLISH.name()))));

        assertThat(refusal).as("the engine's tenant check").hasMessageContaining("no authenticated tenant");
        assertThatThrownBy(() -> calls.review(draft.getId(), otherCluster.manager(), ReviewDecision.PUBLISH.name(), null))
                .as("the service's own check").isInstanceOf(ForbiddenException.class)
                .hasMessageContaining(Roles.CALL_MANAGERS);
        assertThat(instance).isWaitingAtExactly(FundingCallProcess.TASK_REVIEW_CALL);
        assertThat(task(FundingCallProcess.TASK_REVIEW_CALL, instance)).hasId(review.getId());
        assertThat(calls.get(draft.getId()).getStatus()).isEqualTo(CallStatus.DRAFT);
        assertThat(trail(draft)).extracting(AuditEvent::getAction).containsExactly("CALL_DRAFTED");
    }

    // --- invalid start form ----------------------------------------------------------------------------------

    @Test
    void aCallClosingAfterTheActivityStartsIsRefused() {
        assertDraftRefused(form -> form.put("closesOn", LocalDate.parse((String) form.get("activityStartDate"))
                .plusDays(1).toString()), "closesOn", "The call must close before the activity starts.");
    }

    @Test
    void aMaximumGrantAboveTheThirdPartyCapIsRefused() {
        assertDraftRefused(form -> form.put("maxGrant", 70_000.0), "maxGrant",
                "The maximum grant must be more than €0 and at most €60,000 per SME.");
    }

    @Test
    void startFormValuesBeyondTheirColumnsAreRefusedNotWrappedOrCut() {
        assertDraftRefused(form -> form.put("slots", 4294967297L), "slots", "A call has between 1 and 1,000 slots.");
        assertDraftRefused(form -> form.put("destinationLatitude", "1e999999"), "destinationLatitude",
                "The latitude is between -90 and 90 degrees.");
        assertDraftRefused(form -> form.put("euProject", "P".repeat(300)), "euProject",
                "The EU project can have at most 100 characters.");
        assertDraftRefused(form -> form.put("maxGrant", "1500.123456789012345678901234567890"), "maxGrant",
                "Please enter the maximum grant in euros and cents, with at most two decimals.");
    }

    @Test
    void aCallWithoutATitleIsRefused() {
        assertDraftRefused(form -> form.remove("title"), "title", "Please enter the title.");
    }

    @Test
    void staffWhoAreNotCallManagersCannotDraftACall() {
        Cluster cluster = scenario.cluster();
        long callsBefore = callRepository.count();
        long instancesBefore = instanceCount();

        Throwable refusal = refusal(() -> scenario.draftCall(cluster.reviewer(), scenario.callForm()));

        assertThat(refusal).as("only call managers may start the funding-call process (security/AccessPolicy)")
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("CREATE");
        assertThat(instanceCount()).isEqualTo(instancesBefore);
        assertThat(callRepository.count()).isEqualTo(callsBefore);
    }

    private void assertDraftRefused(Consumer<Map<String, Object>> breakForm, String field, String message) {
        Cluster cluster = scenario.cluster();
        Map<String, Object> form = scenario.callForm();
        breakForm.accept(form);
        long callsBefore = callRepository.count();
        long instancesBefore = instanceCount();

        Throwable refusal = refusal(() -> scenario.draftCall(cluster.manager(), form));

        assertThat(refusal).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
        assertThat(((InvalidInputException) refusal).fieldErrors()).containsEntry(field, message);
        assertThat(instanceCount()).as("no process instance, running or ended").isEqualTo(instancesBefore);
        assertThat(callRepository.count()).as("no FundingCall row").isEqualTo(callsBefore);
    }

    // --- closing date reached --------------------------------------------------------------------------------

    @Test
    void theCallClosesWhenItsClosingDateIsReachedAndWithNothingToSettleGoesOnToTheSelection() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        ProcessInstance instance = instance(call.getProcessInstanceId());
        assertThat(instance).isWaitingAt(FundingCallProcess.GATEWAY_WAIT_FOR_CLOSING);

        ClockUtil.setCurrentTime(Date.from(call.getClosesAt().minusSeconds(60)));
        assertThat(jobQuery().processInstanceId(instance.getId()).executable().count())
                .as("the timer is not due a minute before the closing time").isZero();

        Instant afterClosing = call.getClosesAt().plusSeconds(1);
        ClockUtil.setCurrentTime(Date.from(afterClosing));
        assertThat(jobQuery().processInstanceId(instance.getId()).executable().list())
                .extracting(job -> job.getId()).containsExactly(job(FundingCallProcess.TIMER_CLOSING_DATE, instance).getId());

        execute(job(FundingCallProcess.TIMER_CLOSING_DATE, instance));

        assertThat(instance).hasPassed(FundingCallProcess.TIMER_CLOSING_DATE, FundingCallProcess.TASK_CLOSE_CALL,
                FundingCallProcess.TASK_CHECK_SETTLED)
                .hasNotPassed(FundingCallProcess.MESSAGE_EVENT_CLOSED_EARLY, FundingCallProcess.TIMER_RECHECK_SETTLED)
                .isWaitingAtExactly(FundingCallProcess.TASK_PROPOSE_SELECTION);
        assertThat(instance).variables().containsEntry(FundingCallProcess.VAR_ALL_SETTLED, true);
        FundingCall closed = calls.get(call.getId());
        assertThat(closed.getStatus()).isEqualTo(CallStatus.CLOSED);
        assertThat(closed.getClosedAt()).isEqualTo(afterClosing);
        assertThat(closed.getClosesAt()).isEqualTo(call.getClosesAt());
        assertThat(calls.openCalls()).extracting(FundingCall::getId).doesNotContain(call.getId());
        assertThat(last(trail(closed))).satisfies(event -> {
            assertThat(event.getAction()).isEqualTo("CALL_CLOSED");
            assertThat(event.getActor()).isEqualTo("system");
        });

        assertRankedAndAwaitingTheSelectionDecision(instance, closed);
    }

    // --- closed early ----------------------------------------------------------------------------------------

    @Test
    void aCallManagerOfTheClusterClosesTheCallEarlyWithAReason() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        ProcessInstance instance = instance(call.getProcessInstanceId());

        Instant now = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(now));

        calls.closeEarly(call.getId(), cluster.secondManager(), "  The activity was cancelled by the organiser. ");

        assertThat(instance).hasPassed(FundingCallProcess.MESSAGE_EVENT_CLOSED_EARLY,
                FundingCallProcess.TASK_CLOSE_CALL, FundingCallProcess.TASK_CHECK_SETTLED)
                .hasNotPassed(FundingCallProcess.TIMER_CLOSING_DATE, FundingCallProcess.TIMER_RECHECK_SETTLED)
                .isWaitingAtExactly(FundingCallProcess.TASK_PROPOSE_SELECTION);
        assertThat(jobQuery().processInstanceId(instance.getId()).timers().count()).as("the closing timer is gone").isZero();
        FundingCall closed = calls.get(call.getId());
        assertThat(closed.getStatus()).isEqualTo(CallStatus.CLOSED);
        assertThat(closed.getClosesAt()).as("it closes now").isEqualTo(now);
        assertThat(closed.getClosedAt()).isEqualTo(now);
        assertThat(calls.openCalls()).extracting(FundingCall::getId).doesNotContain(call.getId());
        List<AuditEvent> trail = trail(closed);
        assertThat(trail).extracting(AuditEvent::getAction)
                .containsExactly("CALL_DRAFTED", "CALL_PUBLISHED", "CALL_CLOSED_EARLY", "CALL_CLOSED");
        assertThat(trail.get(2)).satisfies(event -> {
            assertThat(event.getActor()).isEqualTo(cluster.secondManager());
            assertThat(event.getReason()).isEqualTo("The activity was cancelled by the organiser.");
        });

        assertRankedAndAwaitingTheSelectionDecision(instance, closed);
    }

    @Test
    void closingACallEarlyWithoutAReasonIsRefused() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);

        Throwable refusal = refusal(() -> calls.closeEarly(call.getId(), cluster.manager(), " "));

        assertThat(refusal).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) refusal).fieldErrors()).containsKey("reason");
        assertStillOpen(call);
    }

    @Test
    void onlyCallManagersOfTheCallsClusterMayCloseItEarly() {
        Cluster cluster = scenario.cluster();
        Cluster otherCluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);

        assertThatThrownBy(() -> calls.closeEarly(call.getId(), otherCluster.manager(), "Budget is exhausted."))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> calls.closeEarly(call.getId(), cluster.reviewer(), "Budget is exhausted."))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining(Roles.CALL_MANAGERS);
        assertStillOpen(call);
    }

    // --- extended --------------------------------------------------------------------------------------------

    @Test
    void anExtensionMovesTheClosingTimerTellsTheMembersAndTheCallClosesOnTheNewDate() {
        Cluster cluster = scenario.cluster();
        Company member = scenario.memberCompany(cluster);
        FundingCall call = scenario.publishedCall(cluster);
        ProcessInstance instance = instance(call.getProcessInstanceId());
        LocalDate oldClosingDate = call.getClosesAt().atZone(BRUSSELS).toLocalDate();
        LocalDate newClosingDate = oldClosingDate.plusDays(14);

        calls.extend(call.getId(), cluster.secondManager(), newClosingDate, " Few applications so far. ");

        assertThat(instance).hasPassed(FundingCallProcess.MESSAGE_EVENT_CLOSING_EXTENDED)
                .isWaitingAtExactly(FundingCallProcess.TASK_NOTIFY_MEMBERS_EXTENDED);
        FundingCall extended = calls.get(call.getId());
        assertThat(extended.getStatus()).isEqualTo(CallStatus.PUBLISHED);
        assertThat(extended.getClosesAt()).isEqualTo(endOfDay(newClosingDate));
        assertThat(last(trail(extended))).satisfies(event -> {
            assertThat(event.getAction()).isEqualTo("CALL_EXTENDED");
            assertThat(event.getActor()).isEqualTo(cluster.secondManager());
            assertThat(event.getReason()).isEqualTo("Few applications so far.");
            assertThat(event.getDecision()).contains(oldClosingDate.toString(), newClosingDate.toString());
        });
        assertThat(outbox(extended, NotificationType.CALL_EXTENDED)).isEmpty();

        execute(job(FundingCallProcess.TASK_NOTIFY_MEMBERS_EXTENDED, instance));

        assertThat(instance).hasPassed(FundingCallProcess.TASK_NOTIFY_MEMBERS_EXTENDED)
                .isWaitingAt(FundingCallProcess.GATEWAY_WAIT_FOR_CLOSING).isNotEnded();
        assertThat(job(FundingCallProcess.TIMER_CLOSING_DATE, instance))
                .hasDueDate(Date.from(newClosingDate.atTime(LocalTime.of(23, 59, 59)).atZone(BRUSSELS).toInstant()));
        assertThat(outbox(extended, NotificationType.CALL_EXTENDED))
                .extracting(Notification::getRecipient).containsExactly(Scenario.contactOf(member));
        assertThat(outbox(extended, NotificationType.CALL_PUBLISHED))
                .as("the publication notice is not sent again").hasSize(1);

        execute(job(FundingCallProcess.TIMER_CLOSING_DATE, instance));

        assertThat(instance).hasPassed(FundingCallProcess.TIMER_CLOSING_DATE, FundingCallProcess.TASK_CLOSE_CALL,
                FundingCallProcess.TASK_CHECK_SETTLED).isWaitingAtExactly(FundingCallProcess.TASK_PROPOSE_SELECTION);
        assertThat(calls.get(call.getId()).getStatus()).isEqualTo(CallStatus.CLOSED);
        assertThat(trail(extended)).extracting(AuditEvent::getAction)
                .containsExactly("CALL_DRAFTED", "CALL_PUBLISHED", "CALL_EXTENDED", "CALL_CLOSED");
    }

    @Test
    void anExtensionToAnEarlierDateOrPastTheActivityStartIsRefused() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        LocalDate closingDate = call.getClosesAt().atZone(BRUSSELS).toLocalDate();

        Throwable earlier = refusal(() -> calls.extend(call.getId(), cluster.manager(), closingDate.minusDays(5),
                "Shorter call."));
        Throwable sameDay = refusal(() -> calls.extend(call.getId(), cluster.manager(), closingDate, "No change."));
        Throwable pastActivityStart = refusal(() -> calls.extend(call.getId(), cluster.manager(),
                call.getActivityStart(), "Late applicants."));
        Throwable withoutReason = refusal(() -> calls.extend(call.getId(), cluster.manager(),
                closingDate.plusDays(3), ""));
        Throwable byAnotherCluster = refusal(() -> calls.extend(call.getId(), scenario.cluster().manager(),
                closingDate.plusDays(3), "Late applicants."));

        assertThat(List.of(earlier, sameDay)).allSatisfy(refusal -> {
            assertThat(refusal).isInstanceOf(InvalidInputException.class);
            assertThat(((InvalidInputException) refusal).fieldErrors()).containsKey("closingDate");
            assertThat(refusal).hasMessageContaining("must be after the current one");
        });
        assertThat(pastActivityStart).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must close before the activity starts");
        assertThat(((InvalidInputException) withoutReason).fieldErrors()).containsOnlyKeys("reason");
        assertThat(byAnotherCluster).isInstanceOf(ForbiddenException.class);
        assertStillOpen(call);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /**
     * A closed call without applications has nothing to settle: the asynchronous ranking proposes empty lists and
     * the call managers are asked for the selection decision.
     */
    private void assertRankedAndAwaitingTheSelectionDecision(ProcessInstance instance, FundingCall closed) {
        assertThat(trail(closed)).extracting(AuditEvent::getAction).as("ranked by the asynchronous step only")
                .doesNotContain("SELECTION_PROPOSED");

        execute(job(FundingCallProcess.TASK_PROPOSE_SELECTION, instance));

        assertThat(instance).hasPassed(FundingCallProcess.TASK_PROPOSE_SELECTION)
                .isWaitingAtExactly(FundingCallProcess.TASK_SELECTION_DECISION);
        assertThat(task(FundingCallProcess.TASK_SELECTION_DECISION, instance))
                .hasCandidateGroup(Roles.CALL_MANAGERS).isNotAssigned();
        assertThat(last(trail(closed))).satisfies(event -> {
            assertThat(event.getAction()).isEqualTo("SELECTION_PROPOSED");
            assertThat(event.getActor()).isEqualTo("system");
        });
        assertThat(calls.get(closed.getId()).getStatus()).isEqualTo(CallStatus.CLOSED);
    }

    /** Published, waiting for its unchanged closing date, with no closing or extension in the trail. */
    private void assertStillOpen(FundingCall call) {
        ProcessInstance instance = instance(call.getProcessInstanceId());
        assertThat(instance).isWaitingAt(FundingCallProcess.GATEWAY_WAIT_FOR_CLOSING)
                .hasNotPassed(FundingCallProcess.MESSAGE_EVENT_CLOSED_EARLY,
                        FundingCallProcess.MESSAGE_EVENT_CLOSING_EXTENDED, FundingCallProcess.TASK_CLOSE_CALL);
        assertThat(job(FundingCallProcess.TIMER_CLOSING_DATE, instance)).hasDueDate(Date.from(call.getClosesAt()));
        FundingCall unchanged = calls.get(call.getId());
        assertThat(unchanged.getStatus()).isEqualTo(CallStatus.PUBLISHED);
        assertThat(unchanged.getClosesAt()).isEqualTo(call.getClosesAt());
        assertThat(unchanged.getClosedAt()).isNull();
        assertThat(trail(unchanged)).extracting(AuditEvent::getAction).containsExactly("CALL_DRAFTED", "CALL_PUBLISHED");
    }

    private Company formerMember(Cluster cluster) {
        Company company = scenario.company(Scenario.figures(5, "400000", "300000"), List.of());
        companies.recordMembership(company.getId(), cluster.id(), "M-" + company.getId(), LocalDate.of(2019, 1, 1),
                scenario.today().minusYears(1));
        return company;
    }

    private static ProcessInstance instance(String processInstanceId) {
        ProcessInstance instance = processInstanceQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(instance).as("process instance " + processInstanceId).isNotNull();
        return instance;
    }

    private static long instanceCount() {
        return historyService().createHistoricProcessInstanceQuery().processDefinitionKey(FundingCallProcess.KEY)
                .count();
    }

    private static Object historicVariable(ProcessInstance instance, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }

    private List<Notification> outbox(FundingCall call, NotificationType type) {
        return notifications.findByEntityTypeAndEntityIdOrderById("FundingCall", call.reference()).stream()
                .filter(notification -> notification.getType().equals(type.name()))
                .toList();
    }

    private List<AuditEvent> trail(FundingCall call) {
        return audit.trailOf(call);
    }


    private static Instant endOfDay(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(BRUSSELS).toInstant();
    }

    /**
     * The refusal the action ends with. An exception thrown in a task listener reaches the caller wrapped by the
     * engine; what matters is the application's own exception inside.
     */
    static Throwable refusal(ThrowingCallable action) {
        Throwable thrown = catchThrowable(action);
        assertThat(thrown).as("the action is refused").isNotNull();
        Throwable cause = thrown;
        while (cause != null) {
            if (cause.getClass().getPackageName().equals("eu.clustercalls.support")) {
                return cause;
            }
            cause = cause.getCause();
        }
        return thrown;
    }
}
