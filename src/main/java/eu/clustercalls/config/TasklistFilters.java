package eu.clustercalls.config;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.query.Query;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Shared Tasklist filters: what the signed-in user's groups have to do, and what of it is overdue. */
@Component
@Order(1)
class TasklistFilters implements ApplicationRunner {

    private static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", "applicationReference", "label", "Application"),
            Map.of("name", "callTitle", "label", "Call"));

    private final FilterService filterService;
    private final TaskService taskService;

    TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure("My tasks", -10, "Tasks assigned to me.",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensure("My group's tasks", 0, "Open tasks of my groups, assigned or not.",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks());
        ensure("Overdue", 10, "Tasks of my groups whose due date has passed.",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().dueBeforeExpression("${now()}"));
    }

    private void ensure(String name, int priority, String description, Query<?, ?> query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        var filter = filterService.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true,
                        "variables", COLUMNS));
        filterService.saveFilter(filter);
    }
}
