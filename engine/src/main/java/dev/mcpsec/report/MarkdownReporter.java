package dev.mcpsec.report;

import static dev.mcpsec.report.MarkdownText.code;
import static dev.mcpsec.report.MarkdownText.text;
import static dev.mcpsec.report.ReportSupport.orEmpty;
import static dev.mcpsec.report.ReportSupport.plural;

import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** GitHub-flavoured Markdown for pull-request comments and {@code $GITHUB_STEP_SUMMARY}. */
final class MarkdownReporter implements Reporter {

    static final MarkdownReporter INSTANCE = new MarkdownReporter();

    private MarkdownReporter() {}

    @Override
    public void write(ScanResult result, OutputStream out, ReportOptions options)
            throws IOException {
        StringBuilder md = new StringBuilder();
        List<Finding> findings = orEmpty(result.findings());
        md.append("# mcpsec report\n\n");
        md.append("**")
                .append(findings.size())
                .append(findings.size() == 1 ? " finding" : " findings")
                .append("** in ")
                .append(plural(orEmpty(result.files()).size(), "file"))
                .append(" and ")
                .append(plural(orEmpty(result.servers()).size(), "server"));
        if (result.root() != null) {
            md.append(" under ").append(code(result.root(), false));
        }
        md.append(" (mcpsec ")
                .append(text(ReportSupport.version(result, options)))
                .append(", ")
                .append(result.durationMs())
                .append(" ms).\n\n");

        md.append("| Severity | Findings |\n|:--|--:|\n");
        result.countBySeverity()
                .forEach(
                        (severity, count) ->
                                md.append("| ")
                                        .append(severity.id())
                                        .append(" | ")
                                        .append(count)
                                        .append(" |\n"));

        Map<String, Map<Severity, Integer>> byChecklist = ReportSupport.byChecklist(findings);
        if (!byChecklist.isEmpty()) {
            md.append("\n## By checklist\n\n| Checklist |");
            for (Severity s : Severity.values()) {
                md.append(' ').append(s.id()).append(" |");
            }
            md.append(" total |\n|:--|")
                    .append("--:|".repeat(Severity.values().length + 1))
                    .append('\n');
            byChecklist.forEach(
                    (checklist, counts) -> {
                        md.append("| ").append(code(checklist, true)).append(" |");
                        counts.values().forEach(c -> md.append(' ').append(c).append(" |"));
                        md.append(' ')
                                .append(counts.values().stream().mapToInt(Integer::intValue).sum())
                                .append(" |\n");
                    });
        }

        writeFindings(md, findings);
        String suppressed = ReportSupport.suppressedSummary(orEmpty(result.suppressed()));
        if (!suppressed.isEmpty()) {
            md.append("\n_").append(text(suppressed)).append("._\n");
        }
        String policy = ReportSupport.overridesSummary(result.overrides());
        if (!policy.isEmpty()) {
            md.append("\n_").append(text(policy)).append("._\n");
        }
        writeProblems(md, orEmpty(result.files()), orEmpty(result.warnings()));

        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(md.toString());
        w.flush();
    }

    private static void writeFindings(StringBuilder md, List<Finding> findings) {
        md.append("\n## Findings\n");
        if (findings.isEmpty()) {
            md.append("\nNo findings.\n");
            return;
        }
        ReportSupport.byFile(findings)
                .forEach(
                        (file, list) -> {
                            md.append("\n### ").append(code(file, false)).append("\n\n");
                            md.append(
                                    "| Severity | Line | Server | Finding | Fix |\n|:--|:--|:--|:--|:--|\n");
                            for (Finding f : list) {
                                md.append("| **")
                                        .append(f.severity().id())
                                        .append("** | ")
                                        .append(ReportSupport.position(f.line(), f.column()))
                                        .append(" | ")
                                        .append(code(f.server(), true))
                                        .append(" | ")
                                        .append(code(f.checklist(), true))
                                        .append(' ')
                                        .append(text(f.message()));
                                if (f.commit() != null) {
                                    md.append(" (commit ")
                                            .append(
                                                    code(
                                                            ReportSupport.shortCommit(f.commit()),
                                                            true))
                                            .append(')');
                                }
                                md.append(" | ").append(text(f.remediation())).append(" |\n");
                            }
                        });
    }

    private static void writeProblems(
            StringBuilder md, List<FileSummary> files, List<ScanWarning> warnings) {
        List<FileSummary> broken = files.stream().filter(f -> f.error() != null).toList();
        if (!broken.isEmpty()) {
            md.append("\n## Parse errors\n\n");
            broken.forEach(
                    f ->
                            md.append("- ")
                                    .append(code(ReportSupport.fileOf(f.file()), false))
                                    .append(": ")
                                    .append(text(f.error()))
                                    .append('\n'));
        }
        if (!warnings.isEmpty()) {
            md.append("\n## Warnings\n\n");
            for (ScanWarning w : warnings) {
                md.append("- ");
                if (w.file() != null) {
                    md.append(code(w.file() + (w.line() > 0 ? ":" + w.line() : ""), false))
                            .append(": ");
                }
                md.append(text(w.message())).append('\n');
            }
        }
    }
}
