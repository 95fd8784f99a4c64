package dev.mcpsec.cli;

import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.options.ScanRoot;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcpsec baseline [PATH]}: accepts today's findings so that later scans report only new
 * ones.
 */
@Command(
        name = "baseline",
        mixinStandardHelpOptions = true,
        description = "Accept today's findings in PATH/.mcpsec/baseline.json.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:Baseline written.", ExitCodes.USAGE_LINE, ExitCodes.INTERNAL_LINE})
public final class BaselineCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PATH",
            defaultValue = ".",
            description = "Directory to scan (default: the current directory).")
    String path;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "Where to write the baseline (default: PATH/.mcpsec/baseline.json).")
    String baseline;

    @Mixin ScopeOptions scope;

    @Mixin PolicyOptions policies;

    @Mixin CommonOptions common;

    public BaselineCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment env = context.env();
        Path root = ScanRoot.validate(env.resolve(path), path);
        Path file =
                baseline == null
                        ? root.resolve(".mcpsec").resolve("baseline.json")
                        : env.resolve(baseline);
        ScanRequest.Builder builder = ScanRequest.builder(root);
        scope.applyTo(builder, env);
        policies.applyTo(builder, env);
        if (common.progress(env)) {
            builder.progress(line -> env.err().println("mcpsec: " + line));
        }
        int entries = context.engine().writeBaseline(builder.build(), file);
        Path cwd = env.workingDirectory();
        Path shown = file.startsWith(cwd) ? cwd.relativize(file) : file;
        env.out()
                .println(
                        "mcpsec: wrote "
                                + entries
                                + (entries == 1 ? " entry" : " entries")
                                + " to "
                                + shown);
        env.out().flush();
        return ExitCodes.OK;
    }
}
