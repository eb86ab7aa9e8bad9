package eu.clustercalls.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the anonymous "forgot your password" form may be used ({@link PasswordResets}).
 *
 * @param perClient requests one client address may send within {@code window} on a node (more are refused)
 * @param perUser   reset mails one user gets within {@code window} (more requests are answered alike, and mail
 *                  nothing)
 * @param window    the time both counts look back over
 */
@ConfigurationProperties("clustercalls.password-reset")
record PasswordResetProperties(@DefaultValue("10") int perClient, @DefaultValue("3") int perUser,
        @DefaultValue("PT1H") Duration window) {
}
