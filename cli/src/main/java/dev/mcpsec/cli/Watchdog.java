package dev.mcpsec.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a scan on its own thread and gives up when it outlives the scan's own time budget by a
 * margin: the engine checks {@code scanTimeout} between steps, so only a step that blocks (a read
 * that never returns) gets here, and then the command ends with a clear error (exit 3) instead of
 * hanging a CI job.
 */
final class Watchdog {
    /** Thrown when the work did not finish in time; the message says what to do. */
    static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired(String message) {
            super(message, null, false, false);
        }
    }

    private Watchdog() {}

    /**
     * The time a scan with this budget may take before the watchdog ends it: the budget plus a
     * margin.
     */
    static Duration limitFor(Duration scanTimeout) {
        // in whole seconds: the margin is at least 30 s, and Duration.dividedBy would load
        // BigDecimal's classes into every scan for this alone
        return scanTimeout.plusSeconds(Math.max(30, scanTimeout.getSeconds() / 10));
    }

    /** Runs {@code work}; its exceptions and errors pass through unchanged. */
    static <T> T call(Callable<T> work, Duration limit, String what) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, "mcpsec-scan");
        thread.setDaemon(true);
        thread.start();
        try {
            long nanos;
            try {
                nanos = limit.toNanos();
            } catch (ArithmeticException tooLong) {
                nanos = Long.MAX_VALUE;
            }
            return task.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new Expired(
                    what
                            + " did not finish within "
                            + limit.toSeconds()
                            + " s (scanTimeout plus a margin): "
                            + "something it reads blocks; run with --debug --verbose to see the last step, and report it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Expired(what + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
