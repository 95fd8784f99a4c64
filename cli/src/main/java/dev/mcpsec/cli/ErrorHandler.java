package dev.mcpsec.cli;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.PolicyException;
import dev.mcpsec.api.SafeText;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where errors become messages and exit codes: usage and configuration 2, anything
 * else 3.
 */
final class ErrorHandler
        implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

    /** Engine setting names in the user's terms, so a message can say which flag to change. */
    private static final Map<String, String> FLAGS =
            Map.of(
                    "failOn", "--fail-on",
                    "bundle", "--bundle",
                    "baseline", "--baseline",
                    "projectPolicies", "--project-policies",
                    "excludeRules", "--exclude-rule",
                    "includeRules", "--include-rule",
                    "output", "--output",
                    "reviewer", "--reviewer",
                    "limit", "--limit");

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("mcpsec: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println(
                "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean debug = debugRequested(parseResult);
        int code;
        if (ex instanceof ConfigurationException config) {
            err.println("mcpsec: " + SafeText.escape(inUserTerms(config)));
            code = ExitCodes.USAGE;
        } else if (ex instanceof Watchdog.Expired) {
            err.println("mcpsec: internal error: " + ex.getMessage());
            code = ExitCodes.INTERNAL;
        } else if (ex instanceof PolicyException) {
            err.println("mcpsec: " + SafeText.escape(ex.getMessage(), true));
            code = ExitCodes.USAGE;
        } else {
            err.println(
                    "mcpsec: internal error: "
                            + SafeText.escape(oneLine(ex))
                            + (debug ? "" : " (run with --debug for details)"));
            code = ExitCodes.INTERNAL;
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * An out-of-memory or stack overflow: a clear message and exit 3, the stack trace only with
     * --debug.
     */
    static int fatal(Error e, PrintWriter err, boolean debug) {
        String what = e instanceof OutOfMemoryError ? "out of memory" : "stack overflow";
        err.println(
                "mcpsec: internal error: "
                        + what
                        + " while scanning: an input is larger or deeper than mcpsec "
                        + "can handle; lower the scan limits (--limit, docs/limits.md) or give the JVM more memory"
                        + " (MCPSEC_JAVA_OPTS=-Xmx2g with ./mcpsec, MAVEN_OPTS with the plugin)"
                        + (debug ? "" : " (run with --debug for details)"));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }

    private static String inUserTerms(ConfigurationException ex) {
        String message = ex.getMessage();
        String flag = ex.setting() == null ? null : FLAGS.get(ex.setting());
        return flag == null || message.contains(flag) ? message : message + " (check " + flag + ")";
    }

    private static String oneLine(Exception ex) {
        String message = ex.getMessage();
        String name = ex.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return name;
        }
        int newline = message.indexOf('\n');
        return name + ": " + (newline < 0 ? message : message.substring(0, newline));
    }

    private static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(CommonOptions.DEBUG)) {
                return true;
            }
        }
        return false;
    }
}
