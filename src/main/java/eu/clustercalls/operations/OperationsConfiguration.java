package eu.clustercalls.operations;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Every node refreshes its gauges itself (OperationsMetrics), also when it does not send the outbox. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OperationsConfiguration {
}
