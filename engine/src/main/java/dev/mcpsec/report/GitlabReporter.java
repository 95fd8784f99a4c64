package dev.mcpsec.report;

import static dev.mcpsec.report.ReportSupport.orEmpty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * GitLab's secret detection security report (schema {@value #SCHEMA_VERSION}), for {@code
 * artifacts:reports:secret_detection}: GitLab shows the findings in the merge request widget, the
 * pipeline's security tab and the vulnerability report. Only unsuppressed findings are
 * vulnerabilities; scan warnings are scan messages. No field ever holds more than the masked form
 * of a secret, like every mcpsec report.
 */
final class GitlabReporter implements Reporter {

    /** The GitLab security report schema version this report conforms to. */
    static final String SCHEMA_VERSION = "15.0.7";

    static final String SCHEMA_URI =
            "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v"
                    + SCHEMA_VERSION
                    + "/dist/secret-detection-report-format.json";

    /**
     * Secret detection locations need a commit; GitLab's own analyzer writes this when it has none.
     */
    static final String NO_COMMIT = "0000000";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    // the schema's maxLength values
    private static final int MAX_NAME = 255;
    private static final int MAX_SOLUTION = 7000;

    static final GitlabReporter INSTANCE = new GitlabReporter();

    private GitlabReporter() {}

    @Override
    public void write(ScanResult result, OutputStream out, ReportOptions options)
            throws IOException {
        Instant end = options.finishedAtOrNow().truncatedTo(ChronoUnit.SECONDS);
        Instant start = end.minusMillis(result.durationMs()).truncatedTo(ChronoUnit.SECONDS);
        String version = ReportSupport.version(result, options);

        ObjectNode root = JsonSupport.object();
        root.put("version", SCHEMA_VERSION);
        root.put("schema", SCHEMA_URI);
        ObjectNode scan = root.putObject("scan");
        tool(scan.putObject("analyzer"), version);
        tool(scan.putObject("scanner"), version);
        scan.put("type", "secret_detection")
                .put("start_time", TIME.format(start))
                .put("end_time", TIME.format(end))
                .put("status", "success");
        ArrayNode messages = scan.putArray("messages");
        for (ScanWarning w : orEmpty(result.warnings())) {
            String where =
                    w.file() == null ? "" : w.file() + (w.line() > 0 ? ":" + w.line() : "") + ": ";
            messages.addObject().put("level", "warn").put("value", where + w.message());
        }
        ArrayNode vulnerabilities = root.putArray("vulnerabilities");
        orEmpty(result.findings()).forEach(f -> vulnerability(vulnerabilities.addObject(), f));
        JsonSupport.write(root, out);
    }

    private static void tool(ObjectNode node, String version) {
        node.put("id", "mcpsec").put("name", "mcpsec").put("version", version);
        node.putObject("vendor").put("name", "mcpsec");
    }

    private static void vulnerability(ObjectNode node, Finding f) {
        node.put("id", id(f))
                .put(
                        "name",
                        clip(
                                f.title() == null || f.title().isBlank() ? f.ruleId() : f.title(),
                                MAX_NAME))
                .put("description", f.message())
                .put("severity", severity(f.severity()));
        if (f.remediation() != null && !f.remediation().isBlank()) {
            node.put("solution", clip(f.remediation(), MAX_SOLUTION));
        }
        ArrayNode identifiers = node.putArray("identifiers");
        identifiers
                .addObject()
                .put("type", "mcpsec_rule_id")
                .put("name", "mcpsec " + f.ruleId())
                .put("value", f.ruleId());
        if (f.checklist() != null && !f.checklist().isBlank()) {
            identifiers
                    .addObject()
                    .put("type", "mcpsec_checklist_id")
                    .put("name", "mcpsec checklist " + f.checklist())
                    .put("value", f.checklist());
        }
        ObjectNode location = node.putObject("location");
        location.put("file", f.file() == null ? ReportSupport.NO_FILE : f.file());
        if (f.line() > 0) {
            location.put("start_line", f.line()).put("end_line", f.line());
        }
        location.putObject("commit")
                .put("sha", f.commit() == null || f.commit().isBlank() ? NO_COMMIT : f.commit());
    }

    /** A stable UUID per finding: GitLab tracks a vulnerability across pipelines by it. */
    static String id(Finding f) {
        String identity =
                f.fingerprint() != null && !f.fingerprint().isBlank()
                        ? f.fingerprint()
                        : f.ruleId()
                                + "|"
                                + f.file()
                                + "|"
                                + f.line()
                                + "|"
                                + f.server()
                                + "|"
                                + f.message();
        return UUID.nameUUIDFromBytes(
                        ("mcpsec:" + f.ruleId() + ":" + identity).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static String severity(Severity s) {
        return switch (s) {
            case CRITICAL -> "Critical";
            case HIGH -> "High";
            case MEDIUM -> "Medium";
            case LOW -> "Low";
            case INFO -> "Info";
        };
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
