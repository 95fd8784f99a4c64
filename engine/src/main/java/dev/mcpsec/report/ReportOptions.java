package dev.mcpsec.report;

/**
 * How a front end wants a report rendered.
 *
 * @param color ANSI colour in the text report; the front end decides (a terminal and no {@code NO_COLOR})
 * @param verbose also list clean files and each suppressed finding in the text report
 * @param toolVersion the version to print; when null or blank the version in the scan result is used
 */
public record ReportOptions(boolean color, boolean verbose, String toolVersion) {

    /** Plain output: no colour, not verbose, the scan result's own version. */
    public static ReportOptions plain() {
        return new ReportOptions(false, false, null);
    }
}
