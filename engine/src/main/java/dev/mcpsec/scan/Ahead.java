package dev.mcpsec.scan;

import dev.mcpsec.rules.Failures;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A piece of a scan's work that depends on nothing collected before it, started on a daemon thread
 * of its own so that it runs beside the work before it, and taken where the scan would have done it
 * ({@link #get}); or, when not started ahead, done by {@link #get} on the caller's thread. Either
 * way the result and any exception are the same: the caller sees the work's exception as the work
 * threw it. Work not taken (the scan deadline passed first, or an error ended the scan) is
 * abandoned by {@link #close}.
 */
final class Ahead<T> implements AutoCloseable {

    /** The work: a tree walk or the like. */
    interface Work<T> {
        T run() throws IOException;
    }

    private final Work<T> work;
    private final FutureTask<T> task;

    private Ahead(Work<T> work, FutureTask<T> task) {
        this.work = work;
        this.task = task;
    }

    /** Starts {@code work} on a thread named {@code name} when {@code ahead}, else keeps it. */
    static <T> Ahead<T> start(String name, boolean ahead, Work<T> work) {
        if (!ahead) {
            return new Ahead<>(work, null);
        }
        FutureTask<T> task = new FutureTask<>(work::run);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return new Ahead<>(work, task);
    }

    /** The work's result, waiting for it (or doing it now when it was not started ahead). */
    T get() throws IOException {
        if (task == null) {
            return work.run();
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw Failures.unchecked(cause, IllegalStateException::new);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + task, e);
        }
    }

    /** Abandons the work if it was not taken. */
    @Override
    public void close() {
        if (task != null) {
            task.cancel(true);
        }
    }
}
