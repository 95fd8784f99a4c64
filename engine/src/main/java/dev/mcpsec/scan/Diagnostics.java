package dev.mcpsec.scan;

import dev.mcpsec.rules.CompiledPolicies;
import dev.mcpsec.rules.PolicyCompiler;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's diagnostics, for whoever tunes or debugs mcpsec: with {@code
 * -Dmcpsec.diagnostics=true} a scan writes to standard error (never to standard output, where JSON
 * or SARIF may go) the wall time of each phase and how each bundle's rules were compiled (from a
 * precompiled model, or from DRL and why). Off by default: nothing is measured or written then.
 */
final class Diagnostics {
    static final String PROPERTY = "mcpsec.diagnostics";

    static final Diagnostics OFF = new Diagnostics(null);

    private final PrintStream err;
    private long last = System.nanoTime();

    private Diagnostics(PrintStream err) {
        this.err = err;
    }

    /**
     * Diagnostics for one scan: on when the system property says so, writing the JVM's age first.
     */
    static Diagnostics start() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return OFF;
        }
        Diagnostics d = new Diagnostics(System.err);
        d.line("JVM start to scan start (JVM, class loading, command line)", sinceJvmStart());
        return d;
    }

    /**
     * Milliseconds since the JVM started, by the JVM's own clock (the process start time the OS
     * reports is rounded to its boot time's second).
     */
    private static long sinceJvmStart() {
        try {
            return System.currentTimeMillis()
                    - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        } catch (LinkageError e) {
            // a runtime image without java.management
            return ProcessHandle.current()
                    .info()
                    .startInstant()
                    .map(s -> Duration.between(s, Instant.now()).toMillis())
                    .orElse(-1L);
        }
    }

    boolean on() {
        return err != null;
    }

    /** Writes the wall time since the previous phase ended. */
    void phase(String name) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        line(name, (now - last) / 1_000_000);
        last = now;
    }

    /** Says how each bundle was compiled and what compiling took on its own thread. */
    void rules(CompiledPolicies policies) {
        if (err == null) {
            return;
        }
        for (Map.Entry<String, String> e : policies.compiledBy().entrySet()) {
            if (e.getKey().equals(PolicyCompiler.TIMING)) {
                err.println("mcpsec diagnostics: rule compilation: " + e.getValue());
            } else {
                err.println("mcpsec diagnostics: bundle " + e.getKey() + ": " + e.getValue());
            }
        }
    }

    /** The end of the engine's part, as the JVM's age (what follows is the report and exit). */
    void done() {
        if (err == null) {
            return;
        }
        line("JVM start to scan result (the report follows)", sinceJvmStart());
    }

    private void line(String name, long ms) {
        err.println(String.format(Locale.ROOT, "mcpsec diagnostics: %-60s %6d ms", name, ms));
    }
}
