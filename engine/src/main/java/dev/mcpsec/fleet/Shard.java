package dev.mcpsec.fleet;

import dev.mcpsec.api.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One of {@code count} deterministic parts of a fleet ({@code --shard I/N}, 1-based): a repository
 * belongs to the shard its name's SHA-256 falls in, so every job of a matrix sees the same split
 * whatever order it lists repositories in, and together the shards cover each repository exactly
 * once.
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new ConfigurationException(
                    "shard", "shard must be I/N with 1 <= I <= N, got " + index + "/" + count);
        }
    }

    /** Parses {@code I/N}. */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        try {
            if (slash > 0) {
                return new Shard(
                        Integer.parseInt(t.substring(0, slash)),
                        Integer.parseInt(t.substring(slash + 1)));
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new ConfigurationException(
                "shard", "shard must be I/N (for example 2/4), got '" + text + "'");
    }

    /** True when the repository named {@code name} belongs to this shard. */
    public boolean contains(String name) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256")
                            .digest(name.getBytes(StandardCharsets.UTF_8));
            long v =
                    ((d[0] & 0xFFL) << 24)
                            | ((d[1] & 0xFFL) << 16)
                            | ((d[2] & 0xFFL) << 8)
                            | (d[3] & 0xFFL);
            return v % count == index - 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
