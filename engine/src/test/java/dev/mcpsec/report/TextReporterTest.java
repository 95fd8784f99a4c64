package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    @Test
    void withoutColor_noAnsiEscapeIsWritten() {
        String text =
                ReportFixtures.render(
                        ReportFormat.TEXT,
                        ReportFixtures.sample(),
                        new ReportOptions(false, true, null));
        assertThat(text).doesNotContain("\u001b");
    }

    @Test
    void withColor_severitiesAreColoured() {
        String text =
                ReportFixtures.render(
                        ReportFormat.TEXT,
                        ReportFixtures.sample(),
                        new ReportOptions(true, false, null));
        assertThat(text).contains("\u001b[1;31mCRITICAL\u001b[0m");
    }

    @Test
    void findingsOfAFile_areSortedBySeverityThenLine() {
        String text = ReportFixtures.render(ReportFormat.TEXT, ReportFixtures.sample());
        assertThat(text)
                .containsSubsequence(
                        "CRITICAL  7:30", "HIGH      9 ", "HIGH      15:12", "LOW       6:18");
    }

    @Test
    void files_withTheWorstFindingComeFirst_thenByName() {
        Finding info =
                ReportFixtures.finding(
                        "MCP-REV-003",
                        "source-reviewed",
                        Severity.INFO,
                        "t",
                        "advice",
                        "alpha/.mcp.json",
                        1,
                        1,
                        "time",
                        null,
                        "review it");
        Finding high =
                ReportFixtures.finding(
                        "MCP-GIT-001",
                        "committed-secrets",
                        Severity.HIGH,
                        "t",
                        "a leaked key",
                        "beta/.mcp.json",
                        3,
                        5,
                        "pay",
                        null,
                        "revoke it");
        Finding low =
                ReportFixtures.finding(
                        "MCP-PIN-001",
                        "pinned-versions",
                        Severity.LOW,
                        "t",
                        "unpinned",
                        "gamma/.mcp.json",
                        2,
                        3,
                        "fs",
                        null,
                        "pin it");
        String text =
                ReportFixtures.render(
                        ReportFormat.TEXT, ReportFixtures.withFindings(List.of(info, high, low)));
        assertThat(text)
                .as("alphabetical order would put alpha/.mcp.json (info only) first")
                .containsSubsequence("\nbeta/.mcp.json", "\ngamma/.mcp.json", "\nalpha/.mcp.json");
    }

    @Test
    void eachFinding_showsPositionServerChecklistMessageAndFix() {
        String text = ReportFixtures.render(ReportFormat.TEXT, ReportFixtures.sample());
        assertThat(text)
                .contains(
                        "  CRITICAL  7:30   stripe  stripe-test-keys  Stripe secret key sk_live_…a1B2 in env"
                                + " STRIPE_SECRET_KEY is live tier\n"
                                + "            fix: Give MCP servers a test-mode key (sk_test_…) and rotate the live key.\n")
                .contains("(commit 9e8d7c6b5a4f)");
    }

    @Test
    void parseErrorsWarningsSuppressedAndSummary_areShown() {
        String text = ReportFixtures.render(ReportFormat.TEXT, ReportFixtures.sample());
        assertThat(text)
                .contains("parse error  line 4, column 3: unexpected character '}'")
                .contains(
                        "Warnings\n  ~/.cursor/mcp.json: file is larger than 1048576 bytes; skipped\n")
                .contains("2 suppressed by baseline, 1 by config")
                .endsWith(
                        "7 findings (2 critical, 2 high, 2 medium, 1 low, 0 info) in 4 files, 4 servers scanned"
                                + " in 412 ms\n");
    }

    @Test
    void verbose_listsCleanFilesAndEachSuppressedFindingWithItsReason() {
        ScanResult clean = ReportFixtures.withFindings(List.of());
        assertThat(ReportFixtures.render(ReportFormat.TEXT, clean)).doesNotContain("no findings");
        assertThat(
                        ReportFixtures.render(
                                ReportFormat.TEXT, clean, new ReportOptions(false, true, null)))
                .contains(
                        ".mcp.json  (claude-code, project, 2 servers, tracked by git)\n  no findings\n");
        assertThat(
                        ReportFixtures.render(
                                ReportFormat.TEXT,
                                ReportFixtures.sample(),
                                new ReportOptions(false, true, null)))
                .contains("~/.claude.json:20:5  MCP-REVIEW-001  internal docs server");
    }

    @Test
    void controlCharactersInConfigValues_areShownEscapedNotSentToTheTerminal() {
        ScanResult hostile =
                ReportFixtures.withFindings(
                        List.of(
                                ReportFixtures.finding(
                                        "R-1",
                                        "pinned-versions",
                                        dev.mcpsec.api.Severity.LOW,
                                        "t",
                                        "name \u001b[2J\u001b]0;pwned\u0007 end\nfake line",
                                        ".mcp.json",
                                        1,
                                        1,
                                        "srv\r",
                                        null,
                                        "fix")));
        String text = ReportFixtures.render(ReportFormat.TEXT, hostile);
        assertThat(text)
                .doesNotContain("\u001b")
                .doesNotContain("\u0007")
                .doesNotContain("\r")
                .contains("name \\u001b[2J\\u001b]0;pwned\\u0007 end\\u000afake line");
    }

    @Test
    void optionsVersion_overridesTheScanResultVersion() {
        assertThat(
                        ReportFixtures.render(
                                ReportFormat.TEXT,
                                ReportFixtures.sample(),
                                new ReportOptions(false, false, "9.9.9")))
                .startsWith("mcpsec 9.9.9  /home/dev/project\n");
    }

    @Test
    void repeatedFixes_andInfoAdviceOnManyServers_areGrouped_unlessVerbose() {
        java.util.List<dev.mcpsec.api.Finding> findings = new java.util.ArrayList<>();
        for (String server : java.util.List.of("a", "b", "c", "d")) {
            findings.add(
                    ReportFixtures.finding(
                            "MCP-PIN-001",
                            "pinned-versions",
                            dev.mcpsec.api.Severity.LOW,
                            "Package version is not pinned",
                            server + " is not pinned",
                            ".mcp.json",
                            3,
                            5,
                            server,
                            null,
                            "Pin the reviewed version."));
            findings.add(
                    ReportFixtures.finding(
                            "MCP-REV-003",
                            "source-reviewed",
                            dev.mcpsec.api.Severity.INFO,
                            "Server has no review entry",
                            server + " has no review entry",
                            ".mcp.json",
                            3,
                            5,
                            server,
                            null,
                            "Review the server."));
        }
        dev.mcpsec.api.ScanResult result = ReportFixtures.withFindings(findings);
        String text =
                ReportFixtures.render(
                        ReportFormat.TEXT, result, new ReportOptions(false, false, null));
        assertThat(text.split("fix: Pin the reviewed version.", -1)).hasSize(2);
        assertThat(text)
                .contains("a is not pinned", "d is not pinned")
                .contains(
                        "source-reviewed  4 servers (a, b, c, d): Server has no review entry (MCP-REV-003")
                .doesNotContain("b has no review entry");
        assertThat(text.split("fix: Review the server.", -1)).hasSize(2);
        String verbose =
                ReportFixtures.render(
                        ReportFormat.TEXT, result, new ReportOptions(false, true, null));
        assertThat(verbose.split("fix: Pin the reviewed version.", -1)).hasSize(5);
        assertThat(verbose).contains("b has no review entry");
    }
}
