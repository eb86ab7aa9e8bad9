package eu.clustercalls.operations;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The business gauges of /actuator/prometheus, read from the database every clustercalls.operations.metrics-refresh
 * (not at each scrape: several scrapers and nodes then cost the same). Each gauge is one grouped query, cheap with
 * 10,000 open tasks; a tag value that is gone from the database (a group without open tasks) is gone from the output.
 */
@Component
class OperationsMetrics {

    /** Tasks someone has claimed, whatever their candidate groups. */
    static final String ASSIGNED = "(assigned)";
    /** Unclaimed tasks without a candidate group (candidate users only, or nobody). */
    static final String NO_GROUP = "(none)";

    private static final Logger log = LoggerFactory.getLogger(OperationsMetrics.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MultiGauge openTasks;
    private final MultiGauge overdueTasks;
    private final MultiGauge openIncidents;
    private final MultiGauge applications;
    private volatile Payments payments = new Payments(0, BigDecimal.ZERO);

    OperationsMetrics(JdbcTemplate jdbc, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        openTasks = MultiGauge.builder("clustercalls.tasks.open")
                .description("Open user tasks: unclaimed ones per candidate group, claimed ones as (assigned)")
                .register(registry);
        overdueTasks = MultiGauge.builder("clustercalls.tasks.overdue")
                .description("Open user tasks past their due date, grouped as clustercalls_tasks_open")
                .register(registry);
        openIncidents = MultiGauge.builder("clustercalls.incidents.open")
                .description("Open incidents per process definition key and incident type")
                .register(registry);
        applications = MultiGauge.builder("clustercalls.applications")
                .description("Applications per status")
                .register(registry);
        Gauge.builder("clustercalls.payments.executed", this, metrics -> metrics.payments.count())
                .description("Executed grant payments").register(registry);
        Gauge.builder("clustercalls.payments.executed.amount", this, metrics -> metrics.payments.amount().doubleValue())
                .description("Total of the executed grant payments").baseUnit("euros").register(registry);
    }

    @Scheduled(fixedDelayString = "${clustercalls.operations.metrics-refresh}")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (DataAccessException e) {
            // The gauges keep their last values until the next turn.
            log.warn("The operations metrics could not be read: {}", e.getMessage());
        }
    }

    synchronized void refresh() {
        refreshTasks();
        List<MultiGauge.Row<?>> incidents = new ArrayList<>();
        jdbc.query("""
                select coalesce(d.key_, '(none)') as process_key, i.incident_type_ as incident_type,
                  count(*) as incidents
                from act_ru_incident i left join act_re_procdef d on d.id_ = i.proc_def_id_
                group by d.key_, i.incident_type_""",
                rs -> {
                    incidents.add(MultiGauge.Row.of(Tags.of("process_definition_key", rs.getString("process_key"),
                            "incident_type", rs.getString("incident_type")), rs.getLong("incidents")));
                });
        openIncidents.register(incidents, true);
        List<MultiGauge.Row<?>> statuses = new ArrayList<>();
        jdbc.query("select status, count(*) as applications from application group by status", rs -> {
            statuses.add(MultiGauge.Row.of(Tags.of("status", rs.getString("status")), rs.getLong("applications")));
        });
        applications.register(statuses, true);
        payments = jdbc.queryForObject("select count(*) as payments, coalesce(sum(amount), 0) as amount from payment",
                (rs, row) -> new Payments(rs.getLong("payments"), rs.getBigDecimal("amount")));
    }

    /**
     * A task with several candidate groups counts in each of them. The engine keeps due dates as local timestamps of
     * the JVM's zone, which a Timestamp parameter uses as well.
     */
    private void refreshTasks() {
        List<MultiGauge.Row<?>> open = new ArrayList<>();
        List<MultiGauge.Row<?>> overdue = new ArrayList<>();
        jdbc.query("""
                select task_group, count(distinct task_id) as tasks, count(distinct overdue_id) as overdue
                from (
                  select case when t.assignee_ is not null then '%s' else coalesce(l.group_id_, '%s') end as task_group,
                    t.id_ as task_id, case when t.due_date_ < ? then t.id_ end as overdue_id
                  from act_ru_task t
                  left join act_ru_identitylink l on l.task_id_ = t.id_ and t.assignee_ is null
                    and l.type_ = 'candidate' and l.group_id_ is not null
                ) tasks
                group by task_group""".formatted(ASSIGNED, NO_GROUP),
                rs -> {
                    Tags group = Tags.of("group", rs.getString("task_group"));
                    open.add(MultiGauge.Row.of(group, rs.getLong("tasks")));
                    overdue.add(MultiGauge.Row.of(group, rs.getLong("overdue")));
                }, new Timestamp(clock.millis()));
        openTasks.register(open, true);
        overdueTasks.register(overdue, true);
    }

    private record Payments(long count, BigDecimal amount) {
    }
}
