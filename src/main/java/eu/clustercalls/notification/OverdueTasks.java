package eu.clustercalls.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.audit.Audited;
import eu.clustercalls.security.StaffDirectory;

/**
 * Tells a staff task's group once that the task is overdue (its assignee, for a task of one person). Every node
 * looks; the first to record the task in overdue_notice tells, in the same transaction as the outbox rows. Tasks of
 * SMEs have reminders of their own in their processes.
 */
@Component
class OverdueTasks {

    private static final Logger log = LoggerFactory.getLogger(OverdueTasks.class);
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final StaffDirectory staff;
    private final NotificationService notifications;
    private final Clock clock;

    OverdueTasks(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, TaskService taskService,
            RuntimeService runtimeService, StaffDirectory staff, NotificationService notifications, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.staff = staff;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The scheduled look: a database failure waits for the next one, with a line in the log. */
    void poll() {
        try {
            tell();
        } catch (DataAccessException | TransactionException e) {
            log.warn("Overdue tasks could not be read: {}", e.toString());
        }
    }

    /** Tells the groups of every task that became overdue since the last look; returns how many tasks. */
    int tell() {
        // Tasks that ended since are forgotten: a task id is never used again.
        jdbc.update("delete from overdue_notice where task_id not in (select ID_ from ACT_RU_TASK)");
        int told = 0;
        Set<String> skipped = new LinkedHashSet<>();
        while (true) {
            Instant now = clock.instant();
            List<String> due = jdbc.queryForList("""
                    select t.ID_ from ACT_RU_TASK t left join overdue_notice n on n.task_id = t.ID_
                    where t.DUE_DATE_ < ? and t.SUSPENSION_STATE_ = 1 and n.task_id is null
                    order by t.DUE_DATE_ fetch first ? rows only""", String.class,
                    now.atOffset(ZoneOffset.UTC), BATCH + skipped.size());
            List<String> fresh = due.stream().filter(id -> !skipped.contains(id)).toList();
            if (fresh.isEmpty()) {
                return told;
            }
            List<Task> tasks = taskService.createTaskQuery().taskIdIn(fresh.toArray(String[]::new)).list();
            Map<String, String> subjects = subjects(tasks);
            for (Task task : tasks) {
                if (tellOnce(task, subjects.getOrDefault(task.getProcessInstanceId(), task.getName()))) {
                    told++;
                } else {
                    skipped.add(task.getId());
                }
            }
            // A task that ended between the two queries, or that nobody can be told of, is not asked for again.
            fresh.stream().filter(id -> tasks.stream().noneMatch(task -> task.getId().equals(id))).forEach(skipped::add);
            if (due.size() < BATCH + skipped.size()) {
                return told;
            }
        }
    }

    private boolean tellOnce(Task task, String subject) {
        List<String> recipients = recipients(task);
        if (recipients.isEmpty()) {
            return false;
        }
        Boolean told = transactions.execute(status -> {
            try {
                jdbc.update("insert into overdue_notice (task_id, noticed_at) values (?, ?)", task.getId(),
                        clock.instant().atOffset(ZoneOffset.UTC));
            } catch (DuplicateKeyException e) {
                return false;
            }
            notifications.queue(recipients, NotificationType.OVERDUE_TASK, new OverdueTask(task),
                    Map.of("taskName", task.getName(), "subjectOfTask", subject, "dueAt", task.getDueDate().toInstant(),
                            "path", NotificationService.TASKLIST + "#/?task=" + task.getId()));
            return true;
        });
        return Boolean.TRUE.equals(told);
    }

    private List<String> recipients(Task task) {
        List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        if (groups.isEmpty()) {
            return task.getAssignee() == null ? List.of() : List.of(task.getAssignee());
        }
        List<String> members = new ArrayList<>();
        groups.forEach(group -> members.addAll(staff.members(group, task.getTenantId())));
        return members.stream().distinct().toList();
    }

    /** What each task is about: its process's business key (the application's or the call's reference). */
    private Map<String, String> subjects(List<Task> tasks) {
        Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        return runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey, (a, b) -> a));
    }

    /** The outbox row is about the task. */
    private record OverdueTask(Task task) implements Audited {

        @Override
        public String auditType() {
            return "TASK";
        }

        @Override
        public String auditId() {
            return task.getId();
        }

        @Override
        public String tenantId() {
            return task.getTenantId();
        }
    }
}
