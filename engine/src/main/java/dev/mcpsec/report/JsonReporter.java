package dev.mcpsec.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.ServerSummary;
import dev.mcpsec.api.SuppressedFinding;

import java.io.IOException;
import java.io.OutputStream;

import static dev.mcpsec.report.ReportSupport.orEmpty;

/** The machine-readable report; its shape is a public contract (docs/cli.md, "The JSON report"), fields in a fixed order. */
final class JsonReporter implements Reporter {

    static final JsonReporter INSTANCE = new JsonReporter();

    private JsonReporter() {
    }

    @Override
    public void write(ScanResult result, OutputStream out, ReportOptions options) throws IOException {
        ObjectNode root = JsonSupport.object();
        root.putObject("tool").put("name", "mcpsec").put("version", ReportSupport.version(result, options));
        root.put("root", result.root());
        ArrayNode files = root.putArray("files");
        orEmpty(result.files()).forEach(f -> file(files.addObject(), f));
        ArrayNode servers = root.putArray("servers");
        orEmpty(result.servers()).forEach(s -> server(servers.addObject(), s));
        ArrayNode findings = root.putArray("findings");
        orEmpty(result.findings()).forEach(f -> finding(findings.addObject(), f));
        ArrayNode suppressed = root.putArray("suppressed");
        for (SuppressedFinding s : orEmpty(result.suppressed())) {
            finding(suppressed.addObject(), s.finding()).put("reason", s.reason());
        }
        ArrayNode warnings = root.putArray("warnings");
        orEmpty(result.warnings()).forEach(w -> warning(warnings.addObject(), w));
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
