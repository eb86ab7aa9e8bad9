package eu.clustercalls.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The tokens of the single-use links mailed to people (sign-up, invitation, password reset): 256 random bits, in
 * the URL's alphabet. Only their SHA-256 hash is stored, so a copy of the database opens no link.
 */
public final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {
    }

    public static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public static String hashOf(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
