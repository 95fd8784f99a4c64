package dev.mcpsec.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Finding severity, highest first; the order is the contract for "at or above" thresholds. */
public enum Severity {
    CRITICAL(9.5),
    HIGH(8.0),
    MEDIUM(5.5),
    LOW(3.0),
    INFO(0.0);

    private final double securityScore;

    Severity(double securityScore) {
        this.securityScore = securityScore;
    }

    /** The lower-case name used in DRL metadata, JSON and flags. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A CVSS-like score for SARIF {@code security-severity}. */
    public double securityScore() {
        return securityScore;
    }

    /** True when this severity is the same as or more severe than {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses a severity id, case-insensitively; throws with the allowed values otherwise. */
    public static Severity parse(String text) {
        if (text != null) {
            for (Severity s : values()) {
                if (s.id().equalsIgnoreCase(text.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not a severity; use one of " + allowed());
    }

    /** The allowed ids, comma-separated, for messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(Severity::id).collect(Collectors.joining(", "));
    }
}
