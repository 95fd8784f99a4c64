package dev.mcpsec.options;

import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.Severity;

/**
 * The fail-on threshold ({@code --fail-on}, {@code <failOn>}): a severity, or {@code never}. Parsed
 * and applied here for both front ends.
 *
 * @param severity the threshold, or null for {@code never}
 */
public record FailOn(Severity severity) {

    /** The word for no threshold. */
    public static final String NEVER = "never";

    /**
     * The record's usual form, {@code FailOn[severity=HIGH]}, written out: picocli turns a default
     * value into text when it applies it, and a record's generated {@code toString} is linked
     * through method handles the first time it runs, a cost every start would pay.
     */
    @Override
    public String toString() {
        return "FailOn[severity=" + severity + "]";
    }

    /** The values a user may give, for messages. */
    public static final String ALLOWED = Severity.allowed() + ", " + NEVER;

    /** Parses a severity id or {@code never}; anything else names the allowed values. */
    public static FailOn parse(String text) {
        if (text != null && NEVER.equalsIgnoreCase(text.trim())) {
            return new FailOn(null);
        }
        try {
            return new FailOn(Severity.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a severity; use one of " + ALLOWED, e);
        }
    }

    /**
     * How many findings of {@code result} are at or above the threshold (none for {@code never}).
     */
    public long failing(ScanResult result) {
        return result.countAtLeast(severity);
    }

    /** The threshold as the user wrote it, for messages. */
    public String id() {
        return severity == null ? NEVER : severity.id();
    }
}
