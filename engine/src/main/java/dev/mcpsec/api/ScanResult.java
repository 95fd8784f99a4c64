package dev.mcpsec.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one scan produced: inventory (config files, servers, the credentials they receive),
 * findings, suppressed findings, warnings, the rules that ran, the bundles applied and every rule
 * that was turned off or re-rated. One canonical constructor: a result without bundles, overrides
 * or credentials passes empty lists.
 */
public record ScanResult(
        String toolVersion,
        String root,
        List<FileSummary> files,
        List<ServerSummary> servers,
        List<Finding> findings,
        List<SuppressedFinding> suppressed,
        List<ScanWarning> warnings,
        List<RuleInfo> rules,
        long durationMs,
        List<AppliedBundle> bundles,
        List<RuleOverride> overrides,
        List<CredentialSummary> credentials) {

    /** Counts of (unsuppressed) findings by severity, every severity present. */
    public Map<Severity, Integer> countBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Finding f : findings) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        return counts;
    }

    /** Number of findings at or above the threshold; a null threshold ("never") counts nothing. */
    public long countAtLeast(Severity threshold) {
        if (threshold == null) {
            return 0;
        }
        return findings.stream().filter(f -> f.severity().atLeast(threshold)).count();
    }
}
