package eu.clustercalls.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import eu.clustercalls.config.ClusterCallsProperties;

/**
 * Remembers for a few minutes that a password was right, so that the API and the engine REST API, which take HTTP
 * Basic on every request, do not pay a PBKDF2 check (a fraction of a second of CPU) each time. What is remembered is
 * an HMAC, under a key that lives only in this JVM's memory, of the user, the password and the user's stored hash:
 * a changed password or a deleted user no longer matches. {@link SignInCheck} asks the throttle first, so a locked
 * user name is refused even with a remembered password.
 */
@Component
class VerifiedPasswords {

    /** Bounds the memory a flood of distinct right passwords could take; clearing only costs fresh checks. */
    private static final int MAX_ENTRIES = 10_000;

    private final Duration ttl;
    private final SecretKeySpec key;
    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();

    VerifiedPasswords(ClusterCallsProperties properties) {
        this.ttl = properties.verifiedPasswordTtl() == null ? Duration.ZERO : properties.verifiedPasswordTtl();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Whether this password was verified for this user, as stored now, within the last few minutes. */
    boolean isRemembered(UserEntity user, String password) {
        if (ttl.isZero()) {
            return false;
        }
        Long until = verifiedUntil.get(fingerprint(user, password));
        return until != null && until > ClockUtil.getCurrentTime().getTime();
    }

    /** Called after the engine accepted the password. */
    void remember(UserEntity user, String password) {
        if (ttl.isZero()) {
            return;
        }
        if (verifiedUntil.size() >= MAX_ENTRIES) {
            verifiedUntil.clear();
        }
        verifiedUntil.put(fingerprint(user, password), ClockUtil.getCurrentTime().getTime() + ttl.toMillis());
    }

    private String fingerprint(UserEntity user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String part : new String[] {user.getId(), password, user.getPassword(), user.getSalt()}) {
                byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
                mac.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                mac.update((byte) ':');
                mac.update(bytes);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
