package dev.mcpsec.cli;

import dev.mcpsec.options.FailOn;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcpsec merge RESULTS...}: joins the org reports of fleet shards into one. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description =
                "Join the org reports of 'mcpsec fleet --shard I/N' jobs (org-report.json files, or the "
                        + "folders holding them) into one org report, as one run over all repositories would write it.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.OK_LINE,
            "1:Findings at or above --fail-on, or a repository could not be scanned.",
            ExitCodes.USAGE_LINE,
            ExitCodes.INTERNAL_LINE
        })
public final class MergeCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(
            arity = "1..*",
            paramLabel = "RESULTS",
            description = "Shard org reports or their folders.")
    List<String> results;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            defaultValue = "mcpsec-fleet",
            description = "Where to write the joined org report (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "high",
            converter = FailOnConverter.class,
            description =
                    "Exit 1 when a repository has a finding at or above this, or could not be scanned: "
                            + "critical, high, medium, low, info, never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @picocli.CommandLine.Mixin CommonOptions common;

    public MergeCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment env = context.env();
        List<Path> inputs = results.stream().map(env::resolve).toList();
        return FleetSummary.print(
                env.out(),
                context.engine().mergeFleet(inputs, env.resolve(output)),
                failOn,
                env.workingDirectory());
    }
}
