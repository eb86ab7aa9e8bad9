package eu.clustercalls.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.Scenario.Cluster;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.application.Selection;
import eu.clustercalls.call.CallStatus;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.notification.NotificationRepository;
import eu.clustercalls.notification.NotificationType;

/**
 * Like the TEXGLOBAL delegation of three SMEs to Techtextil North America in Atlanta: six companies apply; one is
 * not an SME, one scores below the threshold of 15, and the third and fourth place end with the same final score,
 * where the application that was complete earlier takes the last slot. The call managers approve the proposal.
 */
@ClusterCallsTest
@ExtendWith(ProcessAssertions.class)
class TexglobalSelectionScenarioTest {

    private static final BigDecimal GRANT = new BigDecimal("2000");

    @Autowired
    Scenario scenario;
    @Autowired
    CallService calls;
    @Autowired
    CompanyService companies;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    NotificationRepository notifications;

    @Test
    void threeSmesGoToAtlantaAndTheTieForTheLastSlotGoesToTheApplicationCompleteEarlier() {
        Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, form -> {
            form.put("title", "TEXGLOBAL delegation to Techtextil North America " + Scenario.next());
            form.put("euProject", "TEXGLOBAL");
            form.put("activityType", "TRADE_FAIR");
            form.put("destinationCity", "Atlanta");
            form.put("destinationCountry", "US");
            form.put("destinationLatitude", 33.749);
            form.put("destinationLongitude", -84.388);
        });
        assertThat(call.getSlots()).isEqualTo(3);
        assertThat(call.effectiveBudget()).as("three slots at the maximum grant").isEqualByComparingTo("6000");

        Application strongest = scenario.evaluatedApplication(cluster, call, GRANT, 22, 24);
        Application runnerUp = scenario.evaluatedApplication(cluster, call, GRANT, 20, 22);
        Application notAnSme = scenario.apply(call, largeMember(cluster), GRANT);
        ProcessInstance notAnSmeInstance = instance(notAnSme);
        Application clarified = scenario.apply(call, scenario.memberCompany(cluster), GRANT);
        scenario.askForClarification(cluster, clarified, "Which of your products will you show at the fair?");
        Application tied = scenario.evaluatedApplication(cluster, call, GRANT, 18, 18);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
        scenario.answerClarification(clarified, "Flame-retardant technical fabrics for protective clothing.");
        scenario.confirmEligibility(cluster, clarified);
        scenario.evaluateWithTotals(clarified, 17, 19);
        Application weak = scenario.evaluatedApplication(cluster, call, GRANT, 13, 11);
        ProcessInstance weakInstance = instance(weak);
        scenario.confirmEligibility(cluster, notAnSme);
        assertThat(notAnSmeInstance).as("the reviewer confirms the automatic verdict")
                .hasPassed(ApplicationProcess.END_INELIGIBLE).hasNotPassed(ApplicationProcess.SUBPROCESS_EVALUATION)
                .isEnded();

        assertThat(stored(tied).getFinalScore()).isEqualByComparingTo(stored(clarified).getFinalScore())
                .isEqualByComparingTo("18");
        assertThat(clarified.getId()).as("the clarified one applied first").isLessThan(tied.getId());
        assertThat(stored(clarified).getCompleteAt()).as("but was complete only with its answer")
                .isAfter(stored(tied).getCompleteAt());

        scenario.closeEarly(cluster, call);
        scenario.approveSelection(cluster, call);

