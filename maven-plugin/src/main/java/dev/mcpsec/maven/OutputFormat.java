package dev.mcpsec.maven;

import dev.mcpsec.report.ReportFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code <formats>} accepts: {@code console} logs the findings in the build log, every other
 * id is a report file named {@code mcpsec.<extension>} in {@code <outputDirectory>}.
 */
public enum OutputFormat {
    CONSOLE(null),
    TEXT(ReportFormat.TEXT),
    JSON(ReportFormat.JSON),
    SARIF(ReportFormat.SARIF),
    MARKDOWN(ReportFormat.MARKDOWN),
    HTML(ReportFormat.HTML),
    JUNIT(ReportFormat.JUNIT),
    GITLAB(ReportFormat.GITLAB);

    private final ReportFormat reportFormat;

    OutputFormat(ReportFormat reportFormat) {
        this.reportFormat = reportFormat;
    }

    /** The id used in {@code <formats>}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The engine's report format behind a file output, or null for {@code console}. */
    public ReportFormat reportFormat() {
        return reportFormat;
    }

    /**
     * Parses an id case-insensitively, or throws a message that names {@code <formats>} and the
     * allowed values.
     */
    public static OutputFormat parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (OutputFormat f : values()) {
            if (f.id().equals(wanted)) {
                return f;
            }
        }
        throw new PluginParameterException(
                "formats", "<formats> entries must be among " + allowed() + "; got '" + text + "'");
    }

    static String allowed() {
        return Arrays.stream(values()).map(OutputFormat::id).collect(Collectors.joining(", "));
    }
}
