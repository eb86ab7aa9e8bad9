package eu.clustercalls.support;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * Full history except the task-local variables, which are the forms' views of our tables ({@link FormTaskListener}):
 * copies of data kept in JPA and the audit trail, written when a task is created and dropped when it completes.
 * Recording each of them two or three times (instance and details) was the largest part of an application's
 * history writes (about 170 of its rows). What people submit on a form goes into process variables and stays in
 * the history, as do every task, decision and user operation. It is the full level (id 3, so a database created at
 * "full" starts as before) under a name of its own, {@value #NAME}, set in application.yaml.
 */
@Component
class FormViewsOutOfHistory extends AbstractProcessEnginePlugin {

    static final String NAME = "full-without-form-views";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomHistoryLevels(List.of(new Level()));
    }

    static final class Level extends HistoryLevelFull {

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return !(isVariableEvent(eventType) && entity instanceof VariableInstanceEntity variable
                    && variable.getTaskId() != null);
        }

        private static boolean isVariableEvent(HistoryEventType eventType) {
            return eventType == HistoryEventTypes.VARIABLE_INSTANCE_CREATE
                    || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
                    || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                    || eventType == HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE
                    || eventType == HistoryEventTypes.VARIABLE_INSTANCE_DELETE;
        }
    }
}
