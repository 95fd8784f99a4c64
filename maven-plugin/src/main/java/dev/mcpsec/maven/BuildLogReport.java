package dev.mcpsec.maven;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/**
 * Puts a scan result into the build log: findings at ERROR (high and above) or WARN, then a summary
 * line.
 */
final class BuildLogReport {
    private final Log log;

    BuildLogReport(Log log) {
        this.log = log;
    }

    /**
     * The finding lines as the log shows them, each {@code ERROR text} (high and above) or {@code
     * WARN text}: what an up-to-date run replays.
     */
    static List<String> findingLines(ScanResult result) {
        List<String> lines = new java.util.ArrayList<>();
        for (Finding f : result.findings()) {
            lines.add(
                    (f.severity().atLeast(Severity.HIGH) ? "ERROR " : "WARN ")
                            + MavenMessages.findingLine(f));
        }
        return lines;
    }

    /** Logs lines from {@link #findingLines} at their level. */
    /**
     * Writes {@code lines} to the build log: {@code ERROR text}, {@code WARN text} and {@code INFO
     * text} at their level (the form {@link #lines} and {@link #findingLines} give).
     */
    void replay(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("ERROR ")) {
                log.error(line.substring("ERROR ".length()));
            } else if (line.startsWith("INFO ")) {
                log.info(line.substring("INFO ".length()));
            } else {
                log.warn(line.substring(line.indexOf(' ') + 1));
            }
        }
    }

    /**
     * What the build log shows of a scan, each line {@code LEVEL text}: the scan's warnings, the
     * findings (with {@code findings}), a summary line and the report files. Computed apart from
     * the log so that a scan in another JVM ({@link ScanWorker}) gives the same lines.
     */
    static List<String> lines(ScanResult result, boolean findings, List<Path> reports) {
        List<String> lines = new java.util.ArrayList<>();
        for (ScanWarning warning : result.warnings()) {
            lines.add("WARN mcpsec: " + warning);
        }
        if (findings) {
            lines.addAll(findingLines(result));
        }
        Map<Severity, Integer> counts = result.countBySeverity();
        String bySeverity =
                counts.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getValue() + " " + e.getKey().id())
                        .collect(Collectors.joining(", "));
        lines.add(
                "INFO mcpsec: "
                        + result.files().size()
                        + " config files, "
                        + result.servers().size()
                        + " servers, "
                        + result.findings().size()
                        + " findings"
                        + (bySeverity.isEmpty() ? "" : " (" + bySeverity + ")")
                        + (result.suppressed().isEmpty()
                                ? ""
                                : ", " + result.suppressed().size() + " suppressed")
                        + " in "
                        + result.durationMs()
                        + " ms");
        String exceptions = dev.mcpsec.report.Reporters.exceptionsSummary(result);
        if (!exceptions.isEmpty()) {
            lines.add("INFO mcpsec: " + exceptions);
        }
        for (Path report : reports) {
            lines.add("INFO mcpsec: report " + report);
        }
        return lines;
    }
}
