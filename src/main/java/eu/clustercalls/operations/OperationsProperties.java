package eu.clustercalls.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Health and metrics of a node (README, Operations).
 *
 * @param outboxStuckAfter the outbox health is DOWN when a message has been due this long without being tried,
 *                         while an SMTP server is set: no node is sending
 * @param metricsRefresh   how often the gauges of /actuator/prometheus are read again from the database
 * @param scraperGroup     a Camunda group whose members may read /actuator/prometheus (a Prometheus scraper's
 *                         account) besides administrators; none when empty
 */
@ConfigurationProperties("clustercalls.operations")
public record OperationsProperties(Duration outboxStuckAfter, Duration metricsRefresh, String scraperGroup) {
}
