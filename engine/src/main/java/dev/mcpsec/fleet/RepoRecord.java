package dev.mcpsec.fleet;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.Severity;
import java.util.List;

/**
 * What a fleet run knows of one repository: the same in the cache, in a shard's result and in the
 * org report, so that merged shards give the report one run gives.
 *
 * @param name unique name in the fleet
 * @param location where it was read (a path on the machine that scanned it)
 * @param kind {@code clone} or {@code mirror}
 * @param head the commit HEAD pointed at, or null
 * @param state digest of the refs (and, for clones, the index) that keys the cache
 * @param error why the repository could not be scanned, or null when it was
 * @param worst the highest severity among its findings, or null when it has none
 * @param findings its findings (secrets masked, as in a single scan)
 * @param suppressed how many findings its baseline or suppressions hid
 * @param warnings what the scan skipped or could not read
 * @param credentials the credentials it holds, by fleet fingerprint
 */
public record RepoRecord(
        String name,
        String location,
        String kind,
        String head,
        String state,
        String error,
        Severity worst,
        List<Finding> findings,
        int suppressed,
        List<ScanWarning> warnings,
        List<CredentialSeen> credentials) {

    /** A repository that could not be scanned. */
    static RepoRecord failed(RepoTarget target, String state, String error) {
        return new RepoRecord(
                target.name(),
                target.path().toString(),
                target.kind().label(),
                null,
                state,
                error,
                null,
                List.of(),
                0,
                List.of(),
                List.of());
    }

    /** True when the repository was scanned (its findings are complete). */
    public boolean scanned() {
        return error == null;
    }

    /** Findings at or above {@code threshold}. */
    public long countAtLeast(Severity threshold) {
        return threshold == null
                ? 0
                : findings.stream().filter(f -> f.severity().atLeast(threshold)).count();
    }
}
