package eu.clustercalls.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.query.Query;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Shared Tasklist filters: what the signed-in user's groups have to do, and what of it is overdue; each entry shows
 * the company, application and call ({@link TaskListColumns}). A filter made at an earlier start gets today's columns.
 */
@Component
@Order(1)
class TasklistFilters implements ApplicationRunner {

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
        List<Filter> existing = filterService.createFilterQuery().filterName(name).list();
        for (Filter filter : existing) {
            if (!TaskListColumns.FILTER_COLUMNS.equals(filter.getProperties().get("variables"))) {
                // Only the columns: what an administrator changed in the filter's other settings stays.
                Map<String, Object> properties = new HashMap<>(filter.getProperties());
                properties.put("variables", TaskListColumns.FILTER_COLUMNS);
                filterService.saveFilter(filter.setProperties(properties));
            }
        }
        if (!existing.isEmpty()) {
            return;
        }
        var filter = filterService.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true,
                        "variables", TaskListColumns.FILTER_COLUMNS));
        filterService.saveFilter(filter);
    }
}
