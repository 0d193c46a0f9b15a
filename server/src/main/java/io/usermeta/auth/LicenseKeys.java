package io.usermeta.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates license keys and stores them as salted SHA-256 hashes. Generated keys carry 256 random
 * bits, so a fast hash with a per-customer salt is enough; a slow password hash would only cost
 * time on every request.
 */
public final class LicenseKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** A hash compared against when the customer is unknown, so both cases take the same time. */
    private static final StoredKey DECOY = hash(generate());

    private LicenseKeys() {}

    /** A new random key of 43 URL-safe characters. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** A fresh salt and the hash of {@code licenseKey} with it. */
    public static StoredKey hash(String licenseKey) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String encodedSalt = ENCODER.encodeToString(salt);
        return new StoredKey(encodedSalt, digest(encodedSalt, licenseKey));
    }

    /** Whether {@code licenseKey} hashes to {@code stored}; compares in constant time. */
    public static boolean matches(StoredKey stored, String licenseKey) {
        StoredKey against = stored == null ? DECOY : stored;
        byte[] expected = against.hash().getBytes(StandardCharsets.US_ASCII);
        byte[] actual = digest(against.salt(), licenseKey).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) && stored != null;
    }

    private static String digest(String salt, String licenseKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt.getBytes(StandardCharsets.US_ASCII));
            return ENCODER.encodeToString(sha256.digest(licenseKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A license key as stored.
     *
     * @param salt the random salt, URL-safe Base64
     * @param hash SHA-256 of salt and key, URL-safe Base64
     */
    public record StoredKey(String salt, String hash) {}
}
