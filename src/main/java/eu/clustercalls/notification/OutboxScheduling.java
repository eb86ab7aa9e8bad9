package eu.clustercalls.notification;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import eu.clustercalls.config.ClusterCallsProperties;

/**
 * Every node polls the outbox (clustercalls.outbox.enabled), when an SMTP server is set or mail is caught, and looks
 * for tasks that became overdue (their groups are told through the outbox).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "clustercalls.outbox", name = "enabled", havingValue = "true")
class OutboxScheduling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxScheduling.class);

    private final ObjectProvider<OutboxSender> sender;
    private final OverdueTasks overdueTasks;
    private final ClusterCallsProperties properties;

    OutboxScheduling(ObjectProvider<OutboxSender> sender, OverdueTasks overdueTasks, ClusterCallsProperties properties) {
        this.sender = sender;
        this.overdueTasks = overdueTasks;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration overdueCheck = properties.mail().overdueCheckInterval();
        registrar.addFixedDelayTask(new FixedDelayTask(overdueTasks::poll, overdueCheck, overdueCheck));
        OutboxSender outbox = sender.getIfAvailable();
        if (outbox == null) {
            log.info("No SMTP server is set (spring.mail.host) and the mail catcher is off: notifications stay in "
                    + "the outbox, unsent.");
            return;
        }
        Duration interval = properties.outbox().pollInterval();
        // The first poll after one interval too: the node starts up first.
        registrar.addFixedDelayTask(new FixedDelayTask(outbox::poll, interval, interval));
        log.info("Node {} sends the outbox every {}.", outbox.nodeId(), interval);
    }
}
