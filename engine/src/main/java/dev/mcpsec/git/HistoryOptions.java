package dev.mcpsec.git;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of a history pass; reaching one stops the walk and marks the result truncated.
 *
 * @param maxCommits most commits to walk, newest first
 * @param maxTime wall-clock budget of the walk
 * @param maxBlobBytes larger blobs are skipped with a warning
 */
public record HistoryOptions(int maxCommits, Duration maxTime, long maxBlobBytes) {
    /** Defaults of the scanner: 200,000 commits, 60 seconds, 1 MiB per blob. */
    public static final HistoryOptions DEFAULTS =
            new HistoryOptions(200_000, Duration.ofSeconds(60), 1L << 20);

    public HistoryOptions {
        Objects.requireNonNull(maxTime, "maxTime");
        if (maxCommits < 1 || maxBlobBytes < 1 || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("history limits must be positive");
        }
    }
}
