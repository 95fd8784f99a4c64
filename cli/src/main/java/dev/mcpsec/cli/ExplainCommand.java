package dev.mcpsec.cli;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Explanation;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.ScanRequest;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code mcpsec explain ID}: what a rule or checklist item checks, why it matters, how to fix it,
 * examples.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Explain a rule or checklist id: what, why, how to fix, examples.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:Explained.",
            "2:Unknown id, or a usage or configuration error.",
            ExitCodes.INTERNAL_LINE
        })
public final class ExplainCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(
            index = "0",
            paramLabel = "ID",
            description = "A rule id (e.g. from 'mcpsec rules') or a checklist id.")
    String id;

    @Mixin PolicyOptions policies;

    @Mixin CommonOptions common;

    public ExplainCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment env = context.env();
        ScanRequest request =
                policies.applyTo(ScanRequest.builder(env.workingDirectory()), env).build();
        Explanation explanation =
                context.engine()
                        .explain(id, request)
                        .orElseThrow(
                                () ->
                                        new ConfigurationException(
                                                "id",
                                                "unknown rule or checklist id: "
                                                        + id
                                                        + " (run 'mcpsec rules' to list them)"));
        print(explanation, env.out());
        return ExitCodes.OK;
    }

    private static void print(Explanation e, PrintStream out) {
        out.println(e.id() + " (" + e.kind() + "): " + e.title());
        section(out, "What it checks", e.what());
        section(out, "Why it matters", e.why());
        section(out, "How to fix", e.fix());
        section(out, "Failing example", e.failingExample());
        section(out, "Passing example", e.passingExample());
        if (e.rules() != null && !e.rules().isEmpty()) {
            section(out, "OWASP MCP Top 10", String.join("\n", e.owasp()));
            out.println();
            out.println("Rules");
            for (RuleInfo rule : e.rules()) {
                out.println(
                        "  "
                                + rule.id()
                                + "  "
                                + rule.severity().id()
                                + "  "
                                + rule.title()
                                + "  ["
                                + rule.bundle()
                                + "]"
                                + (rule.owasp().isEmpty()
                                        ? ""
                                        : "  " + String.join(" ", rule.owasp())));
            }
        }
        out.flush();
    }

    private static void section(PrintStream out, String heading, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        out.println();
        out.println(heading);
        body.stripTrailing()
                .lines()
                .forEach(line -> out.println(line.isEmpty() ? "" : "  " + line));
    }
}
