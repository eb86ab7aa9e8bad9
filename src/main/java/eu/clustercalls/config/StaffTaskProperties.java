package eu.clustercalls.config;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Due dates of the staff's decisions that have no period of their own (set by law or by the call), so that every
 * task in Tasklist's filters has a due date and the Overdue filter and the dashboard's overdue list see them.
 *
 * @param decisionPeriod due date, after the task is created, of "Set the score by consensus", "Add an evaluator",
 *                       "Selection decision", "Verify claim" and "Approve payment"
 */
@ConfigurationProperties("clustercalls.staff-tasks")
record StaffTaskProperties(@DefaultValue("P5D") Period decisionPeriod) {
}
