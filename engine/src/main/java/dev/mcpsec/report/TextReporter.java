package dev.mcpsec.report;

import static dev.mcpsec.report.ReportSupport.orEmpty;
import static dev.mcpsec.report.ReportSupport.plural;

import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.SafeText;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.Severity;
import dev.mcpsec.api.SuppressedFinding;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console report: findings grouped by file with their fix, then warnings and a one-line
 * summary.
 */
final class TextReporter implements Reporter {

    static final TextReporter INSTANCE = new TextReporter();

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final Map<Severity, String> SEVERITY_COLORS =
            Map.of(
                    Severity.CRITICAL, "\u001b[1;31m",
                    Severity.HIGH, "\u001b[31m",
                    Severity.MEDIUM, "\u001b[33m",
                    Severity.LOW, "\u001b[36m",
                    Severity.INFO, DIM);

    private TextReporter() {}

    @Override
    public void write(ScanResult result, OutputStream out, ReportOptions options)
            throws IOException {
        PrintWriter w =
                new PrintWriter(
                        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        Style style = new Style(options.color());
        w.print(
                "mcpsec "
                        + clean(ReportSupport.version(result, options))
                        + "  "
                        + clean(result.root())
                        + "\n");

        Map<String, List<Finding>> findings = ReportSupport.byFile(orEmpty(result.findings()));
        Map<String, FileSummary> files = new LinkedHashMap<>();
        orEmpty(result.files()).forEach(f -> files.put(ReportSupport.fileOf(f.file()), f));
        java.util.SortedSet<String> shown = new java.util.TreeSet<>(findings.keySet());
        files.forEach(
                (name, file) -> {
                    if (options.verbose() || file.error() != null) {
                        shown.add(name);
                    }
                });
        // real problems first: the file with the worst finding leads (a file that could not be
        // parsed
        // counts as high, as its parse error is shown), then by name; files without findings last
        List<String> order = new ArrayList<>(shown);
        order.sort(
                Comparator.comparingInt(
                                (String name) -> {
                                    int worst =
                                            findings.getOrDefault(name, List.of()).stream()
                                                    .mapToInt(f -> f.severity().ordinal())
                                                    .min()
                                                    .orElse(Severity.values().length);
                                    FileSummary file = files.get(name);
                                    return file != null && file.error() != null
                                            ? Math.min(worst, Severity.HIGH.ordinal())
                                            : worst;
                                })
                        .thenComparing(Comparator.naturalOrder()));
        for (String name : order) {
            writeFile(
                    w,
                    style,
                    name,
                    files.get(name),
                    findings.getOrDefault(name, List.of()),
                    options.verbose());
        }

        writeWarnings(w, style, orEmpty(result.warnings()));
        writeSuppressed(w, style, orEmpty(result.suppressed()), options.verbose());
        String policy = ReportSupport.overridesSummary(result.overrides());
        if (!policy.isEmpty()) {
            w.print("\n" + clean(policy) + "\n");
        }
        w.print("\n" + summary(result, style) + "\n");
        w.flush();
    }

    private void writeFile(
            PrintWriter w,
            Style style,
            String name,
            FileSummary file,
            List<Finding> findings,
            boolean verbose) {
        w.print("\n" + style.apply(BOLD, clean(name)));
        if (file != null) {
            w.print("  " + style.apply(DIM, "(" + describe(file) + ")"));
        }
        w.print("\n");
        if (file != null && file.error() != null) {
            w.print(
                    "  "
                            + style.apply(SEVERITY_COLORS.get(Severity.HIGH), "parse error")
                            + "  "
                            + clean(file.error())
                            + "\n");
        }
        if (findings.isEmpty() && (file == null || file.error() == null)) {
            w.print("  no findings\n");
        }
        int positionWidth =
                findings.stream()
                        .mapToInt(f -> ReportSupport.position(f.line(), f.column()).length())
                        .max()
                        .orElse(1);
        // Not verbose: a fix already shown for this file is not repeated, and info findings of one
        // rule on three or
        // more servers (process advice such as the review register) are grouped on one line.
        java.util.Set<String> fixesShown = new java.util.HashSet<>();
        Map<String, List<Finding>> infoGroups = new LinkedHashMap<>();
        if (!verbose) {
            for (Finding f : findings) {
                if (f.severity() == Severity.INFO && f.server() != null) {
                    infoGroups.computeIfAbsent(f.ruleId(), k -> new java.util.ArrayList<>()).add(f);
                }
            }
            infoGroups.values().removeIf(g -> g.size() < 3);
        }
        java.util.Set<String> groupsShown = new java.util.HashSet<>();
        for (Finding f : findings) {
            List<Finding> group = f.severity() == Severity.INFO ? infoGroups.get(f.ruleId()) : null;
            if (group != null) {
                if (groupsShown.add(f.ruleId())) {
                    writeGroup(w, style, group, positionWidth);
                }
                continue;
            }
            boolean fix = verbose || f.remediation() == null || fixesShown.add(f.remediation());
            writeFinding(w, style, f, positionWidth, fix);
        }
    }

    private void writeGroup(PrintWriter w, Style style, List<Finding> group, int positionWidth) {
        Finding first = group.get(0);
        List<String> names = group.stream().map(Finding::server).map(TextReporter::clean).toList();
        String listed =
                names.size() <= 8
                        ? String.join(", ", names)
                        : String.join(", ", names.subList(0, 8))
                                + " and "
                                + (names.size() - 8)
                                + " more";
        w.print(
                "  "
                        + style.apply(
                                SEVERITY_COLORS.get(first.severity()),
                                pad(first.severity().name(), 8))
                        + "  "
                        + pad("-", positionWidth)
                        + "  "
                        + clean(first.checklist())
                        + "  "
                        + group.size()
                        + " servers ("
                        + listed
                        + "): "
                        + clean(first.title())
                        + " ("
                        + clean(first.ruleId())
                        + "; --verbose lists each)\n");
        if (first.remediation() != null && !first.remediation().isBlank()) {
            w.print("            " + style.apply(DIM, "fix: " + clean(first.remediation())) + "\n");
        }
    }

    private void writeFinding(
            PrintWriter w, Style style, Finding f, int positionWidth, boolean fix) {
        StringBuilder line =
                new StringBuilder("  ")
                        .append(
                                style.apply(
                                        SEVERITY_COLORS.get(f.severity()),
                                        pad(f.severity().name(), 8)))
                        .append("  ")
                        .append(pad(ReportSupport.position(f.line(), f.column()), positionWidth))
                        .append("  ");
        if (f.server() != null) {
            line.append(clean(f.server())).append("  ");
        }
        line.append(clean(f.checklist())).append("  ").append(clean(f.message()));
        if (f.commit() != null) {
            line.append(" (commit ")
                    .append(clean(ReportSupport.shortCommit(f.commit())))
                    .append(')');
        }
        w.print(line + "\n");
        if (fix && f.remediation() != null && !f.remediation().isBlank()) {
            w.print("            " + style.apply(DIM, "fix: " + clean(f.remediation())) + "\n");
        }
    }

    private void writeWarnings(PrintWriter w, Style style, List<ScanWarning> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        w.print("\n" + style.apply(BOLD, "Warnings") + "\n");
        for (ScanWarning warning : warnings) {
            w.print("  " + clean(warning.toString()) + "\n");
        }
    }

    private void writeSuppressed(
            PrintWriter w, Style style, List<SuppressedFinding> suppressed, boolean verbose) {
        if (suppressed.isEmpty()) {
            return;
        }
        w.print("\n" + clean(ReportSupport.suppressedSummary(suppressed)) + "\n");
        if (verbose) {
            for (SuppressedFinding s : suppressed) {
                Finding f = s.finding();
                w.print(
                        "  "
                                + style.apply(
                                        DIM,
                                        clean(ReportSupport.fileOf(f.file()))
                                                + ":"
                                                + ReportSupport.position(f.line(), f.column())
                                                + "  "
                                                + clean(f.ruleId())
                                                + "  "
                                                + clean(s.reason())
                                                + " ("
                                                + clean(s.source())
                                                + ")")
                                + "\n");
            }
        }
    }

    private static String summary(ScanResult result, Style style) {
        Map<Severity, Integer> counts = result.countBySeverity();
        String bySeverity =
                counts.entrySet().stream()
                        .map(
                                e ->
                                        e.getValue() > 0
                                                ? style.apply(
                                                        SEVERITY_COLORS.get(e.getKey()),
                                                        e.getValue() + " " + e.getKey().id())
                                                : e.getValue() + " " + e.getKey().id())
                        .collect(Collectors.joining(", "));
        int total = orEmpty(result.findings()).size();
        return style.apply(BOLD, total + (total == 1 ? " finding" : " findings"))
                + " ("
                + bySeverity
                + ") in "
                + plural(orEmpty(result.files()).size(), "file")
                + ", "
                + plural(orEmpty(result.servers()).size(), "server")
                + " scanned in "
                + result.durationMs()
                + " ms";
    }

    private static String describe(FileSummary file) {
        StringBuilder text = new StringBuilder(clean(file.client()));
        if (file.scope() != null) {
            text.append(", ").append(clean(file.scope()));
        }
        text.append(", ").append(plural(file.servers(), "server"));
        if (Boolean.TRUE.equals(file.tracked())) {
            text.append(", tracked by git");
        }
        if (Boolean.TRUE.equals(file.ignored())) {
            text.append(", git-ignored");
        }
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /**
     * Config values are hostile input: control characters (escape sequences, newlines) are shown,
     * not obeyed.
     */
    static String clean(String text) {
        if (text == null) {
            return "-";
        }
        return SafeText.escape(text);
    }

    /** Applies ANSI styles only when colour is wanted. */
    private record Style(boolean enabled) {
        String apply(String code, String text) {
            return enabled ? code + text + RESET : text;
        }
    }
}
