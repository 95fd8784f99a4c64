package dev.mcpsec.api;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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
public record ScanLimits(
        long maxFileBytes,
        int maxNestingDepth,
        int maxFiles,
        int maxWalkDepth,
        int maxServers,
        int maxValueLength,
        int historyMaxCommits,
        Duration historyMaxTime,
        long historyMaxBlobBytes,
        Duration scanTimeout) {

    /** The documented defaults (docs/limits.md). */
    public static ScanLimits defaults() {
        return new ScanLimits(
                2L * 1024 * 1024,
                64,
                20_000,
                32,
                1_000,
                64 * 1024,
                200_000,
                Duration.ofSeconds(60),
                2L * 1024 * 1024,
                Duration.ofMinutes(10));
    }

    /**
     * Every limit's name, as {@link #with(String, String)} and the front ends' {@code --limit
     * NAME=VALUE} take it.
     */
    public static String names() {
        return Arrays.stream(ScanLimits.class.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.joining(", "));
    }

    /**
     * A copy with one limit changed. Sizes and counts are whole numbers ({@code 4194304}, or with a
     * unit: {@code 4MiB}, {@code 512KiB}); durations are {@code 90s}, {@code 5m}, {@code 1h} or
     * ISO-8601 ({@code PT90S}).
     *
     * @throws ConfigurationException (setting {@code limit}) naming the allowed limits or the
     *     expected form
     */
    public ScanLimits with(String name, String value) {
        Object[] values = new Object[10];
        RecordComponent[] components = ScanLimits.class.getRecordComponents();
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            try {
                values[i] = c.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (c.getName().equals(name)) {
                found = true;
                values[i] = parse(c.getType(), name, value);
            }
        }
        if (!found) {
            throw new ConfigurationException(
                    "limit", "unknown limit '" + name + "'; the limits are " + names());
        }
        return new ScanLimits(
                (Long) values[0],
                (Integer) values[1],
                (Integer) values[2],
                (Integer) values[3],
                (Integer) values[4],
                (Integer) values[5],
                (Integer) values[6],
                (Duration) values[7],
                (Long) values[8],
                (Duration) values[9]);
    }

    private static Object parse(Class<?> type, String name, String value) {
        String v = value == null ? "" : value.trim();
        try {
            if (type == Duration.class) {
                return duration(v);
            }
            long n = size(v);
            if (n < 1 || (type == int.class && n > Integer.MAX_VALUE)) {
                throw new NumberFormatException();
            }
            return type == int.class ? (Object) (int) n : (Object) n;
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new ConfigurationException(
                    "limit",
                    "limit "
                            + name
                            + "="
                            + value
                            + " is not "
                            + (type == Duration.class
                                    ? "a duration such as 90s, 5m or 1h"
                                    : "a positive whole number"
                                            + (type == long.class
                                                    ? " (units KiB, MiB, GiB allowed)"
                                                    : "")));
        }
    }

    private static long size(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        long unit = 1;
        for (String[] u :
                new String[][] {{"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"}}) {
            if (lower.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                lower = lower.substring(0, lower.length() - 3).trim();
            }
        }
        return Math.multiplyExact(Long.parseLong(lower), unit);
    }

    private static Duration duration(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("p")) {
            return Duration.parse(v);
        }
        if (lower.matches("\\d+\\s*(s|m|h)")) {
            long n = Long.parseLong(lower.replaceAll("\\D", ""));
            return lower.endsWith("h")
                    ? Duration.ofHours(n)
                    : lower.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
        }
        return Duration.ofSeconds(Long.parseLong(lower));
    }
}
