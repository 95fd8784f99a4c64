package dev.mcpsec.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.engine.Mcpsec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcpsec test} cannot pass while checking nothing: strict expected.json, exhaustive cases,
 * pinned dates.
 */
class BundleTestStrictnessTest {
    private static final String RULES =
            """
            package org.acme
            import dev.mcpsec.facts.McpServer
            import dev.mcpsec.facts.RotationRecord
            rule "ACME-001 weather"
                @id("ACME-001") @severity("high") @checklist("trusted-publishers")
                @title("The weather server is banned") @message("{name} is banned")
            when
                $s : McpServer( packageName == "weather-mcp-unofficial" )
            then
            end
            rule "ACME-002 rotation overdue"
                @id("ACME-002") @severity("medium") @checklist("key-rotation")
                @title("Rotation is overdue") @message("{server} is overdue")
            when
                $r : RotationRecord( overdue )
            then
            end
            rule "ACME-003 untested"
                @id("ACME-003") @severity("low") @checklist("least-privilege")
                @title("Never tested") @message("{name}")
            when
                $s : McpServer( name == "never-configured-anywhere" )
            then
            end
            """;
    private static final String WEATHER =
            """
            {"mcpServers": {"weather": {"command": "npx", "args": ["-y", "weather-mcp-unofficial@1.0.0"]}}}
            """;

    @TempDir Path dir;
    Path bundle;

    @BeforeEach
    void setUp() throws IOException {
        bundle = dir.resolve("acme/META-INF/mcpsec");
        Files.createDirectories(bundle.resolve("policies"));
        Files.writeString(
                bundle.resolve("bundle.json"), "{\"id\": \"acme\", \"version\": \"1.0.0\"}");
        Files.writeString(bundle.resolve("policies/acme.drl"), RULES);
    }

    private void testCase(String name, String mcpJson, String expected) throws IOException {
        Path c = bundle.resolve("tests").resolve(name);
        Files.createDirectories(c);
        if (mcpJson != null) {
            Files.writeString(c.resolve(".mcp.json"), mcpJson);
        }
        Files.writeString(c.resolve("expected.json"), expected);
    }

    private BundleTestReport run() {
        Path root = dir.resolve("acme");
        return Mcpsec.create().testBundle(root, ScanRequest.builder(root).history(false).build());
    }

    private BundleTestReport.CaseResult only(BundleTestReport report, String name) {
        return report.cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aTypoInExpectedJson_failsTheCaseWithFileAndLine() throws IOException {
        testCase(
                "typo",
                WEATHER,
                "{\n  \"expect\": [],\n  \"expectNott\": [{\"ruleId\": \"ACME-001\"}]\n}");
        testCase("entry-typo", WEATHER, "{\"expect\": [\n {\"ruleid\": \"ACME-001\"}]}");
        BundleTestReport report = run();
        assertThat(only(report, "typo").passed()).isFalse();
        assertThat(only(report, "typo").problems())
                .singleElement()
                .asString()
                .contains("tests/typo/expected.json:3: unknown key \"expectNott\"")
                .contains("did you mean \"expectNot\"?");
        assertThat(only(report, "entry-typo").problems())
                .singleElement()
                .asString()
                .contains("tests/entry-typo/expected.json:2: unknown key \"ruleid\"")
                .contains("did you mean \"ruleId\"?");
    }

    @Test
    void anExhaustiveCase_failsOnAFindingNoExpectationNames() throws IOException {
        testCase("loose", WEATHER, "{\"expect\": []}");
        testCase("exhaustive", WEATHER, "{\"expect\": [], \"exhaustive\": true}");
        testCase(
                "exhaustive-ok",
                WEATHER,
                "{\"expect\": [{\"ruleId\": \"ACME-001\", \"server\": \"weather\"}], \"exhaustive\": true}");
        BundleTestReport report = run();
        assertThat(only(report, "loose").passed()).isTrue();
        assertThat(only(report, "exhaustive").problems())
                .singleElement()
                .asString()
                .contains("unexpected: ACME-001")
                .contains("the case is exhaustive");
        assertThat(only(report, "exhaustive-ok").passed()).isTrue();
    }

    @Test
    void aCaseCanPinTheScanDate() throws IOException {
        Files.createDirectories(bundle.resolve("tests/early/.mcpsec"));
        Files.createDirectories(bundle.resolve("tests/late/.mcpsec"));
        String register =
                "{\"entries\": [{\"server\": \"weather\", \"variable\": \"KEY\", \"rotated\": \"2026-01-01\", \"every\": 30}]}";
        Files.writeString(bundle.resolve("tests/early/.mcpsec/rotation.json"), register);
        Files.writeString(bundle.resolve("tests/late/.mcpsec/rotation.json"), register);
        testCase(
                "early",
                WEATHER,
                "{\"today\": \"2026-01-15\", \"expect\": [], \"expectNot\": [{\"ruleId\": \"ACME-002\"}]}");
        testCase(
                "late",
                WEATHER,
                "{\"today\": \"2026-03-01\", \"expect\": [{\"ruleId\": \"ACME-002\"}]}");
        testCase("bad-date", WEATHER, "{\"today\": \"soon\", \"expect\": []}");
        BundleTestReport report = run();
        assertThat(only(report, "early").passed())
                .as(only(report, "early").problems().toString())
                .isTrue();
        assertThat(only(report, "late").passed())
                .as(only(report, "late").problems().toString())
                .isTrue();
        assertThat(only(report, "bad-date").problems())
                .singleElement()
                .asString()
                .contains("\"today\" must be a date");
    }

    @Test
    void coverage_listsEveryRuleWithItsExpectAndExpectNotCases() throws IOException {
        testCase(
                "banned",
                WEATHER,
                "{\"expect\": [{\"ruleId\": \"ACME-001\"}], \"expectNot\": [{\"checklist\": \"key-rotation\"}]}");
        testCase(
                "clean",
                "{\"mcpServers\": {}}",
                "{\"expect\": [], \"expectNot\": [{\"ruleId\": \"ACME-001\"}]}");
        BundleTestReport report = run();
        assertThat(report.passed()).isTrue();
        assertThat(report.coverage())
                .extracting(BundleTestReport.RuleCoverage::ruleId)
                .containsExactlyInAnyOrder("ACME-001", "ACME-002", "ACME-003");
        BundleTestReport.RuleCoverage weather =
                report.coverage().stream()
                        .filter(c -> c.ruleId().equals("ACME-001"))
                        .findFirst()
                        .orElseThrow();
        assertThat(weather.expectCases()).containsExactly("banned");
        assertThat(weather.expectNotCases()).containsExactly("clean");
        assertThat(report.uncovered())
                .extracting(BundleTestReport.RuleCoverage::ruleId)
                .containsExactlyInAnyOrder("ACME-002", "ACME-003");
        assertThat(only(report, "banned").findings())
                .singleElement()
                .asString()
                .startsWith("ACME-001 trusted-publishers high .mcp.json:");
    }

    @Test
    void aCaseThatErrors_failsAlone_andTheRunGoesOn() throws IOException {
        testCase("broken-json", WEATHER, "{\"expect\": [");
        testCase("fine", WEATHER, "{\"expect\": [{\"ruleId\": \"ACME-001\"}]}");
        Files.writeString(bundle.resolve("tests/fine2.txt"), "not a case");
        BundleTestReport report = run();
        assertThat(only(report, "broken-json").passed()).isFalse();
        assertThat(only(report, "fine").passed()).isTrue();
    }
}
