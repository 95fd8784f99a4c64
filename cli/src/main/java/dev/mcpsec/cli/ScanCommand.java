package dev.mcpsec.cli;

import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.options.FailOn;
import dev.mcpsec.options.ScanRoot;
import dev.mcpsec.report.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcpsec scan [PATH]}: binds the scan flags and hands them to {@link ScanRunner}. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = "Scan a project's MCP client configurations and report what is risky.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.OK_LINE,
            ExitCodes.FINDINGS_LINE,
            ExitCodes.USAGE_LINE,
            ExitCodes.INTERNAL_LINE
        })
public final class ScanCommand implements Callable<Integer> {
    private final Context context;

    @Spec CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PATH",
            defaultValue = ".",
            description = "Directory to scan (default: the current directory).")
    String path;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            split = ",",
            converter = FormatConverter.class,
            description =
                    "Report format: text, json, sarif, markdown, html, cyclonedx (an AI-BOM), junit (JUnit XML "
                            + "for CI test views), gitlab (GitLab secret detection report). Repeatable or comma-separated "
                            + "(default: text).")
    List<ReportFormat> formats = new ArrayList<>();

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description =
                    "Write the report to FILE instead of standard output; with several formats FILE is a "
                            + "directory that receives mcpsec.<ext> per format.")
    String output;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "high",
            converter = FailOnConverter.class,
            description =
                    "Exit 1 when a finding is at or above this: critical, high, medium, low, info, never "
                            + "(default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "Accepted findings (default: PATH/.mcpsec/baseline.json when present).")
    String baseline;

    @Option(
            names = {"-v", "--verbose"},
            description = "Text report also lists clean files and suppressed findings.")
    boolean verbose;

    @Option(
            names = "--explain-values",
            description =
                    "Print to standard error, for every value handed to a server, "
                            + "what the secret detector decided and which step decided it (masked values only).")
    boolean explainValues;

    @Option(
            names = "--trace",
            paramLabel = "RULE",
            description =
                    "Instead of the report, show why rule RULE did or did "
                            + "not fire: its findings, and for each of its patterns the facts and which conditions they meet.")
    String trace;

    @Option(
            names = "--server",
            paramLabel = "NAME",
            description = "With --trace: only this server.")
    String server;

    @Mixin ScopeOptions scope;

    @Mixin PolicyOptions policies;

    @Mixin AdvisoryOptions advisories;

    @Mixin CommonOptions common;

    public ScanCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment env = context.env();
        ReportPlan plan = ReportPlan.of(formats, output, env, spec.commandLine());
        Path root = ScanRoot.validate(env.resolve(path), path);
        ScanRequest.Builder builder = ScanRequest.builder(root);
        scope.applyTo(builder, env);
        policies.applyTo(builder, env);
        advisories.applyTo(builder, env);
        if (baseline != null) {
            builder.baseline(env.resolve(baseline));
        }
        if (common.progress(env)) {
            builder.progress(line -> env.err().println("mcpsec: " + line));
        }
        if (explainValues) {
            builder.valueLog(line -> env.err().println("value " + line));
        }
        if (server != null && trace == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--server needs --trace RULE");
        }
        if (trace != null) {
            boolean json = formats.contains(ReportFormat.JSON);
            try {
                dev.mcpsec.report.TraceReport.write(
                        context.engine().trace(builder.build(), trace, server), env.out(), json);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            env.out().flush();
            return ExitCodes.OK;
        }
        return new ScanRunner(context, common, verbose).run(builder.build(), plan, failOn);
    }
}
