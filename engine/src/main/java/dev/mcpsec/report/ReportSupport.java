package dev.mcpsec.report;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.Severity;
import dev.mcpsec.api.SuppressedFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Ordering and grouping shared by the human-readable reporters, so every format lists findings
 * alike.
 */
final class ReportSupport {

    /** Shown where a finding or warning has no file. */
    static final String NO_FILE = "(no file)";

    static final Comparator<Finding> BY_SEVERITY_THEN_POSITION =
            Comparator.comparing(Finding::severity)
                    .thenComparingInt(Finding::line)
                    .thenComparingInt(Finding::column)
                    .thenComparing(f -> nullToEmpty(f.ruleId()))
                    .thenComparing(f -> nullToEmpty(f.server()))
                    .thenComparing(f -> nullToEmpty(f.fingerprint()));

    private ReportSupport() {}

    static String version(ScanResult result, ReportOptions options) {
        String fromOptions = options == null ? null : options.toolVersion();
        return fromOptions == null || fromOptions.isBlank() ? result.toolVersion() : fromOptions;
    }

    /** Findings grouped by file (files in path order), each group by severity, then line. */
    static Map<String, List<Finding>> byFile(List<Finding> findings) {
        Map<String, List<Finding>> groups = new TreeMap<>();
        for (Finding f : findings) {
            groups.computeIfAbsent(fileOf(f.file()), k -> new ArrayList<>()).add(f);
        }
        groups.values().forEach(list -> list.sort(BY_SEVERITY_THEN_POSITION));
        return groups;
    }

    /** Counts per checklist id, ids in alphabetical order, every severity present in each row. */
    static Map<String, Map<Severity, Integer>> byChecklist(List<Finding> findings) {
        Map<String, Map<Severity, Integer>> rows = new TreeMap<>();
        for (Finding f : findings) {
            rows.computeIfAbsent(nullToEmpty(f.checklist()), k -> emptyCounts())
                    .merge(f.severity(), 1, Integer::sum);
        }
        return rows;
    }

    static Map<Severity, Integer> emptyCounts() {
        Map<Severity, Integer> counts = new java.util.EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        return counts;
    }

    /** "3 suppressed by baseline, 1 by config", or an empty string when nothing was suppressed. */
    static String suppressedSummary(List<SuppressedFinding> suppressed) {
        if (suppressed.isEmpty()) {
            return "";
        }
        Map<String, Long> bySource =
                suppressed.stream()
                        .collect(
                                Collectors.groupingBy(
                                        s ->
                                                s.source() == null || s.source().isBlank()
                                                        ? "suppression"
                                                        : s.source(),
                                        TreeMap::new,
                                        Collectors.counting()));
        StringBuilder text = new StringBuilder();
        bySource.forEach(
                (source, count) ->
                        text.append(
                                        text.length() == 0
                                                ? count + " suppressed by "
                                                : ", " + count + " by ")
                                .append(source));
        return text.toString();
    }

    /**
     * One line naming every rule the scan did not run as written: "policy: 1 rule disabled
     * (MCP-REV-001 by .mcpsec/config.json: why), 1 re-rated (MCP-PIN-001 medium→high by bundle
     * acme@1.0.0)", or empty.
     */
    static String overridesSummary(List<dev.mcpsec.api.RuleOverride> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return "";
        }
        List<String> off = new java.util.ArrayList<>();
        List<String> rerated = new java.util.ArrayList<>();
        for (dev.mcpsec.api.RuleOverride o : overrides) {
            String why = o.reason() == null ? "" : ": " + o.reason();
            if ("disable".equals(o.kind())) {
                off.add(o.rule() + " by " + o.source() + why);
            } else {
                rerated.add(
                        o.rule()
                                + " "
                                + o.from().id()
                                + "→"
                                + o.to().id()
                                + " by "
                                + o.source()
                                + why);
            }
        }
        StringBuilder text = new StringBuilder("policy: ");
        if (!off.isEmpty()) {
            text.append(plural(off.size(), "rule"))
                    .append(" disabled (")
                    .append(String.join("; ", off))
                    .append(')');
        }
        if (!rerated.isEmpty()) {
            text.append(
                            off.isEmpty()
                                    ? plural(rerated.size(), "rule") + " re-rated ("
                                    : ", " + rerated.size() + " re-rated (")
                    .append(String.join("; ", rerated))
                    .append(')');
        }
        return text.toString();
    }

    /** "7:30", "7", or "-" when the line is unknown. */
    static String position(int line, int column) {
        if (line <= 0) {
            return "-";
        }
        return column > 0 ? line + ":" + column : String.valueOf(line);
    }

    /** Commits are shown abbreviated, as git does. */
    static String shortCommit(String commit) {
        return commit == null || commit.length() <= 12 ? commit : commit.substring(0, 12);
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static String fileOf(String file) {
        return file == null || file.isBlank() ? NO_FILE : file;
    }

    static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
