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
    void replay(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("ERROR ")) {
                log.error(line.substring("ERROR ".length()));
            } else {
                log.warn(line.substring(line.indexOf(' ') + 1));
            }
        }
    }

    void log(ScanResult result, boolean findings, List<Path> reports) {
        for (ScanWarning warning : result.warnings()) {
            log.warn("mcpsec: " + warning);
        }
        if (findings) {
            replay(findingLines(result));
        }
        Map<Severity, Integer> counts = result.countBySeverity();
        String bySeverity =
                counts.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getValue() + " " + e.getKey().id())
                        .collect(Collectors.joining(", "));
        log.info(
                "mcpsec: "
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
            log.info("mcpsec: " + exceptions);
        }
        for (Path report : reports) {
            log.info("mcpsec: report " + report);
        }
    }
}
