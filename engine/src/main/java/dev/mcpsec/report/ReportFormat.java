package dev.mcpsec.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report formats mcpsec writes, with their user-facing ids and file extensions. */
public enum ReportFormat {
    TEXT("text", ".txt"),
    JSON("json", ".json"),
    SARIF("sarif", ".sarif"),
    MARKDOWN("markdown", ".md"),
    HTML("html", ".html"),
    CYCLONEDX("cyclonedx", ".cdx.json"),
    /**
     * JUnit XML: one test case per checklist id per file, for CI test views (Jenkins, GitLab,
     * Azure).
     */
    JUNIT("junit", ".junit.xml"),
    /** GitLab's secret detection security report ({@code artifacts:reports:secret_detection}). */
    GITLAB("gitlab", ".gitlab.json");

    private final String id;
    private final String extension;

    ReportFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The id used on the command line and in plugin configuration, e.g. {@code sarif}. */
    public String id() {
        return id;
    }

    /**
     * The file extension, dot included, for front ends that write several formats into one
     * directory.
     */
    public String extension() {
        return extension;
    }

    /**
     * The name of this format's report file in an output directory, {@code mcpsec.<ext>}, for every
     * front end.
     */
    public String fileName() {
        return "mcpsec" + extension;
    }

    /**
     * Parses a format id, case-insensitively; an unknown id is a usage error, never a silent
     * fallback.
     */
    public static ReportFormat parse(String text) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (ReportFormat format : values()) {
                if (format.id.equals(wanted)) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not a report format; use one of " + allowed());
    }

    /** The allowed ids, comma-separated, for messages and help texts. */
    public static String allowed() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }
}
