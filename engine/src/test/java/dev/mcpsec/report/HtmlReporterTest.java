package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlReporterTest {

    private final String html = ReportFixtures.render(ReportFormat.HTML, ReportFixtures.sample());
    private final Document doc = Jsoup.parse(html);

    @Test
    void page_loadsNothingFromOutside() {
        assertThat(doc.select("[src], link, script, iframe, object, embed, img")).isEmpty();
        assertThat(doc.select("[href]")).isEmpty();
        assertThat(doc.select("style")).hasSize(1);
        assertThat(doc.select("style").html()).doesNotContain("url(").doesNotContain("@import");
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .startsWith("default-src 'none'");
    }

    @Test
    void hostileServerNames_areEscapedText() {
        assertThat(html)
                .doesNotContain(ReportFixtures.HOSTILE_SERVER)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(doc.select("#servers td strong").eachText())
                .contains(ReportFixtures.HOSTILE_SERVER);
        assertThat(doc.select("#findings code").eachText()).contains(ReportFixtures.HOSTILE_SERVER);
    }

    @Test
    void overview_showsCountsBySeverityAndChecklist() {
        assertThat(doc.select("#overview .card").eachText())
                .containsExactly(
                        "7 findings", "2 critical", "2 high", "2 medium", "1 low", "0 info");
        Element row =
                doc.select("#overview table.checklist tr:has(code:containsOwn(dev-database))")
                        .first();
        assertThat(row).isNotNull();
        assertThat(row.select("td").eachText())
                .containsExactly("dev-database", "0", "1", "0", "0", "0", "1");
    }

    @Test
    void inventory_isGroupedByClientWithPackageAndVersion() {
        assertThat(doc.select("#servers h3").eachText()).containsExactly("claude-code 4 servers");
        assertThat(doc.select("#servers tbody tr").get(1).select("td").eachText())
                .containsExactly(
                        ".mcp.json:12",
                        "postgres",
                        "stdio",
                        "npx",
                        "@modelcontextprotocol/server-postgres@0.6.2");
        assertThat(doc.select("#servers tbody tr").get(3).select("td").stream().map(Element::text))
                .containsExactly(
                        "~/.claude.json:20",
                        "docs (disabled)",
                        "http",
                        "https://mcp.example.com/mcp",
                        "");
    }

    @Test
    void findings_areGroupedByFileWithTheirFix() {
        assertThat(doc.select("#findings h3").eachText())
                .containsExactly(".claude/settings.json", ".mcp.json", "~/.claude.json");
        assertThat(doc.select("#findings .finding")).hasSize(7);
        assertThat(doc.select("#findings .finding .head").eachText())
                .contains("high 15:12 server postgres dev-database MCP-DB-001");
        assertThat(doc.select("#findings .finding").first().select(".fix").text())
                .isEqualTo("Fix: Remove enableAllProjectMcpServers or set it to false.");
    }

    @Test
    void suppressedParseErrorsAndWarnings_areListed() {
        assertThat(doc.select("#suppressed tbody tr")).hasSize(3);
        assertThat(doc.select("#suppressed td").eachText()).contains("internal docs server");
        assertThat(doc.select("#problems li").eachText())
                .containsExactly(
                        "parse error .cursor/mcp.json: line 4, column 3: unexpected character '}' (expected a value)",
                        "warning ~/.cursor/mcp.json: file is larger than 1048576 bytes; skipped",
                        "warning git history not scanned: the repository is a shallow clone");
    }

    @Test
    void cleanScan_saysSoAndOmitsEmptySections() {
        Document clean =
                Jsoup.parse(
                        ReportFixtures.render(
                                ReportFormat.HTML, ReportFixtures.withFindings(List.of())));
        assertThat(clean.select("#findings .empty").text()).isEqualTo("No findings.");
        assertThat(clean.select("#suppressed")).isEmpty();
    }

    @Test
    void chart_hasOneBarPerChecklistId_withSeveritySegmentsAndCounts() {
        org.jsoup.nodes.Document doc =
                org.jsoup.Jsoup.parse(
                        ReportFixtures.render(ReportFormat.HTML, ReportFixtures.sample()));
        org.jsoup.select.Elements rows = doc.select("figure.chart svg g.row");
        // the sample's findings span 7 checklist ids
        assertThat(rows).hasSize(7);
        assertThat(rows.select("text.label").eachText())
                .contains("committed-secrets", "stripe-test-keys");
        assertThat(doc.select("figure.chart rect.sev.critical title").eachText())
                .contains("committed-secrets: 1 critical", "stripe-test-keys: 1 critical");
        // the chart is inline SVG: no script, no external reference
        assertThat(doc.select("figure.chart script, figure.chart image, figure.chart use"))
                .isEmpty();
    }

    @Test
    void credentialsByServer_listsTiersAndMaskedValuesOnly_andEscapesServerNames() {
        String html = ReportFixtures.render(ReportFormat.HTML, ReportFixtures.sample());
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html);
        org.jsoup.select.Elements rows =
                doc.select("section#credentials table.credentials tbody tr");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).text())
                .contains("stripe", "LIVE".toLowerCase(), "sk_live_…a1B2", "env.STRIPE_SECRET_KEY");
        assertThat(rows.get(0).select("span.tier.t-live")).hasSize(1);
        assertThat(doc.select("span.tier.t-test")).hasSize(1);
        // a server without literal credentials says so
        assertThat(rows.get(3).text()).contains("docs", "none");
        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>x");
    }

    @Test
    void stylesheet_coversDarkModeAndPrint() {
        String html = ReportFixtures.render(ReportFormat.HTML, ReportFixtures.sample());
        assertThat(html)
                .contains(
                        "@media (prefers-color-scheme: dark)",
                        "@media print",
                        "print-color-adjust: exact");
    }
}
