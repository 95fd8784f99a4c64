package dev.mcpsec.cli;

import dev.mcpsec.api.AdvisorySource;
import dev.mcpsec.api.ScanRequest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mcpsec advisories}: every loaded advisory source, how many records it holds and how old it
 * is.
 */
@Command(
        name = "advisories",
        mixinStandardHelpOptions = true,
        description =
                "List the advisory data that is loaded (built-in, bundles, --advisories): records and age.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:Listed, all data within the maximum age.",
            "1:Some data is older than the maximum age " + "or of unknown age.",
            ExitCodes.USAGE_LINE,
            ExitCodes.INTERNAL_LINE
        })
public final class AdvisoriesCommand implements Callable<Integer> {
    private final Context context;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            converter = ListingFormat.Converter.class,
            description = "text or json (default: ${DEFAULT-VALUE}).")
    ListingFormat format;

    @Mixin AdvisoryOptions advisories;

    @Mixin PolicyOptions policies;

    @Mixin CommonOptions common;

    public AdvisoriesCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment env = context.env();
        ScanRequest.Builder builder = ScanRequest.builder(env.workingDirectory());
        policies.applyTo(builder, env);
        advisories.applyTo(builder, env);
        List<AdvisorySource> sources = context.engine().advisories(builder.build());
        PrintStream out = env.out();
        if (format == ListingFormat.JSON) {
            List<Map<String, Object>> json = new ArrayList<>();
            for (AdvisorySource s : sources) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("origin", s.origin());
                entry.put("records", s.records());
                entry.put("vulnerable", s.vulnerable());
                entry.put("malicious", s.malicious());
                entry.put("archived", s.archived());
                entry.put("asOf", s.asOf());
                entry.put("ageDays", s.ageDays());
                entry.put("stale", s.stale());
                json.add(entry);
            }
            Json.print(json, out);
        } else {
            Table table =
                    new Table(
                            "SOURCE",
                            "RECORDS",
                            "VULNERABLE",
                            "MALICIOUS",
                            "ARCHIVED",
                            "AS OF",
                            "AGE");
            for (AdvisorySource s : sources) {
                table.add(
                        s.origin(),
                        String.valueOf(s.records()),
                        String.valueOf(s.vulnerable()),
                        String.valueOf(s.malicious()),
                        String.valueOf(s.archived()),
                        s.asOf() == null ? "unknown" : s.asOf(),
                        s.ageDays() == null
                                ? "unknown"
                                : s.ageDays() + " days" + (s.stale() ? " (stale)" : ""));
            }
            table.print(out);
            if (sources.isEmpty()) {
                out.println("No advisory data is loaded.");
            }
        }
        return sources.stream().anyMatch(AdvisorySource::stale) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
