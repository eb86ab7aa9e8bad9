package eu.clustercalls.dashboard;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.support.NotFoundException;

/**
 * The eligibility decision of an application in Cockpit. The decision is evaluated outside any process instance, and
 * Cockpit's decision list searches by neither business key nor input; the decision's input "Application" (the
 * reference, input_application in eligibility.dmn) finds it here, and the dashboard and Cockpit's application
 * instances (CockpitDecisionLinks) link to its page.
 */
@Component
class EligibilityDecisions {

    static final String COCKPIT_DECISION_INSTANCE = "/camunda/app/cockpit/default/#/decision-instance/";
    private static final String REFERENCE_INPUT = "input_application";

    private final HistoryService historyService;
    private final ManagementService managementService;

    EligibilityDecisions(HistoryService historyService, ManagementService managementService) {
        this.historyService = historyService;
        this.managementService = managementService;
    }

    /** The address of the application's latest eligibility decision in Cockpit. */
    String cockpitPage(Application application) {
        return latestOf(application).map(decision -> COCKPIT_DECISION_INSTANCE + decision)
                .orElseThrow(() -> new NotFoundException("The eligibility decision of " + application.reference()
                        + " is not in the history (any more)."));
    }

    /** The id of the application's latest eligibility decision, if history still holds it. */
    Optional<String> latestOf(Application application) {
        String decisions = managementService.getTableName(HistoricDecisionInstanceEntity.class);
        String inputs = managementService.getTableName(HistoricDecisionInputInstanceEntity.class);
        List<HistoricDecisionInstance> found = historyService.createNativeHistoricDecisionInstanceQuery()
                .sql("SELECT RES.* FROM " + decisions + " RES WHERE RES.DEC_DEF_KEY_ = #{key} AND RES.ID_ IN "
                        + "(SELECT I.DEC_INST_ID_ FROM " + inputs + " I WHERE I.CLAUSE_ID_ = #{clause} "
                        + "AND I.TEXT_ = #{reference}) ORDER BY RES.EVAL_TIME_ DESC")
                .parameter("key", ApplicationProcess.ELIGIBILITY_DECISION)
                .parameter("clause", REFERENCE_INPUT)
                .parameter("reference", application.reference())
                .listPage(0, 1);
        return found.stream().findFirst().map(HistoricDecisionInstance::getId);
    }
}
