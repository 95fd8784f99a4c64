package dev.mcpsec.report;

import static dev.mcpsec.report.ReportSupport.orEmpty;
import static dev.mcpsec.report.ReportSupport.plural;

import dev.mcpsec.api.CredentialSummary;
import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.ServerSummary;
import dev.mcpsec.api.Severity;
import dev.mcpsec.api.SuppressedFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained HTML page (inline CSS, no scripts, no external assets) to archive or attach to
 * a build.
 */
final class HtmlReporter implements Reporter {

    static final HtmlReporter INSTANCE = new HtmlReporter();

    // No script, font, image or frame may load even if escaping were ever bypassed.
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'";
    private static final String STYLESHEET = Html.stylesheet();

    private HtmlReporter() {}

    @Override
    public void write(ScanResult result, OutputStream out, ReportOptions options)
            throws IOException {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>mcpsec report</title>\n<style>\n")
                .raw(STYLESHEET)
                .raw("</style>\n</head>\n<body>\n");
        h.raw("<header>\n<h1>mcpsec report</h1>\n<p class=\"meta\">")
                .element("code", null, result.root())
                .raw(" &middot; ")
                .text(plural(orEmpty(result.files()).size(), "file"))
                .raw(" &middot; ")
                .text(plural(orEmpty(result.servers()).size(), "server"))
                .raw(" &middot; ")
                .text(result.durationMs())
                .raw(" ms &middot; mcpsec ")
                .text(ReportSupport.version(result, options))
                .raw("</p>\n</header>\n");
        overview(h, result);
        inventory(h, orEmpty(result.servers()));
        credentials(h, orEmpty(result.servers()), orEmpty(result.credentials()));
        findings(h, orEmpty(result.findings()));
        suppressed(h, orEmpty(result.suppressed()));
        problems(h, orEmpty(result.files()), orEmpty(result.warnings()));
        h.raw("</body>\n</html>\n");

        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(h.toString());
        w.flush();
    }

    private static void overview(Html h, ScanResult result) {
        h.raw("<section id=\"overview\">\n<h2>Overview</h2>\n<div class=\"cards\">\n");
        card(h, "total", "findings", orEmpty(result.findings()).size());
        result.countBySeverity()
                .forEach((severity, count) -> card(h, severity.id(), severity.id(), count));
        h.raw("</div>\n");
        Map<String, Map<Severity, Integer>> byChecklist =
                ReportSupport.byChecklist(orEmpty(result.findings()));
        if (!byChecklist.isEmpty()) {
            h.raw("<table class=\"checklist\">\n<thead><tr><th>Checklist</th>");
            for (Severity s : Severity.values()) {
                h.raw("<th class=\"num\">").text(s.id()).raw("</th>");
            }
            h.raw("<th class=\"num\">total</th></tr></thead>\n<tbody>\n");
            byChecklist.forEach(
                    (checklist, counts) -> {
                        h.raw("<tr>").codeCell(checklist);
                        counts.values()
                                .forEach(c -> h.raw("<td class=\"num\">").text(c).raw("</td>"));
                        h.raw("<td class=\"num\">")
                                .text(counts.values().stream().mapToInt(Integer::intValue).sum())
                                .raw("</td></tr>\n");
                    });
            h.raw("</tbody>\n</table>\n");
            RiskChart.render(h, byChecklist);
        }
        h.raw("</section>\n");
    }

