package dev.mcpsec.api;

import java.time.Duration;

/**
 * Bounds that keep a scan of hostile input finite. Hitting one is a reported warning, never a hang.
 *
 * @param maxFileBytes largest file read (config, env file, CI file)
 * @param maxNestingDepth deepest JSON/YAML/TOML nesting accepted
 * @param maxFiles most files discovered in one scan
 * @param maxWalkDepth deepest directory level walked below the root
 * @param maxServers most servers taken from one file
 * @param maxValueLength longest string value inspected for secrets
 * @param historyMaxCommits most commits walked in git history
 * @param historyMaxTime longest time spent in git history
 * @param historyMaxBlobBytes largest historical blob read
 * @param scanTimeout the whole scan's time budget
 */
public record ScanLimits(long maxFileBytes, int maxNestingDepth, int maxFiles, int maxWalkDepth, int maxServers,
                         int maxValueLength, int historyMaxCommits, Duration historyMaxTime,
                         long historyMaxBlobBytes, Duration scanTimeout) {

    /** The documented defaults (docs/limits.md). */
    public static ScanLimits defaults() {
        return new ScanLimits(2L * 1024 * 1024, 64, 20_000, 32, 1_000, 64 * 1024, 200_000,
                Duration.ofSeconds(60), 2L * 1024 * 1024, Duration.ofMinutes(10));
    }
}
