package eu.clustercalls.company;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often the portal's sign-up form may be sent ({@link SignUpLimits}): each sending mails an address, and hashes
 * a password at the cost of a sign-in, for anybody.
 *
 * @param mailsPerAddress mails a sign-up may send to one e-mail address within {@code window}
 * @param perClient       sign-ups one client address may send within {@code window} on a node
 * @param window          the time both counts look back over
 */
@ConfigurationProperties("clustercalls.sign-up")
record SignUpProperties(int mailsPerAddress, int perClient, Duration window) {
}