    /**
     * Which credentials of which tier each server receives: the blast radius of each server at a
     * glance.
     */
    private static void credentials(
            Html h, List<ServerSummary> servers, List<CredentialSummary> credentials) {
        h.raw("<section id=\"credentials\">\n<h2>Credentials by server</h2>\n");
        if (servers.isEmpty() && credentials.isEmpty()) {
            h.raw("<p class=\"empty\">No MCP servers found.</p>\n</section>\n");
            return;
        }
        h.raw(
                        "<p class=\"meta\">Literal credentials each server receives, by tier (masked; references such as ")
                .raw("<code>${VAR}</code> are not credentials).</p>\n")
                .raw(
                        "<table class=\"credentials\">\n<thead><tr><th>Server</th><th>File</th><th>Credentials</th>")
                .raw("</tr></thead>\n<tbody>\n");
        Map<String, List<CredentialSummary>> byServer = new java.util.LinkedHashMap<>();
        for (ServerSummary s : servers) {
            byServer.putIfAbsent(s.file() + "\u0000" + s.name(), new java.util.ArrayList<>());
        }
        for (CredentialSummary c : credentials) {
            byServer.computeIfAbsent(
                            c.file() + "\u0000" + ReportSupport.nullToEmpty(c.server()),
                            k -> new java.util.ArrayList<>())
                    .add(c);
        }
        byServer.forEach(
                (key, list) -> {
                    String file = key.substring(0, key.indexOf('\u0000'));
                    String server = key.substring(key.indexOf('\u0000') + 1);
                    h.raw("<tr><td>");
                    if (server.isEmpty()) {
                        h.raw("<span class=\"meta\">(outside any server)</span>");
                    } else {
                        h.element("strong", null, server);
                    }
                    h.raw("</td>").codeCell(file).raw("<td>");
                    if (list.isEmpty()) {
                        h.raw("<span class=\"meta\">none</span>");
                    }
                    for (CredentialSummary c : list) {
                        String tier = Tier.css(c.tier());
                        h.raw("<div class=\"cred\">")
                                .element(
                                        "span", "tier " + tier, ReportSupport.nullToEmpty(c.tier()))
                                .raw(" ")
                                .element("code", null, c.masked())
                                .raw(" <span class=\"meta\">")
                                .text(c.kind())
                                .raw(" in ")
                                .text(c.location())
                                .text(c.line() > 0 ? " (line " + c.line() + ")" : "")
                                .raw("</span></div>");
                    }
                    h.raw("</td></tr>\n");
                });
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    /** The CSS class of a credential tier: a fixed set, so scan data never reaches an attribute. */
    static final class Tier {
        private Tier() {}

        static String css(String tier) {
            String t = tier == null ? "" : tier;
            return switch (t) {
                case "live", "admin" -> "t-" + t;
                case "test", "dev", "public" -> "t-" + t;
                default -> "t-unknown";
            };
        }
    }

    private static void card(Html h, String css, String label, int count) {
        h.raw("<div class=\"card " + css + "\"><span class=\"count\">")
                .text(count)
                .raw("</span> <span class=\"label\">")
                .text(label)
                .raw("</span></div>\n");
    }

    private static void inventory(Html h, List<ServerSummary> servers) {
        h.raw("<section id=\"servers\">\n<h2>Servers</h2>\n");
        if (servers.isEmpty()) {
            h.raw("<p class=\"empty\">No MCP servers found.</p>\n");
        }
        Map<String, List<ServerSummary>> byClient = new TreeMap<>();
        servers.forEach(
                s ->
                        byClient.computeIfAbsent(
                                        ReportSupport.nullToEmpty(s.client()),
                                        k -> new java.util.ArrayList<>())
                                .add(s));
        byClient.forEach(
                (client, list) -> {
                    h.raw("<h3>")
                            .text(client.isEmpty() ? "(unknown client)" : client)
                            .raw(" <span class=\"meta\">")
                            .text(plural(list.size(), "server"))
                            .raw("</span></h3>\n");
                    h.raw(
                                    "<table class=\"inventory\">\n<thead><tr><th>File</th><th>Server</th><th>Transport</th>")
                            .raw("<th>Command / URL</th><th>Package</th></tr></thead>\n<tbody>\n");
                    for (ServerSummary s : list) {
                        String pkg =
                                s.packageName() == null
                                        ? null
                                        : s.packageVersion() == null
                                                ? s.packageName()
                                                : s.packageName() + "@" + s.packageVersion();
                        h.raw("<tr>")
                                .codeCell(s.line() > 0 ? s.file() + ":" + s.line() : s.file())
                                .raw("<td>")
                                .element("strong", null, s.name())
                                .raw(s.disabled() ? " <span class=\"meta\">(disabled)</span>" : "")
                                .raw("</td>")
                                .raw("<td>")
                                .text(s.transport())
                                .raw("</td>")
                                .codeCell(s.command() != null ? s.command() : s.url())
                                .codeCell(pkg)
                                .raw("</tr>\n");
                    }
                    h.raw("</tbody>\n</table>\n");
                });
        h.raw("</section>\n");
    }

    private static void findings(Html h, List<Finding> findings) {
        h.raw("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (findings.isEmpty()) {
            h.raw("<p class=\"empty\">No findings.</p>\n");
        }
        ReportSupport.byFile(findings)
                .forEach(
                        (file, list) -> {
                            h.raw("<h3>").element("code", null, file).raw("</h3>\n");
                            for (Finding f : list) {
                                String severity = f.severity().id();
                                h.raw(
                                                "<div class=\"finding "
                                                        + severity
                                                        + "\">\n<div class=\"head\">")
                                        .element("span", "badge " + severity, severity)
                                        .raw(" ")
                                        .element(
                                                "span",
                                                "pos",
                                                ReportSupport.position(f.line(), f.column()))
                                        .raw(" ");
                                if (f.server() != null) {
                                    h.raw("<span>server ")
                                            .element("code", null, f.server())
                                            .raw("</span> ");
                                }
                                h.element("code", null, f.checklist())
                                        .raw(" ")
                                        .element("span", "meta", f.ruleId())
                                        .raw("</div>\n");
                                h.raw("<p class=\"msg\">").text(f.message());
                                if (f.commit() != null) {
                                    h.raw(" (commit ")
                                            .element(
                                                    "code",
                                                    null,
                                                    ReportSupport.shortCommit(f.commit()))
                                            .raw(")");
                                }
                                h.raw("</p>\n");
                                if (f.remediation() != null && !f.remediation().isBlank()) {
                                    h.raw("<p class=\"fix\"><strong>Fix:</strong> ")
                                            .text(f.remediation())
                                            .raw("</p>\n");
                                }
                                h.raw("</div>\n");
                            }
                        });
        h.raw("</section>\n");
    }

    private static void suppressed(Html h, List<SuppressedFinding> suppressed) {
        if (suppressed.isEmpty()) {
            return;
        }
        h.raw("<section id=\"suppressed\">\n<h2>Suppressed</h2>\n<p>")
                .text(ReportSupport.suppressedSummary(suppressed))
                .raw(
                        "</p>\n<table>\n<thead><tr><th>Severity</th><th>File</th><th>Rule</th><th>Server</th>")
                .raw("<th>Reason</th></tr></thead>\n<tbody>\n");
        for (SuppressedFinding s : suppressed) {
            Finding f = s.finding();
            h.raw("<tr><td>")
                    .element("span", "badge " + f.severity().id(), f.severity().id())
                    .raw("</td>")
                    .codeCell(ReportSupport.fileOf(f.file()) + (f.line() > 0 ? ":" + f.line() : ""))
                    .codeCell(f.ruleId())
                    .codeCell(f.server())
                    .raw("<td>")
                    .text(s.reason())
                    .raw("</td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    private static void problems(Html h, List<FileSummary> files, List<ScanWarning> warnings) {
        List<FileSummary> broken = files.stream().filter(f -> f.error() != null).toList();
        if (broken.isEmpty() && warnings.isEmpty()) {
            return;
        }
        h.raw(
                "<section id=\"problems\">\n<h2>Parse errors and warnings</h2>\n<ul class=\"problems\">\n");
        for (FileSummary f : broken) {
            h.raw("<li><span class=\"error\">parse error</span> ")
                    .element("code", null, ReportSupport.fileOf(f.file()))
                    .raw(": ")
                    .text(f.error())
                    .raw("</li>\n");
        }
        for (ScanWarning w : warnings) {
            h.raw("<li>warning ");
            if (w.file() != null) {
                h.element("code", null, w.file() + (w.line() > 0 ? ":" + w.line() : "")).raw(": ");
            }
            h.text(w.message()).raw("</li>\n");
        }
        h.raw("</ul>\n</section>\n");
    }
}
