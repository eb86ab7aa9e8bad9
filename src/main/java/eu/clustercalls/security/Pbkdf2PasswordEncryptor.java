package eu.clustercalls.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;

/**
 * PBKDF2-HMAC-SHA256 for Camunda's identity service, stored as {@code {PBKDF2-SHA256}<iterations>$<hex salt and
 * hash>} (Camunda adds the prefix). The iteration count travels with each hash, since Spring's encoder does not
 * record it: raising the setting later hashes new passwords harder and still verifies the older ones. Unlike bcrypt
 * it takes passwords of any length whole (bcrypt ignores everything after 72 bytes).
 */
class Pbkdf2PasswordEncryptor implements PasswordEncryptor {

    static final String ALGORITHM = "PBKDF2-SHA256";
    private static final int SALT_BYTES = 16;

    private final int iterations;
    private final Map<Integer, Pbkdf2PasswordEncoder> encoders = new ConcurrentHashMap<>();
    private final AtomicLong computations = new AtomicLong();

    Pbkdf2PasswordEncryptor(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("clustercalls.password-hash-iterations must be positive, not " + iterations);
        }
        this.iterations = iterations;
    }

    @Override
    public String encrypt(String password) {
        computations.incrementAndGet();
        return iterations + "$" + encoder(iterations).encode(password);
    }

    @Override
    public boolean check(String password, String encrypted) {
        int separator = encrypted.indexOf('$');
        if (separator < 1) {
            return false;
        }
        int rounds;
        try {
            rounds = Integer.parseInt(encrypted.substring(0, separator));
        } catch (NumberFormatException e) {
            return false;
        }
        if (rounds < 1) {
            return false;
        }
        computations.incrementAndGet();
        return encoder(rounds).matches(password, encrypted.substring(separator + 1));
    }

    /** How many hashes were computed, to set or to check a password: the CPU that sign-ins cost. */
    long computations() {
        return computations.get();
    }

    @Override
    public String hashAlgorithmName() {
        return ALGORITHM;
    }

    private Pbkdf2PasswordEncoder encoder(int rounds) {
        return encoders.computeIfAbsent(rounds,
                count -> new Pbkdf2PasswordEncoder("", SALT_BYTES, count, SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256));
    }
}
