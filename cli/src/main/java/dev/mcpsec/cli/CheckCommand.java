package dev.mcpsec.cli;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ServerCandidate;
import dev.mcpsec.options.FailOn;
import dev.mcpsec.report.ReportFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mcpsec check -- LAUNCH LINE} or {@code mcpsec check --url URL}: vets one server before
 * anyone adds it.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Vet one server before adding it: the scan's rules and advisories, applied offline to that "
                    + "server alone. Nothing is started or downloaded.",
            "Examples: mcpsec check -- npx -y some-server@1.2.3",
            "          mcpsec check --url https://mcp.example.com/mcp"
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.OK_LINE,
            ExitCodes.FINDINGS_LINE,
            ExitCodes.USAGE_LINE,
            ExitCodes.INTERNAL_LINE
        })
public final class CheckCommand implements Callable<Integer> {
    private final Context context;

    @Spec CommandSpec spec;

    @Parameters(
            arity = "0..*",
            paramLabel = "LAUNCH LINE",
            description =
                    "The command and its arguments, after -- (e.g. -- npx -y some-server@1.2.3).")
    List<String> launch = new ArrayList<>();

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "A remote server's URL instead of a launch line.")
    String url;

    @Option(
            names = "--transport",
            paramLabel = "http|sse",
            description = "Transport of --url (default: http).")
    String transport;

    @Option(
            names = "--env",
            paramLabel = "NAME=VALUE",
            description =
                    "An environment variable the server would get (use references such as ${TOKEN} rather "
                            + "than real secrets). Repeatable.")
    List<String> env = new ArrayList<>();

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            split = ",",
            converter = FormatConverter.class,
            description = "Report format, as for scan (default: text).")
    List<ReportFormat> formats = new ArrayList<>();

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the report to FILE.")
    String output;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "high",
            converter = FailOnConverter.class,
            description = "Exit 1 when a finding is at or above this (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Mixin AdvisoryOptions advisories;

    @Mixin PolicyOptions policies;

    @Mixin CommonOptions common;

    public CheckCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment environment = context.env();
        ReportPlan plan = ReportPlan.of(formats, output, environment, spec.commandLine());
        Map<String, String> vars = new LinkedHashMap<>();
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("env", "--env takes NAME=VALUE, not " + e);
            }
            vars.put(e.substring(0, eq), e.substring(eq + 1));
        }
        String command = launch.isEmpty() ? null : launch.get(0);
        List<String> args = launch.isEmpty() ? List.of() : launch.subList(1, launch.size());
        ServerCandidate candidate = new ServerCandidate(command, args, url, transport, vars);
        ScanRequest.Builder builder = ScanRequest.builder(environment.workingDirectory());
        policies.applyTo(builder, environment);
        advisories.applyTo(builder, environment);
        return new ScanRunner(context, common, false)
                .report(context.engine().check(candidate, builder.build()), plan, failOn);
    }
}