        List<Application> ranked = applications.findByCallIdAndSelectionIsNotNullOrderByRanking(call.getId());
        assertThat(ranked).filteredOn(a -> a.getSelection() == Selection.MAIN)
                .as("the main list, in rank order")
                .extracting(Application::getId, Application::getRanking, Application::getFinalScore, Application::getStatus)
                .containsExactly(
                        tuple(strongest.getId(), 1, new BigDecimal("23.00"), ApplicationStatus.SELECTED),
                        tuple(runnerUp.getId(), 2, new BigDecimal("21.00"), ApplicationStatus.SELECTED),
                        tuple(tied.getId(), 3, new BigDecimal("18.00"), ApplicationStatus.SELECTED));
        assertThat(ranked).filteredOn(a -> a.getSelection() == Selection.RESERVE)
                .as("the reserve list")
                .extracting(Application::getId, Application::getRanking, Application::getFinalScore, Application::getStatus)
                .containsExactly(tuple(clarified.getId(), 4, new BigDecimal("18.00"), ApplicationStatus.RESERVE));
        assertThat(ranked).filteredOn(a -> a.getSelection() == Selection.REJECTED)
                .as("below the threshold of 15")
                .extracting(Application::getId, Application::getRanking, Application::getFinalScore, Application::getStatus)
                .containsExactly(tuple(weak.getId(), 5, new BigDecimal("12.00"), ApplicationStatus.NOT_SELECTED));
        assertThat(ranked).extracting(Application::getId).doesNotContain(notAnSme.getId());

        Application ineligible = stored(notAnSme);
        assertThat(ineligible.getStatus()).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(ineligible.getRanking()).isNull();
        assertThat(ineligible.getSelection()).isNull();
        assertThat(ineligible.getEligibilityReasons()).extracting(reason -> reason.code()).contains("NOT_SME_HEADCOUNT");
        assertThat(resultsOf(notAnSme)).as("told once, with the eligibility result").isZero();

        for (Application application : List.of(strongest, runnerUp, tied, clarified, weak)) {
            assertThat(resultsOf(application)).as("one result for " + application.reference()).isEqualTo(1);
        }
        for (Application selected : List.of(strongest, runnerUp, tied)) {
            assertThat(instance(selected)).hasPassed(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED)
                    .isWaitingAtExactly(ApplicationProcess.TASK_CONFIRM_PARTICIPATION);
        }
        assertThat(instance(clarified)).hasPassed(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED)
                .isWaitingFor(ApplicationProcess.MESSAGE_PROMOTED, ApplicationProcess.MESSAGE_RESERVE_RELEASED);
        assertThat(weakInstance).hasPassed(ApplicationProcess.MESSAGE_EVENT_SELECTION_DECIDED,
                ApplicationProcess.END_NOT_SELECTED).isEnded();
        assertThat(processInstanceQuery().processInstanceId(call.getProcessInstanceId()).singleResult())
                .hasPassed(FundingCallProcess.TASK_PROPOSE_SELECTION, FundingCallProcess.TASK_SELECTION_DECISION,
                        FundingCallProcess.TASK_PUBLISH_RESULTS)
                .isWaitingAtExactly(FundingCallProcess.TIMER_ACTIVITY_ENDED);
        assertThat(calls.get(call.getId()).getStatus()).isEqualTo(CallStatus.RESULTS_PUBLISHED);
    }

    /** A member of the cluster with 300 staff: not an SME. */
    private Company largeMember(Cluster cluster) {
        Company large = scenario.company(Scenario.figures(300, "40000000", "30000000"), List.of());
        companies.recordMembership(large.getId(), cluster.id(), "M-" + large.getId(), LocalDate.of(2015, 1, 1), null);
        return large;
    }

    private long resultsOf(Application application) {
        return notifications.findByEntityTypeAndEntityIdOrderById("Application", application.reference()).stream()
                .filter(notification -> notification.getType().equals(NotificationType.SELECTION_RESULT.name()))
                .count();
    }

    private static ProcessInstance instance(Application application) {
        ProcessInstance instance = processInstanceQuery().processInstanceId(application.getProcessInstanceId())
                .singleResult();
        assertThat(instance).as("process instance of " + application.reference()).isNotNull();
        return instance;
    }

    private Application stored(Application application) {
        return applications.findById(application.getId()).orElseThrow();
    }
}
