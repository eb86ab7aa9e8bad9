package eu.clustercalls.staffforms;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasks opened before their forms read {@value StaffFormTexts#VARIABLE} (created by an older version) get their
 * labels at start-up: without them such a form would show no words and no choices, and could not be completed.
 */
@Component
class StaffFormTextsOfOpenTasks {

    private static final Logger LOG = LoggerFactory.getLogger(StaffFormTextsOfOpenTasks.class);
    private static final int PAGE = 200;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final StaffFormTexts.Texts texts;

    StaffFormTextsOfOpenTasks(TaskService taskService, RuntimeService runtimeService, StaffFormTexts.Texts texts) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.texts = texts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void giveLabelsToOpenTasksWithout() {
        // The tasks that have them, in one query (without their values), rather than one query per open task.
        Set<String> labelled = runtimeService.createVariableInstanceQuery().variableName(StaffFormTexts.VARIABLE)
                .disableBinaryFetching().disableCustomObjectDeserialization().list().stream()
                .map(VariableInstance::getTaskId).filter(Objects::nonNull).collect(Collectors.toSet());
        int given = 0;
        for (int first = 0; ; first += PAGE) {
            List<Task> tasks = taskService.createTaskQuery().initializeFormKeys().orderByTaskId().asc()
                    .listPage(first, PAGE);
            for (Task task : tasks) {
                if (task.getCamundaFormRef() != null && task.getCamundaFormRef().getKey() != null
                        && !labelled.contains(task.getId())) {
                    taskService.setVariableLocal(task.getId(), StaffFormTexts.VARIABLE,
                            texts.labels(task.getCamundaFormRef().getKey(), task.getTenantId()));
                    given++;
                }
            }
            if (tasks.size() < PAGE) {
                break;
            }
        }
        if (given > 0) {
            LOG.info("Gave {} open tasks their forms' labels in their cluster's staff language", given);
        }
    }
}
