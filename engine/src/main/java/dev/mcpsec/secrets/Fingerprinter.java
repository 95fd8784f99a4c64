package dev.mcpsec.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Salted SHA-256 fingerprints of secret values, for baselines and key-reuse joins; never an
 * unsalted hash.
 */
public final class Fingerprinter {

    private final byte[] salt;

    /**
     * A fingerprinter over a caller-chosen salt (per scan or per repository); the salt must not be
     * empty.
     */
    public Fingerprinter(byte[] salt) {
        if (salt == null || salt.length == 0) {
            throw new IllegalArgumentException(
                    "a fingerprint salt is required: unsalted hashes of secrets leak them");
        }
        this.salt = salt.clone();
    }

    /** A fingerprinter over the UTF-8 bytes of {@code salt}. */
    public Fingerprinter(String salt) {
        this(salt == null ? null : salt.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A fingerprinter with a fresh random 32-byte salt, for fingerprints that only need to join
     * within one scan.
     */
    public static Fingerprinter withRandomSalt() {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return new Fingerprinter(salt);
    }

    /** Lower-case hex SHA-256 over the salt, a zero byte and the UTF-8 value. */
    public String fingerprint(String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update((byte) 0);
            sha.update(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "Fingerprinter[salted SHA-256]";
    }
}
