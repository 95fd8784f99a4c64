package dev.mcpsec.fleet;

import dev.mcpsec.api.ScanRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a fleet run scans and how.
 *
 * @param inputs repositories, folders of repositories, or list files
 * @param output the only folder the run writes to: reports, per-repository SARIF, the cache and
 *     scratch space
 * @param requestFor the scan settings of one repository root (bundles, rules, limits, history); the
 *     fleet turns project policies and user scope off and sets the fleet's fingerprint salt,
 *     whatever it says
 * @param workers parallel repositories; 0 means one per core
 * @param shard the part of the fleet this run scans, or null for all of it
 * @param useCache reuse a repository's cached result when its refs have not changed
 * @param sinceLastRun for a changed repository, walk only the history added since its cached
 *     result, where that is safe (no ref rewritten, the earlier walk complete); otherwise the whole
 *     history
 * @param salt the fleet's fingerprint salt (the same for every shard), never printed
 * @param sarif also write one SARIF file per repository
 * @param progress receives progress after each repository, or null
 */
public record FleetRequest(
        List<Path> inputs,
        Path output,
        Function<Path, ScanRequest.Builder> requestFor,
        int workers,
        Shard shard,
        boolean useCache,
        boolean sinceLastRun,
        String salt,
        boolean sarif,
        Consumer<FleetProgress> progress) {

    public FleetRequest {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(requestFor, "requestFor");
        Objects.requireNonNull(salt, "salt");
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be 0 (one per core) or more");
        }
    }

    /** The number of workers to run: {@link #workers()} or the core count. */
    int poolSize(int repositories) {
        int wanted = workers == 0 ? Runtime.getRuntime().availableProcessors() : workers;
        return Math.max(1, Math.min(wanted, Math.max(1, repositories)));
    }
}
