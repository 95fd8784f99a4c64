package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {

    @Test
    void pipesAndBackticksInCells_doNotBreakTheTableRow() {
        Finding hostile =
                ReportFixtures.finding(
                        "R-1",
                        "pinned-versions",
                        Severity.LOW,
                        "t",
                        "runs `npx | sh` and ``more``",
                        ".mcp.json",
                        3,
                        4,
                        "a|b`c",
                        null,
                        "use | not `x`");
        String md =
                ReportFixtures.render(
                        ReportFormat.MARKDOWN, ReportFixtures.withFindings(List.of(hostile)));
        String row = md.lines().filter(l -> l.startsWith("| **low**")).findFirst().orElseThrow();

        assertThat(row)
                .isEqualTo(
                        "| **low** | 3:4 | `` a\\|b`c `` | `pinned-versions` runs \\`npx \\| sh\\` and"
                                + " \\`\\`more\\`\\` | use \\| not \\`x\\` |");
        assertThat(cellCount(row)).isEqualTo(5);
    }

    @Test
    void markupInConfigValues_rendersAsPlainText() {
        assertThat(
                        MarkdownText.text(
                                "[click](https://evil.example) *bold* <img src=x> ~~gone~~ a\\b"))
                .isEqualTo(
                        "\\[click\\](https://evil.example) \\*bold\\* \\<img src=x\\> \\~\\~gone\\~\\~ a\\\\b");
        assertThat(MarkdownText.text("_emphasis_ but ENV_VAR_NAME"))
                .isEqualTo("\\_emphasis\\_ but ENV_VAR_NAME");
        assertThat(MarkdownText.text("line one\nline two")).isEqualTo("line one line two");
        assertThat(MarkdownText.text("&lt; stays")).isEqualTo("&amp;lt; stays");
    }

    @Test
    void npmScopes_doNotMentionGithubUsers() {
        assertThat(MarkdownText.text("package @stripe/mcp"))
                .isEqualTo("package @&#8203;stripe/mcp");
        assertThat(MarkdownText.code("@stripe/mcp", false)).isEqualTo("`@stripe/mcp`");
    }

    @Test
    void codeSpans_useALongerFenceThanTheirContent() {
        assertThat(MarkdownText.code("a``b", false)).isEqualTo("``` a``b ```");
        assertThat(MarkdownText.code("`x`", false)).isEqualTo("`` `x` ``");
        assertThat(MarkdownText.code("a|b", false)).isEqualTo("`a|b`");
        assertThat(MarkdownText.code("a|b", true)).isEqualTo("`a\\|b`");
    }

    @Test
    void report_hasSeverityAndChecklistTablesAndFindingsByFile() {
        String md = ReportFixtures.render(ReportFormat.MARKDOWN, ReportFixtures.sample());
        assertThat(md)
                .startsWith("# mcpsec report\n")
                .contains(
                        "| critical | 2 |\n| high | 2 |\n| medium | 2 |\n| low | 1 |\n| info | 0 |\n")
                .contains("| `stripe-test-keys` | 1 | 0 | 0 | 0 | 0 | 1 |")
                .containsSubsequence(
                        "### `.claude/settings.json`", "### `.mcp.json`", "### `~/.claude.json`")
                .contains("_2 suppressed by baseline, 1 by config._")
                .contains("## Parse errors\n\n- `.cursor/mcp.json`: line 4, column 3")
                .contains("## Warnings\n\n- `~/.cursor/mcp.json`: file is larger");
    }

    @Test
    void cleanScan_saysSo() {
        assertThat(
                        ReportFixtures.render(
                                ReportFormat.MARKDOWN, ReportFixtures.withFindings(List.of())))
                .contains("## Findings\n\nNo findings.\n")
                .doesNotContain("## By checklist");
    }

    /** Counts cells the way GFM does: split on pipes not preceded by a backslash. */
    private static int cellCount(String row) {
        String inner = row.substring(1, row.length() - 1);
        return inner.split("(?<!\\\\)\\|", -1).length;
    }
}
