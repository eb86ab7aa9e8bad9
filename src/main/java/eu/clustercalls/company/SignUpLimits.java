package eu.clustercalls.company;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.support.RecentAttempts;

/**
 * Keeps the anonymous sign-up form from being used to flood somebody's mailbox or the server's cores: at most
 * {@code mails-per-address} sign-up mails go to one e-mail address, and at most {@code per-client} sign-ups come from
 * one client address, within the window. The mails are counted in the outbox (every node sees them); the client's
 * sign-ups on this node, in memory.
 */
@Component
class SignUpLimits {

    private static final Logger log = LoggerFactory.getLogger(SignUpLimits.class);

    private final NotificationService notifications;
    private final SignUpProperties settings;
    private final Clock clock;
    private final RecentAttempts recentByClient = new RecentAttempts();

    SignUpLimits(NotificationService notifications, SignUpProperties settings, Clock clock) {
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts a sign-up from this client to this e-mail address; the reason it may not go on, if any. */
    Optional<SignUpProblem> admit(String email, String client) {
        Instant now = clock.instant();
        Instant since = now.minus(settings.window());
        if (notifications.mailsToAddressSince(email, since) >= settings.mailsPerAddress()) {
            log.info("Sign-up from {} refused: {} sign-up mails went to its address within {}.", client,
                    settings.mailsPerAddress(), settings.window());
            return Optional.of(new SignUpProblem("email", "email.tooManyMails",
                    "Several sign-up mails went to this address lately; open the last one, or try again tomorrow."));
        }
        if (!recentByClient.admit(client, settings.perClient(), now, settings.window())) {
            log.info("Sign-up from {} refused: {} sign-ups from this address within {}.", client, settings.perClient(),
                    settings.window());
            return Optional.of(new SignUpProblem("", "tooMany",
                    "Many sign-ups came from your network lately; please try again later."));
        }
        return Optional.empty();
    }
}
