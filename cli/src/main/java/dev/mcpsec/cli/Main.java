package dev.mcpsec.cli;

import dev.mcpsec.engine.Mcpsec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code mcpsec} command line: wires the subcommands, the error handling and the process
 * environment.
 */
@Command(
        name = "mcpsec",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Offline security scanner for MCP (Model Context Protocol) client configurations.",
        subcommands = {
            ScanCommand.class,
            RulesCommand.class,
            FactsCommand.class,
            ExplainCommand.class,
            TestCommand.class,
            BaselineCommand.class,
            ReviewCommand.class,
            CheckCommand.class,
            AdvisoriesCommand.class,
            FleetCommand.class,
            MergeCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.OK_LINE,
            ExitCodes.FINDINGS_LINE,
            ExitCodes.USAGE_LINE,
            ExitCodes.INTERNAL_LINE
        },
        footer = {
            "%nColour only on a terminal; set NO_COLOR (any value) or pass --no-color to turn it off.",
            "Documentation: docs/cli.md"
        })
public final class Main implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "missing command: use one of scan, rules, facts, explain, "
                        + "test, baseline, review, check, advisories, fleet, merge");
    }

    public static void main(String[] args) {
        System.exit(run(Environment.system(), Mcpsec.create(), args));
    }

    /** Runs one command line and returns its exit code; never exits the JVM. */
    public static int run(Environment env, Mcpsec engine, String... args) {
        CommandLine cmd = commandLine(env, engine);
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli hands Errors on; a hostile input that exhausts memory or stack is an internal
            // error (3)
            return ErrorHandler.fatal(
                    e, cmd.getErr(), java.util.Arrays.asList(args).contains(CommonOptions.DEBUG));
        }
    }

    /** The configured command line, writing to the environment's streams. */
    static CommandLine commandLine(Environment env, Mcpsec engine) {
        ErrorHandler errors = new ErrorHandler();
        CommandLine cmd = new CommandLine(new Main(), new CommandFactory(new Context(env, engine)));
        cmd.setOut(new PrintWriter(env.out(), true));
        cmd.setErr(new PrintWriter(env.err(), true));
        cmd.setColorScheme(
                CommandLine.Help.defaultColorScheme(
                        env.colorAllowed() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cmd.setParameterExceptionHandler(errors);
        cmd.setExecutionExceptionHandler(errors);
        return cmd;
    }
}
