package dev.mcpsec.fleet;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.Severity;
import dev.mcpsec.report.Html;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The org dashboard a security lead reads: totals and trend, repositories by worst severity, a
 * repository × checklist-id matrix, credentials shared between repositories (by fingerprint), and
 * the repositories that could not be scanned. Self-contained (inline stylesheet, no script); every
 * value from the scanned repositories is escaped.
 */
final class OrgReportHtml {
    private static final String EXTRA_CSS =
            """
            td.cell { text-align: center; font-weight: 600; }
            td.cell.critical, td.cell.high, td.cell.medium, td.cell.low, td.cell.info { border-left-width: 4px; }
            .matrix th.rot { font-size: 11px; font-weight: 600; }
            .matrix td:first-child code, .repos td:first-child code { word-break: normal; white-space: nowrap; }
            .up { color: var(--critical); } .down { color: #1a7f37; }
            @media print { body { max-width: none; padding: 0; } }
            """;

    private OrgReportHtml() {}

    static String render(OrgReport r) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>mcpsec org report</title>\n<style>\n")
                .raw(Html.stylesheet())
                .raw(EXTRA_CSS)
                .raw("</style>\n</head>\n<body>\n");
        h.raw("<header>\n<h1>mcpsec org report</h1>\n<p class=\"meta\">mcpsec ")
                .text(r.toolVersion());
        if (r.run() != null) {
            h.raw(" · ").text(r.run().generatedAt());
            if (r.run().shard() != null) {
                h.raw(" · shard ").text(r.run().shard());
            }
        }
        h.raw(" · bundles: ");
        List<String> bundles = new ArrayList<>();
        r.bundles().forEach(b -> bundles.add(b.id() + "@" + b.version()));
        h.text(String.join(", ", bundles)).raw("</p>\n</header>\n");
        overview(h, r);
        repositories(h, r);
        matrix(h, r);
        shared(h, r);
        failures(h, r);
        h.raw("</body>\n</html>\n");
        return h.toString();
    }

    private static void overview(Html h, OrgReport r) {
        OrgReport.Summary s = r.summary();
        h.raw("<section id=\"overview\">\n<h2>Overview</h2>\n<div class=\"cards\">\n");
        card(h, "total", s.repositories(), "repositories");
        card(h, "total", s.withFindings(), "with findings");
        card(h, s.failed() > 0 ? "critical" : "total", s.failed(), "not scanned");
        for (Severity sev : Severity.values()) {
            card(h, sev.id(), s.worst().getOrDefault(sev.id(), 0), "worst " + sev.id());
        }
        h.raw("</div>\n<p>Findings by severity: ");
        List<String> parts = new ArrayList<>();
        s.bySeverity().forEach((k, v) -> parts.add(k + " " + v));
        h.text(String.join(" · ", parts)).raw("</p>\n");
        if (r.trend() != null) {
            OrgReport.Trend t = r.trend();
            h.raw("<p>Since the previous report");
            if (t.previousGeneratedAt() != null) {
                h.raw(" (").text(t.previousGeneratedAt()).raw(")");
            }
            h.raw(": <span class=\"up\">")
                    .text(t.newFindings())
                    .raw(" new</span>, <span class=\"down\">")
                    .text(t.resolvedFindings())
                    .raw(" resolved</span>; ");
            List<String> deltas = new ArrayList<>();
            t.bySeverity().forEach((k, v) -> deltas.add(k + " " + (v > 0 ? "+" : "") + v));
            h.text(String.join(" · ", deltas)).raw("</p>\n");
        }
        h.raw("</section>\n");
    }

    private static void card(Html h, String css, long count, String label) {
        h.raw("<div class=\"card " + css + "\"><span class=\"count\">")
                .text(count)
                .raw("</span> <span class=\"label\">")
                .text(label)
                .raw("</span></div>\n");
    }

    private static void repositories(Html h, OrgReport r) {
        h.raw("<section id=\"repositories\">\n<h2>Repositories by worst severity</h2>\n");
        List<RepoRecord> repos = new ArrayList<>(r.repositories());
        repos.sort(
                Comparator.comparing((RepoRecord x) -> x.error() == null ? 1 : 0)
                        .thenComparing(
                                x ->
                                        x.worst() == null
                                                ? Severity.values().length
                                                : x.worst().ordinal())
                        .thenComparing(x -> -x.findings().size())
                        .thenComparing(RepoRecord::name));
        h.raw("<table class=\"repos\">\n<thead><tr><th>Repository</th><th>Kind</th><th>Worst</th>");
        for (Severity s : Severity.values()) {
            h.raw("<th class=\"num\">").text(s.id()).raw("</th>");
        }
        h.raw("</tr></thead>\n<tbody>\n");
        for (RepoRecord repo : repos) {
            h.raw("<tr><td>")
                    .element("code", null, repo.name())
                    .raw("</td><td>")
                    .text(repo.kind())
                    .raw("</td><td>");
            if (repo.error() != null) {
                h.element("span", "error", "not scanned");
            } else if (repo.worst() != null) {
                h.raw("<span class=\"badge " + repo.worst().id() + "\">")
                        .text(repo.worst().id())
                        .raw("</span>");
            } else {
                h.element("span", "meta", "clean");
            }
            h.raw("</td>");
            Map<Severity, Integer> counts = new java.util.EnumMap<>(Severity.class);
            repo.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
            for (Severity s : Severity.values()) {
                h.raw("<td class=\"num\">").text(counts.getOrDefault(s, 0)).raw("</td>");
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    private static void matrix(Html h, OrgReport r) {
        TreeSet<String> checklists = new TreeSet<>();
        r.repositories()
                .forEach(repo -> repo.findings().forEach(f -> checklists.add(f.checklist())));
        h.raw("<section id=\"matrix\">\n<h2>Repositories × checklist</h2>\n");
        if (checklists.isEmpty()) {
            h.raw("<p class=\"empty\">No findings in any repository.</p>\n</section>\n");
            return;
        }
        h.raw("<table class=\"matrix\">\n<thead><tr><th>Repository</th>");
        for (String c : checklists) {
            h.raw("<th class=\"rot\">").text(c).raw("</th>");
        }
        h.raw("</tr></thead>\n<tbody>\n");
        for (RepoRecord repo : r.repositories()) {
            if (repo.findings().isEmpty()) {
                continue;
            }
            Map<String, List<Finding>> by = new TreeMap<>();
            repo.findings()
                    .forEach(f -> by.computeIfAbsent(f.checklist(), k -> new ArrayList<>()).add(f));
            h.raw("<tr><td>").element("code", null, repo.name()).raw("</td>");
            for (String c : checklists) {
                List<Finding> fs = by.get(c);
                if (fs == null) {
                    h.raw("<td></td>");
                } else {
                    Severity worst =
                            fs.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow();
                    h.raw(
                                    "<td class=\"cell "
                                            + worst.id()
                                            + "\" title=\"worst: "
                                            + worst.id()
                                            + "\">")
                            .text(fs.size())
                            .raw("</td>");
                }
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    private static void shared(Html h, OrgReport r) {
        h.raw("<section id=\"shared\">\n<h2>Credentials in more than one repository</h2>\n");
        if (r.sharedCredentials().isEmpty()) {
            h.raw(
                    "<p class=\"empty\">No credential appears in more than one repository.</p>\n</section>\n");
            return;
        }
        h.raw(
                        "<p class=\"meta\">Identified by a salted fingerprint; values are never stored or shown.</p>\n")
                .raw(
                        "<table class=\"shared\">\n<thead><tr><th>Fingerprint</th><th>Kind</th><th>Tier</th>")
                .raw("<th>Masked</th><th>Repositories</th></tr></thead>\n<tbody>\n");
        for (OrgReport.SharedCredential c : r.sharedCredentials()) {
            h.raw("<tr><td>")
                    .element(
                            "code",
                            null,
                            c.fingerprint().substring(0, Math.min(16, c.fingerprint().length())))
                    .raw("</td><td>")
                    .text(c.kind())
                    .raw("</td><td>")
                    .text(c.tier())
                    .raw("</td><td>")
                    .element("code", null, c.masked())
                    .raw("</td><td>")
                    .text(String.join(", ", c.repositories()))
                    .raw("</td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    private static void failures(Html h, OrgReport r) {
        List<RepoRecord> failed = r.repositories().stream().filter(x -> x.error() != null).toList();
        if (failed.isEmpty()) {
            return;
        }
        h.raw(
                "<section id=\"failed\">\n<h2>Repositories not scanned</h2>\n<ul class=\"problems\">\n");
        for (RepoRecord f : failed) {
            h.raw("<li>").element("code", null, f.name()).raw(": ").text(f.error()).raw("</li>\n");
        }
        h.raw("</ul>\n</section>\n");
    }
}
