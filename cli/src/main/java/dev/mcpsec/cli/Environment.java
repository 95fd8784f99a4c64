package dev.mcpsec.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the CLI takes from its process: streams, environment variables, terminal, working and home
 * directory. Tests build one with captured streams instead of touching the real process.
 *
 * @param out standard output; reports go here
 * @param err standard error; messages, progress and summaries go here
 * @param variables environment variables
 * @param terminal true when attached to an interactive terminal (colour and progress are allowed)
 * @param workingDirectory directory that relative paths resolve against
 * @param home home folder for the user scope ({@code --user})
 */
public record Environment(
        PrintStream out,
        PrintStream err,
        Map<String, String> variables,
        boolean terminal,
        Path workingDirectory,
        Path home) {

    public Environment {
        variables = Map.copyOf(variables);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** The real process environment. */
    public static Environment system() {
        Map<String, String> env = System.getenv();
        return new Environment(
                System.out,
                System.err,
                env,
                System.console() != null,
                workingDirectory(System.getProperty(WORKING_DIRECTORY)),
                homeOf(env, System.getProperty("user.home")));
    }

    /**
     * The system property that names the caller's folder when the JVM runs elsewhere: the release
     * archive's launchers start the JVM inside the archive (its class-data-sharing archive needs
     * the same relative class path it was made with) and pass the folder the user ran mcpsec in
     * here.
     */
    static final String WORKING_DIRECTORY = "mcpsec.workingDirectory";

    /**
     * The folder relative paths resolve against: {@code property} when set, else the JVM's current
     * folder.
     */
    static Path workingDirectory(String property) {
        return property == null || property.isBlank() ? Path.of("") : Path.of(property);
    }

    /**
     * The user's home folder as shells and MCP clients see it: {@code $HOME} (then {@code
     * %USERPROFILE%} on Windows) when set, else the JVM's {@code user.home}, which comes from the
     * account database and ignores {@code HOME}.
     */
    static Path homeOf(Map<String, String> env, String userHome) {
        for (String name : new String[] {"HOME", "USERPROFILE"}) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return Path.of(v);
            }
        }
        return Path.of(userHome);
    }

    /** The value of an environment variable, when set. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** Colour follows no-color.org: any value of {@code NO_COLOR}, even empty, turns it off. */
    public boolean colorAllowed() {
        return terminal && !variables.containsKey("NO_COLOR");
    }

    /** Resolves a user-given path against the working directory. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
