package eu.clustercalls.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.call.FundingCallRepository;
import eu.clustercalls.company.CompanyRepository;
import eu.clustercalls.support.BusinessKeys;

/**
 * What Tasklist's shared filters show of every task and let staff search by ({@link TasklistFilters}): the company,
 * the application and the call, as short task-local variables set when any user task is created. One listener
 * added to every user task at parsing, so a new task kind has them without a line of its own; it finds the
 * application or call by the instance's business key (APP-12 for an application and its travel reimbursement,
 * CALL-3 for a call), never by a variable.
 */
@Component
class TaskListColumns extends AbstractProcessEnginePlugin {

    static final String COMPANY = "companyName";
    static final String APPLICATION = "applicationReference";
    static final String CALL = "callReference";
    static final String CALL_TITLE = "callTitle";
    /**
     * All of the above in lower case, for Tasklist's search box (tasklist/scripts/clustercalls/task-search.js): one
     * criterion finds a company, a call or a reference typed in any case, where Tasklist's own "ignore case" is not
     * applied to the first search of a page.
     */
    static final String SEARCH_TEXT = "searchText";

    /** Tasklist's columns, in the order a list entry shows them; it unfolds only the first two. */
    static final List<Map<String, String>> FILTER_COLUMNS = List.of(
            Map.of("name", COMPANY, "label", "Company"),
            Map.of("name", CALL_TITLE, "label", "Call"),
            Map.of("name", APPLICATION, "label", "Application"),
            Map.of("name", CALL, "label", "Call reference"));

    // Looked up when a task is created: the repositories cannot be made before the engine that this plugin configures.
    private final ObjectProvider<Labels> labels;

    TaskListColumns(ObjectProvider<Labels> labels) {
        this.labels = labels;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener listener = task -> task.setVariablesLocal(labels.getObject().of(task));
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
            }
        });
    }

    /** The values of the columns for a task, from our store. */
    @Component
    static class Labels {

        private final ApplicationRepository applications;
        private final FundingCallRepository calls;
        private final CompanyRepository companies;

        Labels(ApplicationRepository applications, FundingCallRepository calls, CompanyRepository companies) {
            this.applications = applications;
            this.calls = calls;
            this.companies = companies;
        }

        Map<String, Object> of(DelegateTask task) {
            String businessKey = task.getExecution().getProcessBusinessKey();
            Map<String, Object> values = new LinkedHashMap<>();
            if (businessKey == null) {
                return values;
            }
            FundingCall call = null;
            if (businessKey.startsWith(ApplicationProcess.BUSINESS_KEY_PREFIX)) {
                Application application = applications.findById(
                        BusinessKeys.id(businessKey, ApplicationProcess.BUSINESS_KEY_PREFIX)).orElseThrow();
                values.put(COMPANY, companies.findById(application.getCompanyId()).orElseThrow().getLegalName());
                values.put(APPLICATION, application.reference());
                call = calls.findById(application.getCallId()).orElseThrow();
            } else if (businessKey.startsWith(FundingCallProcess.BUSINESS_KEY_PREFIX)) {
                call = calls.findById(BusinessKeys.id(businessKey, FundingCallProcess.BUSINESS_KEY_PREFIX)).orElseThrow();
            }
            if (call != null) {
                values.put(CALL, call.reference());
                values.put(CALL_TITLE, call.getTitle());
            }
            if (!values.isEmpty()) {
                values.put(SEARCH_TEXT, values.values().stream().map(Object::toString)
                        .collect(Collectors.joining(" · ")).toLowerCase(Locale.ROOT));
            }
            return values;
        }
    }
}
