package dev.mcpsec.cli;

import picocli.CommandLine.Option;

/** Output switches every command takes: quiet, debug and colour. */
public final class CommonOptions {

    /** The option name {@link ErrorHandler} looks for to decide whether to print stack traces. */
    static final String DEBUG = "--debug";

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress and no summary on standard error.")
    boolean quiet;

    @Option(names = DEBUG, description = "Print stack traces of internal errors.")
    boolean debug;

    @Option(
            names = "--no-color",
            description = "No ANSI colour, even on a terminal (so does any NO_COLOR value).")
    boolean noColor;

    /** Colour only on a terminal, without {@code NO_COLOR} and without {@code --no-color}. */
    boolean color(Environment env) {
        return !noColor && env.colorAllowed();
    }

    /** Progress lines only on a terminal and without {@code --quiet}. */
    boolean progress(Environment env) {
        return !quiet && env.terminal();
    }
}
