package dev.mcpsec.scan;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.SuppressedFinding;
import dev.mcpsec.project.Baseline;
import dev.mcpsec.project.ProjectConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Applies configured suppressions and the baseline; expired and stale entries become warnings. */
final class Suppressions {
    private Suppressions() {}

    record Outcome(
            List<Finding> findings,
            List<SuppressedFinding> suppressed,
            List<ScanWarning> warnings) {}

    static Path baselineFile(ScanRequest request, Path root) {
        return request.baseline() != null
                ? request.baseline()
                : root.resolve(".mcpsec").resolve("baseline.json");
    }

    static Outcome apply(
            List<Finding> findings,
            ProjectConfig config,
            ScanRequest request,
            Path root,
            Clock clock) {
        return apply(findings, config, request, root, clock, null, List.of());
    }

    /**
     * As above; findings of rules the governance says are locked are never suppressed by a
     * path-only entry.
     */
    static Outcome apply(
            List<Finding> findings,
            ProjectConfig config,
            ScanRequest request,
            Path root,
            Clock clock,
            Governance governance,
            List<dev.mcpsec.api.RuleInfo> rules) {
        LocalDate today = LocalDate.now(clock);
        Path file = baselineFile(request, root);
        String display =
                request.baseline() != null
                        ? request.baseline().toString()
                        : ".mcpsec/baseline.json";
        Baseline baseline = Baseline.load(root, file, display, request.baseline() != null);
        if (governance != null) {
            governance.checkExceptions(rules, config, baseline);
        }
        List<Finding> kept = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        List<ScanWarning> warnings = new ArrayList<>();
        Set<String> used = new HashSet<>();
        Set<ProjectConfig.Suppression> expiredReported = new HashSet<>();
        for (Finding f : findings) {
            if (governance != null && governance.lockedBy(f.ruleId()) != null) {
                kept.add(f);
                continue;
            }
            ProjectConfig.Suppression s =
                    config.suppress().stream()
                            .filter(x -> x.matches(f.ruleId(), f.checklist(), f.file()))
                            .findFirst()
                            .orElse(null);
            if (s != null) {
                if (s.until() != null && s.until().isBefore(today)) {
                    if (expiredReported.add(s)) {
                        warnings.add(
                                new ScanWarning(
                                        ".mcpsec/config.json",
                                        0,
                                        "suppression of "
                                                + (s.rule() == null ? s.path() : s.rule())
                                                + " expired on "
                                                + s.until()
                                                + ": its findings are reported again"));
                    }
                } else {
                    suppressed.add(new SuppressedFinding(f, s.reason(), "config"));
                    continue;
                }
            }
            Baseline.Entry e = baseline.entries().get(f.fingerprint());
            if (e != null) {
                used.add(e.fingerprint());
                if (e.until() != null && e.until().isBefore(today)) {
                    warnings.add(
                            new ScanWarning(
                                    display,
                                    0,
                                    "baseline entry for "
                                            + f.ruleId()
                                            + " in "
                                            + f.file()
                                            + " expired on "
                                            + e.until()
                                            + ": reported again"));
                } else {
                    String reason =
                            e.reason() == null || e.reason().isBlank()
                                    ? "(baselined, no reason given)"
                                    : e.reason();
                    suppressed.add(new SuppressedFinding(f, reason, "baseline"));
                    continue;
                }
            }
            kept.add(f);
        }
        for (Baseline.Entry e : baseline.entries().values()) {
            if (!used.contains(e.fingerprint())) {
                warnings.add(
                        new ScanWarning(
                                display,
                                0,
                                "stale baseline entry "
                                        + e.fingerprint()
                                        + " ("
                                        + e.ruleId()
                                        + " in "
                                        + e.file()
                                        + "): no such finding any more; remove it"));
            }
        }
        return new Outcome(kept, suppressed, warnings);
    }
}
