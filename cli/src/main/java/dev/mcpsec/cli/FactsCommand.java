package dev.mcpsec.cli;

import dev.mcpsec.api.FactRecord;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.options.ScanRoot;
import dev.mcpsec.report.FactsReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcpsec facts [PATH]}: every fact the rules see, secrets masked, to find out why a rule did
 * or did not fire.
 */
@Command(
        name = "facts",
        mixinStandardHelpOptions = true,
        description = "Print every fact the rules see for PATH (secrets masked); no rule runs.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:Printed.", ExitCodes.USAGE_LINE, ExitCodes.INTERNAL_LINE})
public final class FactsCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PATH",
            defaultValue = ".",
            description = "Directory to read (default: the current directory).")
    String path;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            converter = ListingFormat.Converter.class,
            description = "text or json (default: ${DEFAULT-VALUE}).")
    ListingFormat format;

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            description = "Only facts of this type, e.g. McpServer.")
    String type;

    @Option(names = "--server", paramLabel = "NAME", description = "Only facts about this server.")
    String server;

    @Mixin ScopeOptions scope;

    @Mixin PolicyOptions policies;

    @Mixin CommonOptions common;

    public FactsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment env = context.env();
        Path root = ScanRoot.validate(env.resolve(path), path);
        ScanRequest.Builder builder = ScanRequest.builder(root);
        scope.applyTo(builder, env);
        policies.applyTo(builder, env);
        List<FactRecord> facts =
                context.engine().facts(builder.build()).stream()
                        .filter(f -> type == null || f.type().equals(type))
                        .filter(
                                f ->
                                        server == null
                                                || Objects.equals(f.fields().get("server"), server)
                                                || ("McpServer".equals(f.type())
                                                        && server.equals(f.fields().get("name"))))
                        .toList();
        try {
            FactsReport.write(facts, env.out(), format == ListingFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.out().flush();
        return ExitCodes.OK;
    }
}
