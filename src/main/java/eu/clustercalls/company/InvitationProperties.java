package eu.clustercalls.company;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invitations of colleagues to a company ({@link ColleagueService}).
 *
 * @param validity how long the link of an invitation's mail works
 */
@ConfigurationProperties("clustercalls.invitations")
record InvitationProperties(@DefaultValue("P7D") Duration validity) {
}
