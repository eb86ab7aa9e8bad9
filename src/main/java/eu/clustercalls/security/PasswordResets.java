package eu.clustercalls.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.audit.AuditService;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.Phrase;
import eu.clustercalls.support.RecentAttempts;

/**
 * An SME user who forgot their password gets a link by mail to choose a new one. The request's answer is the same,
 * and as quick, whether the address is a user's or not: the address is looked up and the link mailed after the
 * answer, on a thread of its own. Staff users get no link (their administrator resets their password in Camunda
 * Admin). A link works once, for {@link #LINK_VALIDITY}; a new one, or using one, stops the user's others. Choosing
 * the new password also lifts the user's sign-in locks.
 */
@Service
public class PasswordResets implements DisposableBean {

    /** How long the link of a reset mail works. */
    public static final Duration LINK_VALIDITY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    private static final String LINK_PATH = "/portal/password/reset/";

    private final PasswordResetRepository resets;
    private final IdentityService identityService;
    private final NotificationService notifications;
    private final AuditService audit;
    private final SignInThrottle throttle;
    private final PasswordResetProperties settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RecentAttempts recentByClient = new RecentAttempts();
    private final ExecutorService mailer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "password-reset-mails");
        thread.setDaemon(true);
        return thread;
    });

    PasswordResets(PasswordResetRepository resets, IdentityService identityService, NotificationService notifications,
            AuditService audit, SignInThrottle throttle, PasswordResetProperties settings,
            TransactionTemplate transactions, Clock clock) {
        this.resets = resets;
        this.identityService = identityService;
        this.notifications = notifications;
        this.audit = audit;
        this.throttle = throttle;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Takes a request for the address; false if this client sent too many lately (nothing happens then). The link
     * is mailed afterwards to each SME user with that address, unless they got {@code per-user} links lately.
     */
    public boolean request(String email, String client) {
        if (!recentByClient.admit(client, settings.perClient(), clock.instant(), settings.window())) {
            log.info("Password reset from {} refused: {} requests from this address within {}.", client,
                    settings.perClient(), settings.window());
            return false;
        }
        String address = email == null ? "" : email.strip();
        mailer.execute(() -> {
            try {
                transactions.executeWithoutResult(status -> mailLinks(address));
            } catch (RuntimeException e) {
                log.error("The password reset links to an address could not be written.", e);
            }
        });
        return true;
    }

    /** The user whose password the link resets, if it still works. */
    @Transactional(readOnly = true)
    public Optional<String> open(String token) {
        return valid(token).map(PasswordReset::getUserId);
    }

    /**
     * Sets the user's new password (the sign-up's rules, given twice), uses up every link of the user, and lifts
     * the user's sign-in locks; the user name, or empty if the link no longer works. Nothing is written if the
     * password is refused ({@link InvalidInputException}, by field).
     */
    @Transactional
    public Optional<String> reset(String token, String password, String passwordRepeat) {
        Optional<PasswordReset> found = valid(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (password == null || password.length() < PasswordLength.MIN_CHARACTERS) {
            throw new InvalidInputException("password", Phrase.of("refusal.password.short")
                    .number("min", PasswordLength.MIN_CHARACTERS).stored());
        }
        if (!password.equals(passwordRepeat)) {
            throw new InvalidInputException("passwordRepeat", Phrase.of("refusal.password.repeat").stored());
        }
        PasswordReset reset = found.get();
        Instant now = clock.instant();
        User user = identityService.createUserQuery().userId(reset.getUserId()).singleResult();
        if (user == null || resets.use(reset.getId(), now) == 0) {
            return Optional.empty();
        }
        resets.useAllOf(user.getId(), now);
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.unlockUser(user.getId());
        throttle.unlock(user.getId());
        audit.record(reset, user.getId(), "PASSWORD_RESET", null, "by the mailed link");
        return Optional.of(user.getId());
    }

    @Override
    public void destroy() {
        mailer.shutdown();
    }

    private void mailLinks(String address) {
        if (address.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (User user : identityService.createUserQuery().userEmail(address).list()) {
            if (!isPortalUserOnly(user.getId())
                    || resets.countByUserIdAndCreatedAtAfter(user.getId(), now.minus(settings.window()))
                            >= settings.perUser()) {
                continue;
            }
            resets.useAllOf(user.getId(), now);
            String token = LinkTokens.newToken();
            PasswordReset reset = resets.save(new PasswordReset(user.getId(), LinkTokens.hashOf(token), now,
                    now.plus(LINK_VALIDITY)));
            notifications.queue(List.of(user.getId()), NotificationType.PASSWORD_RESET, reset, Map.of(
                    "username", user.getId(), "expiresAt", reset.getExpiresAt(), "path", LINK_PATH + token));
            audit.record(reset, user.getId(), "PASSWORD_RESET_REQUESTED", null, "link mailed");
        }
    }

    /** An SME user of the portal and nothing else: staff passwords are not reset by mail. */
    private boolean isPortalUserOnly(String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .toList();
        return groups.equals(List.of(Roles.SME));
    }

    private Optional<PasswordReset> valid(String token) {
        return token == null || token.isBlank() ? Optional.empty()
                : resets.findByTokenHashAndUsedAtIsNullAndExpiresAtAfter(LinkTokens.hashOf(token), clock.instant());
    }
}
