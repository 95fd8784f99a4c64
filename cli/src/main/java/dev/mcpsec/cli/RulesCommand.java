package dev.mcpsec.cli;

import dev.mcpsec.api.RuleInfo;
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

/** {@code mcpsec rules}: every loaded rule with its id, checklist, severity, title and bundle. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = "List every loaded rule: id, checklist, severity, title, bundle.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:Listed.", ExitCodes.USAGE_LINE, ExitCodes.INTERNAL_LINE})
public final class RulesCommand implements Callable<Integer> {
    private final Context context;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            converter = ListingFormat.Converter.class,
            description = "text or json (default: ${DEFAULT-VALUE}).")
    ListingFormat format;

    @Mixin PolicyOptions policies;

    @Mixin CommonOptions common;

    public RulesCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment env = context.env();
        ScanRequest request =
                policies.applyTo(ScanRequest.builder(env.workingDirectory()), env).build();
        List<RuleInfo> rules = context.engine().rules(request);
        PrintStream out = env.out();
        if (format == ListingFormat.JSON) {
            List<Map<String, Object>> json = new ArrayList<>();
            for (RuleInfo rule : rules) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", rule.id());
                entry.put("checklist", rule.checklist());
                entry.put("severity", rule.severity().id());
                entry.put("title", rule.title());
                entry.put("bundle", rule.bundle());
                entry.put("description", rule.description());
                entry.put("remediation", rule.remediation());
                entry.put("helpUri", rule.helpUri());
                entry.put("owasp", rule.owasp());
                json.add(entry);
            }
            Json.print(json, out);
        } else {
            Table table = new Table("ID", "CHECKLIST", "SEVERITY", "TITLE", "BUNDLE");
            for (RuleInfo rule : rules) {
                table.add(
                        rule.id(),
                        rule.checklist(),
                        rule.severity().id(),
                        rule.title(),
                        rule.bundle());
            }
            table.print(out);
        }
        return ExitCodes.OK;
    }
}
