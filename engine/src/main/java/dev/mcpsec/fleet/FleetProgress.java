package dev.mcpsec.fleet;

/**
 * Where a fleet run stands, after each repository.
 *
 * @param done repositories finished (scanned, from the cache, or failed)
 * @param total repositories in this run
 * @param findings findings so far
 * @param failed repositories that could not be scanned so far
 * @param fromCache repositories taken from the cache so far
 * @param elapsedMs time since the run started
 * @param repository the repository just finished
 */
public record FleetProgress(
        int done,
        int total,
        long findings,
        int failed,
        int fromCache,
        long elapsedMs,
        String repository) {

    /** Estimated time left, from the average so far; -1 before the first repository. */
    public long remainingMs() {
        return done == 0 ? -1 : elapsedMs * (total - done) / done;
    }
}
