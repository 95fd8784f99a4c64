package dev.mcpsec.scan;

import dev.mcpsec.rules.ClassPathBundles;
import dev.mcpsec.rules.Policies;

/**
 * Reads ahead what every scan needs before its first fact, while the front end is still setting up
 * (the CLI parses its command line meanwhile): the bundles on the engine's class path, then the
 * advisories they ship. The scan takes the bundles read here ({@link ClassPathBundles}) and finds
 * the advisories in the cache it reads them through; results do not depend on it.
 */
public final class Prefetch {
    private Prefetch() {}

    /** Starts the read-ahead on a daemon thread (once until a scan takes its result). */
    public static void start() {
        ClassPathBundles.prefetch(Policies.classLoader(), SupplyChain::warm);
    }
}
