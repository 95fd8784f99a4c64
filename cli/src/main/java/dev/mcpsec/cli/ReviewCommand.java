package dev.mcpsec.cli;

import dev.mcpsec.api.ReviewEntry;
import dev.mcpsec.api.ReviewStatus;
import dev.mcpsec.api.SafeText;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.options.ScanRoot;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcpsec review add|list}: the project's review register, {@code .mcpsec/reviewed.json}. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = "Record and list reviews of configured MCP servers.",
        subcommands = {ReviewCommand.Add.class, ReviewCommand.ListStatus.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:Done.", ExitCodes.USAGE_LINE, ExitCodes.INTERNAL_LINE})
public final class ReviewCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(), "missing command: use 'review add SERVER' or 'review list'");
    }

    /**
     * {@code mcpsec review add SERVER}: records that a person reviewed what the server launches
     * today.
     */
    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description =
                    "Record a review of SERVER as it is configured now (package, version, digest or URL).",
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {
                "0:Recorded.",
                "2:Unknown server, no reviewer, or another usage error.",
                ExitCodes.INTERNAL_LINE
            })
    public static final class Add implements Callable<Integer> {
        private final Context context;

        @Spec CommandSpec spec;

        @Parameters(
                index = "0",
                paramLabel = "SERVER",
                description = "The server's name in the config.")
        String server;

        @Option(
                names = "--reviewer",
                paramLabel = "NAME",
                description = "Who reviewed it (default: $USER).")
        String reviewer;

        @Option(names = "--note", paramLabel = "TEXT", description = "What was checked.")
        String note;

        @Option(
                names = "--repository",
                paramLabel = "URL",
                description = "The server's source repository.")
        String repository;

        @Option(
                names = "--path",
                paramLabel = "DIR",
                defaultValue = ".",
                description = "Project directory (default: the current directory).")
        String path;

        @Mixin CommonOptions common;

        public Add(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Environment env = context.env();
            String who =
                    reviewer != null
                            ? reviewer
                            : env.variable("USER").filter(u -> !u.isBlank()).orElse(null);
            if (who == null || who.isBlank()) {
                throw new ParameterException(
                        spec.commandLine(), "give --reviewer NAME (USER is not set)");
            }
            ScanRequest request =
                    ScanRequest.builder(ScanRoot.validate(env.resolve(path), path))
                            .history(false)
                            .build();
            ReviewEntry entry = context.engine().reviewAdd(request, server, who, note, repository);
            env.out()
                    .println(
                            SafeText.escape(
                                    "mcpsec: recorded review of "
                                            + entry.server()
                                            + " ("
                                            + reviewed(entry)
                                            + ") by "
                                            + entry.reviewer()
                                            + " on "
                                            + entry.date()
                                            + " in .mcpsec/reviewed.json"));
            if (entry.url() == null && entry.version() == null && entry.imageDigest() == null) {
                env.err()
                        .println(
                                "mcpsec: note: "
                                        + SafeText.escape(entry.server())
                                        + " is not pinned to a version, so this review "
                                        + "covers whatever version runs next; pin it and record the review again");
            }
            env.out().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code mcpsec review list}: each configured server with its review state. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "List configured servers as reviewed, changed (launches something else than was "
                            + "reviewed) or unreviewed.",
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {"0:Listed.", ExitCodes.USAGE_LINE, ExitCodes.INTERNAL_LINE})
    public static final class ListStatus implements Callable<Integer> {
        private final Context context;

        @Option(
                names = "--path",
                paramLabel = "DIR",
                defaultValue = ".",
                description = "Project directory (default: the current directory).")
        String path;

        @Option(
                names = {"-f", "--format"},
                paramLabel = "FORMAT",
                defaultValue = "text",
                converter = ListingFormat.Converter.class,
                description = "text or json (default: ${DEFAULT-VALUE}).")
        ListingFormat format;

        @Mixin CommonOptions common;

        public ListStatus(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Environment env = context.env();
            ScanRequest request =
                    ScanRequest.builder(ScanRoot.validate(env.resolve(path), path))
                            .history(false)
                            .build();
            List<ReviewStatus> statuses = context.engine().reviewList(request);
            PrintStream out = env.out();
            if (format == ListingFormat.JSON) {
                List<Map<String, Object>> json = new ArrayList<>();
                for (ReviewStatus s : statuses) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("server", s.server());
                    row.put("file", s.file());
                    row.put("state", s.state());
                    row.put("launched", s.launched());
                    row.put("review", s.entry());
                    json.add(row);
                }
                Json.print(json, out);
                return ExitCodes.OK;
            }
            Table table = new Table("SERVER", "STATE", "LAUNCHES", "REVIEWED", "BY", "ON", "FILE");
            for (ReviewStatus s : statuses) {
                ReviewEntry e = s.entry();
                table.add(
                        s.server(),
                        s.state(),
                        s.launched(),
                        e == null ? null : reviewed(e),
                        e == null ? null : e.reviewer(),
                        e == null ? null : e.date(),
                        s.file());
            }
            table.print(out);
            return ExitCodes.OK;
        }
    }

    /** What a review record covers, in the same shape as {@link ReviewStatus#launched()}. */
    static String reviewed(ReviewEntry e) {
        if (e.url() != null) {
            return e.url();
        }
        String name = e.packageName() == null ? e.server() : e.packageName();
        if (e.imageDigest() != null) {
            return name + "@" + e.imageDigest();
        }
        return e.version() == null ? name : name + "@" + e.version();
    }
}
