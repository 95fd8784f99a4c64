package dev.mcpsec.cli;

import dev.mcpsec.engine.Mcpsec;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
    /**
     * The subcommands, in the order {@code mcpsec --help} lists them, by name. picocli builds a
     * command's model by reflection over its annotated fields, which costs start-up time on every
     * run; a command line that names one of these first builds only that one (see {@link
     * #commandLine(Environment, Mcpsec, String...)}). {@code MainTest} checks that each name is the
     * one its class declares.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("scan", ScanCommand.class);
        m.put("rules", RulesCommand.class);
        m.put("facts", FactsCommand.class);
        m.put("explain", ExplainCommand.class);
        m.put("test", TestCommand.class);
        m.put("baseline", BaselineCommand.class);
        m.put("review", ReviewCommand.class);
        m.put("check", CheckCommand.class);
        m.put("advisories", AdvisoriesCommand.class);
        m.put("fleet", FleetCommand.class);
        m.put("merge", MergeCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(m);
    }

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
        CommandLine cmd = commandLine(env, engine, args);
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli hands Errors on; a hostile input that exhausts memory or stack is an internal
            // error (3)
            return ErrorHandler.fatal(
                    e, cmd.getErr(), java.util.Arrays.asList(args).contains(CommonOptions.DEBUG));
        }
    }

    /**
     * Whether a scan's command line leaves the rules to the bundles on the class path: no {@code
     * --bundle}, no {@code --project-policies}, and no {@code @file} that could hold either.
     */
    static boolean onlyClassPathBundles(String... args) {
        for (String a : args) {
            if (a.startsWith("--bundle")
                    || a.startsWith("--project-policies")
                    || a.startsWith("@")) {
                return false;
            }
        }
        return true;
    }

    /** The configured command line with every subcommand, writing to the environment's streams. */
    static CommandLine commandLine(Environment env, Mcpsec engine) {
        return commandLine(env, engine, new String[0]);
    }

    /**
     * The configured command line for {@code args}, writing to the environment's streams. When the
     * first argument names a subcommand other than {@code help}, only that subcommand is added:
     * nothing else can run, and building the others' models would only cost start-up time. Any
     * other command line (no arguments, {@code --help}, {@code help}, a misspelt command that
     * picocli answers with suggestions) gets every subcommand.
     */
    static CommandLine commandLine(Environment env, Mcpsec engine, String... args) {
        String first = args.length > 0 ? args[0] : "";
        Class<?> only = "help".equals(first) ? null : SUBCOMMANDS.get(first);
        if (only == ScanCommand.class || only == CheckCommand.class) {
            // first of all: the bundles on the class path are read (and, when they are the only
            // ones, their rules compiled) while picocli builds the models
            engine.prepareScan(onlyClassPathBundles(args));
        }
        ErrorHandler errors = new ErrorHandler();
        CommandFactory factory = new CommandFactory(new Context(env, engine));
        CommandLine cmd = new CommandLine(new Main(), factory);
        if (only != null) {
            cmd.addSubcommand(first, new CommandLine(only, factory));
        } else {
            SUBCOMMANDS.forEach(
                    (name, type) -> cmd.addSubcommand(name, new CommandLine(type, factory)));
        }
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
