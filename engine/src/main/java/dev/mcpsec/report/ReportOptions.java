package dev.mcpsec.report;

import dev.mcpsec.api.Severity;
import java.time.Instant;

/**
 * How a front end wants a report rendered.
 *
 * @param color ANSI colour in the text report; the front end decides (a terminal and no {@code
 *     NO_COLOR})
 * @param verbose also list clean files and each suppressed finding in the text report
 * @param toolVersion the version to print; when null or blank the version in the scan result is
 *     used
 * @param failOn the front end's fail threshold ({@code --fail-on}, {@code <failOn>}); null means
 *     {@code never}. Formats that mark pass and fail per item (JUnit XML) fail the items at or
 *     above it.
 * @param finishedAt when the scan finished, for formats that carry a time stamp (JUnit XML,
 *     GitLab); null means the moment the report is written
 */
public record ReportOptions(
        boolean color, boolean verbose, String toolVersion, Severity failOn, Instant finishedAt) {

    /** mcpsec's default fail threshold, that of {@code --fail-on} and {@code <failOn>}. */
    public static final Severity DEFAULT_FAIL_ON = Severity.HIGH;

    /** Options with the default threshold ({@link #DEFAULT_FAIL_ON}), time stamped when written. */
    public ReportOptions(boolean color, boolean verbose, String toolVersion) {
        this(color, verbose, toolVersion, DEFAULT_FAIL_ON, null);
    }

    /** Plain output: no colour, not verbose, the scan result's own version. */
    public static ReportOptions plain() {
        return new ReportOptions(false, false, null);
    }

    /** A copy with another fail threshold (null for {@code never}). */
    public ReportOptions withFailOn(Severity threshold) {
        return new ReportOptions(color, verbose, toolVersion, threshold, finishedAt);
    }

    /** The time stamp to write: {@link #finishedAt} or now. */
    Instant finishedAtOrNow() {
        return finishedAt != null ? finishedAt : Instant.now();
    }
}
