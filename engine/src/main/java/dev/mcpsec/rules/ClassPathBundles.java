package dev.mcpsec.rules;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The bundles on a class loader's class path, optionally read ahead of the scan that needs them. A
 * front end asks for them ({@link #prefetch}) as soon as it knows a scan is coming, so that reading
 * the built-in bundle from the jar overlaps its own set-up (the CLI's command line, the Maven
 * goal's up-to-date check) and the scan's discovery; the scan then takes that result ({@link
 * #load}) instead of reading the jar again. A prefetched result serves one load only, and only for
 * the same class loader: nothing is cached beyond it, so a later scan in the same JVM reads the
 * class path afresh.
 */
public final class ClassPathBundles {
    private static final AtomicReference<Pending> PENDING = new AtomicReference<>();

    private record Pending(ClassLoader loader, FutureTask<List<Bundle>> task) {}

    private ClassPathBundles() {}

    /**
     * Starts reading the bundles {@code loader} sees on a daemon thread, unless a read is already
     * pending; once they are read, the same thread hands them to {@code then} (which may warm what
     * the scan derives from them). An error of {@code then} is left for the scan to meet: it does
     * the same work itself when nothing was warmed.
     */
    public static void prefetch(ClassLoader loader, Consumer<List<Bundle>> then) {
        Pending pending =
                new Pending(loader, new FutureTask<>(() -> BundleLoader.fromClassLoader(loader)));
        if (PENDING.compareAndSet(null, pending)) {
            Thread thread =
                    new Thread(
                            () -> {
                                pending.task().run();
                                try {
                                    then.accept(pending.task().get());
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                } catch (ExecutionException | RuntimeException e) {
                                    // the scan reads the bundles (and what it derives) itself and
                                    // meets the same error there
                                }
                            },
                            "mcpsec-bundles");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * The bundles {@code loader} sees, in class path order: the prefetched result when one is
     * pending for this loader (an error it met is thrown here, as reading now would throw it), read
     * now otherwise.
     */
    static List<Bundle> load(ClassLoader loader) {
        Pending pending = PENDING.get();
        if (pending != null && pending.loader() == loader && PENDING.compareAndSet(pending, null)) {
            try {
                return pending.task().get();
            } catch (ExecutionException e) {
                throw Failures.unchecked(e.getCause(), IllegalStateException::new);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return BundleLoader.fromClassLoader(loader);
    }

    /** True while a prefetched result waits for its load (for tests). */
    static boolean pending() {
        return PENDING.get() != null;
    }
}
