package dev.mcpsec.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.PolicyException;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.engine.Mcpsec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A constraint that throws at run time (an invalid regex in a data file) is a policy error naming
 * rule, file and value.
 */
class PolicyRuntimeErrorTest {
    private static final String RULE =
            """
            package org.acme
            import dev.mcpsec.facts.McpServer
            import dev.mcpsec.facts.PolicyData
            rule "ACME-010 banned names"
                @id("ACME-010") @severity("high") @checklist("trusted-publishers")
                @title("Banned server name") @message("{name} is banned")
            when
                PolicyData( name == "banned-names", key == "pattern", $p : value )
                $s : McpServer( name matches $p )
            then
            end
            """;

    @TempDir Path dir;
    Path bundle;
    Path project;

    @BeforeEach
    void setUp() throws IOException {
        bundle = dir.resolve("acme/META-INF/mcpsec");
        Files.createDirectories(bundle.resolve("policies"));
        Files.createDirectories(bundle.resolve("data"));
        Files.writeString(
                bundle.resolve("bundle.json"), "{\"id\": \"acme\", \"version\": \"1.0.0\"}");
        Files.writeString(bundle.resolve("policies/acme.drl"), RULE);
        Files.writeString(
                bundle.resolve("data/banned-names.json"),
                "{\"pattern\": [\"weather.*\", \"files[\"]}");
        project = dir.resolve("project");
        Files.createDirectories(project);
        Files.writeString(
                project.resolve(".mcp.json"),
                """
                {"mcpServers": {"weather": {"command": "npx", "args": ["-y", "weather-mcp-unofficial@1.0.0"]}}}
                """);
    }

    @Test
    void scan_failsWithAPolicyErrorNamingTheRuleTheDataFileAndTheValue() {
        assertThatThrownBy(
                        () ->
                                Mcpsec.create()
                                        .scan(
                                                ScanRequest.builder(project)
                                                        .home(dir)
                                                        .history(false)
                                                        .bundles(
                                                                List.of(
                                                                        dir.resolve("acme")
                                                                                .toString()))
                                                        .build()))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining(
                        "policies/acme.drl:4: rule ACME-010 (\"ACME-010 banned names\") failed while "
                                + "evaluating the constraint")
                .hasMessageContaining("PatternSyntaxException: Unclosed character class")
                .hasMessageContaining(
                        "the value \"files[\" comes from data/banned-names.json of bundle acme, list "
                                + "banned-names, key \"pattern\"")
                .hasMessageNotContaining("\tat ");
    }

    @Test
    void bundleTest_reportsTheErrorAsTheCasesFailure_andGoesOn() throws IOException {
        Files.createDirectories(bundle.resolve("tests/weather"));
        Files.createDirectories(bundle.resolve("tests/empty"));
        Files.copy(project.resolve(".mcp.json"), bundle.resolve("tests/weather/.mcp.json"));
        Files.writeString(
                bundle.resolve("tests/weather/expected.json"),
                "{\"expect\": [{\"ruleId\": \"ACME-010\"}]}");
        Files.writeString(bundle.resolve("tests/empty/expected.json"), "{\"expect\": []}");
        BundleTestReport report =
                Mcpsec.create()
                        .testBundle(
                                dir.resolve("acme"),
                                ScanRequest.builder(dir.resolve("acme")).history(false).build());
        assertThat(report.cases()).hasSize(2);
        BundleTestReport.CaseResult weather =
                report.cases().stream()
                        .filter(c -> c.name().equals("weather"))
                        .findFirst()
                        .orElseThrow();
        assertThat(weather.passed()).isFalse();
        assertThat(weather.problems())
                .singleElement()
                .asString()
                .contains("ACME-010")
                .contains("files[");
    }
}
