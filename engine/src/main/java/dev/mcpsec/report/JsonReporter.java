package dev.mcpsec.report;

import static dev.mcpsec.report.ReportSupport.orEmpty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpsec.api.AppliedBundle;
import dev.mcpsec.api.CredentialSummary;
import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.RuleOverride;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.ServerSummary;
import dev.mcpsec.api.SuppressedFinding;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The machine-readable report; its shape is a public contract (docs/cli.md, "The JSON report"),
 * fields in a fixed order.
 */
final class JsonReporter implements Reporter {

    /**
     * The version of the report's JSON schema, {@code docs/schema/report-<version>.json}: the minor
     * part grows when fields are added, the major part when a field changes meaning or goes away.
     */
    public static final String SCHEMA_VERSION = "1.0";

    static final JsonReporter INSTANCE = new JsonReporter();

    private JsonReporter() {}

    @Override
    public void write(ScanResult result, OutputStream out, ReportOptions options)
            throws IOException {
        ObjectNode root = JsonSupport.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.putObject("tool")
                .put("name", "mcpsec")
                .put("version", ReportSupport.version(result, options));
        root.put("root", result.root());
        ArrayNode files = root.putArray("files");
        orEmpty(result.files()).forEach(f -> file(files.addObject(), f));
        ArrayNode servers = root.putArray("servers");
        orEmpty(result.servers()).forEach(s -> server(servers.addObject(), s));
        ArrayNode credentials = root.putArray("credentials");
        orEmpty(result.credentials()).forEach(c -> credential(credentials.addObject(), c));
        ArrayNode findings = root.putArray("findings");
        orEmpty(result.findings()).forEach(f -> finding(findings.addObject(), f));
        ArrayNode suppressed = root.putArray("suppressed");
        for (SuppressedFinding s : orEmpty(result.suppressed())) {
            finding(suppressed.addObject(), s.finding())
                    .put("reason", s.reason())
                    .put("source", s.source());
        }
        ArrayNode warnings = root.putArray("warnings");
        orEmpty(result.warnings()).forEach(w -> warning(warnings.addObject(), w));
        policy(root.putObject("policy"), result);
        summary(root.putObject("summary"), result);
        JsonSupport.write(root, out);
    }

    private static void file(ObjectNode node, FileSummary f) {
        node.put("file", f.file())
                .put("client", f.client())
                .put("scope", f.scope())
                .put("tracked", f.tracked())
                .put("ignored", f.ignored())
                .put("servers", f.servers())
                .put("error", f.error());
    }

    private static void server(ObjectNode node, ServerSummary s) {
        node.put("file", s.file())
                .put("name", s.name())
                .put("client", s.client())
                .put("transport", s.transport())
                .put("command", s.command())
                .put("url", s.url())
                .put("packageName", s.packageName())
                .put("packageVersion", s.packageVersion());
    }

    private static void credential(ObjectNode node, CredentialSummary c) {
        node.put("file", c.file())
                .put("line", c.line())
                .put("server", c.server())
                .put("client", c.client())
                .put("location", c.location())
                .put("kind", c.kind())
                .put("tier", c.tier())
                .put("masked", c.masked())
                .put("tracked", c.tracked());
    }

    private static ObjectNode finding(ObjectNode node, Finding f) {
        return node.put("ruleId", f.ruleId())
                .put("checklist", f.checklist())
                .put("severity", f.severity().id())
                .put("title", f.title())
                .put("message", f.message())
                .put("file", f.file())
                .put("line", f.line())
                .put("column", f.column())
                .put("server", f.server())
                .put("client", f.client())
                .put("commit", f.commit())
                .put("remediation", f.remediation())
                .put("fingerprint", f.fingerprint())
                .put("bundle", f.bundle());
    }

    /** The bundles applied and every rule turned off or re-rated, with who decided it and why. */
    private static void policy(ObjectNode node, ScanResult result) {
        ArrayNode bundles = node.putArray("bundles");
        for (AppliedBundle b : orEmpty(result.bundles())) {
            bundles.addObject()
                    .put("id", b.id())
                    .put("version", b.version())
                    .put("origin", b.origin())
                    .put("sha256", b.sha256());
        }
        ArrayNode overrides = node.putArray("overrides");
        for (RuleOverride o : orEmpty(result.overrides())) {
            overrides
                    .addObject()
                    .put("kind", o.kind())
                    .put("ruleId", o.rule())
                    .put("via", o.via())
                    .put("from", o.from() == null ? null : o.from().id())
                    .put("to", o.to() == null ? null : o.to().id())
                    .put("source", o.source())
                    .put("reason", o.reason());
        }
    }

    private static void warning(ObjectNode node, ScanWarning w) {
        node.put("file", w.file()).put("line", w.line()).put("message", w.message());
    }

    private static void summary(ObjectNode node, ScanResult result) {
        node.put("files", orEmpty(result.files()).size())
                .put("servers", orEmpty(result.servers()).size())
                .put("findings", orEmpty(result.findings()).size());
        ObjectNode bySeverity = node.putObject("bySeverity");
        result.countBySeverity().forEach((severity, count) -> bySeverity.put(severity.id(), count));
        node.put("durationMs", result.durationMs());
    }
}
