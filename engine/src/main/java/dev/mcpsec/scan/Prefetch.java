package dev.mcpsec.scan;

import dev.mcpsec.rules.ClassPathBundles;
import dev.mcpsec.rules.Policies;
import dev.mcpsec.rules.PolicyCompiler;
import dev.mcpsec.rules.PrecompiledModel;

/**
 * Reads ahead what every scan needs before its first fact, while the front end is still setting up
 * (the CLI parses its command line, the Maven goal checks whether it is up to date) and the scan
 * discovers the configs: the bundles on the engine's class path, the compilation of their rules
 * when no other bundle will join them, then the advisories they ship; and, on a thread of its own,
 * the classes of the built-in rules' precompiled model. The scan takes the bundles read here
 * ({@link ClassPathBundles}), finds the compilation, the model ({@link PrecompiledModel#loadAhead},
 * only for the DRL it was made from) and the advisories where it looks for them, and gets the same
 * results as without it.
 */
public final class Prefetch {
    private Prefetch() {}

    /**
     * Starts the read-ahead on a daemon thread (once until a scan takes its result). With {@code
     * compile}, the caller knows the scan loads no bundle but those on the class path, and the
     * rules of exactly those start compiling as soon as they are read: the scan then finds that
     * compilation under the same content key ({@link PolicyCompiler#start}) instead of starting its
     * own after parsing its options. A scan that loads other bundles as well compiles its own set;
     * so an unneeded head start costs CPU time, never a result, and the caller says {@code false}
     * whenever its options name other bundles.
     */
    public static void start(boolean compile) {
        // the built-in model's classes load while the bundles are read: the compilation finds them
        // when the DRL read has the fingerprint they were made for (PrecompiledModel#loadAhead)
        Thread model =
                new Thread(
                        () -> PrecompiledModel.loadAhead(Policies.classLoader()), "mcpsec-model");
        model.setDaemon(true);
        model.start();
        ClassPathBundles.prefetch(
                Policies.classLoader(),
                bundles -> {
                    if (compile) {
                        PolicyCompiler.start(Policies.classPathOnly(bundles));
                    }
                    SupplyChain.warm(bundles);
                });
    }
}
