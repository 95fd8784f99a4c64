package dev.mcpsec.rules;

import java.util.function.Function;

/**
 * How the engine hands on the failure of work it ran on another thread (a {@code Future}'s {@code
 * ExecutionException}, a {@code CompletableFuture}'s {@code CompletionException}): as the work
 * threw it, so that the caller sees the same exception, message and exit code as if the work had
 * run on its own thread. In this package because every package that runs such work (rules, scan,
 * fleet) may depend on it.
 */
public final class Failures {
    private Failures() {}

    /**
     * The work's {@code cause} to throw: a runtime exception as it is, an error thrown from here,
     * anything else (a checked exception) as {@code wrap} makes it.
     */
    public static RuntimeException unchecked(
            Throwable cause, Function<Throwable, RuntimeException> wrap) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return wrap.apply(cause);
    }
}
