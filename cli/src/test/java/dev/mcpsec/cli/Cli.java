package dev.mcpsec.cli;

import dev.mcpsec.engine.Mcpsec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the CLI in-process against captured streams, a chosen environment and an engine of the
 * test's choice.
 */
final class Cli {
    private final Mcpsec engine;
    private final Path workingDirectory;
    private final Map<String, String> variables = new HashMap<>();
    private boolean terminal;

    Cli(Mcpsec engine, Path workingDirectory) {
        this.engine = engine;
        this.workingDirectory = workingDirectory;
    }

    Cli terminal() {
        this.terminal = true;
        return this;
    }

    Cli variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** This CLI's environment, its streams discarded. */
    Environment environment() {
        return environment(new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    private Environment environment(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new Environment(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                variables,
                terminal,
                workingDirectory,
                workingDirectory.resolve("home"));
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment env = environment(out, err);
        int code = Main.run(env, engine, args);
        Run run =
                new Run(
                        code,
                        out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8));
        JsonReportSchema.checkReportsOf(run, workingDirectory, args);
        return run;
    }

    /** One finished run: exit code and everything written to each stream. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
