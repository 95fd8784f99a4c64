package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.scan.ScanEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SARIF from a real scan (an org bundle, a project that suppresses one of its rules and disables
 * another, each with a reason) is valid SARIF 2.1.0 and carries the suppression, the applied bundle
 * and the disabled rule.
 */
class SarifFromScanTest {
    @TempDir Path dir;

    @Test
    void scanWithASuppressionAndADisabledRule_isValidSarifCarryingBoth() throws IOException {
        Path bundle = dir.resolve("acme/META-INF/mcpsec");
        Files.createDirectories(bundle.resolve("policies"));
        Files.writeString(
                bundle.resolve("bundle.json"), "{\"id\": \"acme\", \"version\": \"3.1.0\"}");
        Files.writeString(
                bundle.resolve("policies/acme.drl"),
                """
                package org.acme
                import dev.mcpsec.facts.McpServer
                rule "ACME-001 npx"
                    @id("ACME-001") @severity("high") @checklist("pinned-versions")
                    @title("npx server") @message("{name} runs through npx")
                when
                    $s : McpServer( command == "npx" )
                then
                end
                rule "ACME-002 any server"
                    @id("ACME-002") @severity("low") @checklist("source-reviewed")
                    @title("any server") @message("{name} exists")
                when
                    $s : McpServer( )
                then
                end
                """);
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve(".mcpsec"));
        Files.writeString(
                project.resolve(".mcp.json"),
                "{\"mcpServers\": {\"weather\": {\"command\": \"npx\", \"args\": [\"-y\", \"weather-mcp@1.0.0\"]}}}");
        Files.writeString(
                project.resolve(".mcpsec/config.json"),
                """
                {"suppress": [{"rule": "ACME-001", "reason": "pinned by the lock file"}],
                 "disable": [{"rule": "source-reviewed", "reason": "reviewed in the vendor portal"}]}
                """);
        ScanResult result =
                new ScanEngine(Clock.systemUTC())
                        .scan(
                                ScanRequest.builder(project)
                                        .home(dir.resolve("home"))
                                        .history(false)
                                        .bundles(List.of(dir.resolve("acme").toString()))
                                        .build());

        JsonNode sarif =
                SarifReporterTest.assertValid(ReportFixtures.render(ReportFormat.SARIF, result));

        JsonNode run = sarif.get("runs").get(0);
        JsonNode suppressed = null;
        for (JsonNode r : run.get("results")) {
            if ("ACME-001".equals(r.get("ruleId").textValue())) {
                suppressed = r;
            }
        }
        assertThat(suppressed).isNotNull();
        assertThat(suppressed.get("suppressions").get(0).get("justification").textValue())
                .isEqualTo("pinned by the lock file");
        assertThat(run.get("tool").get("extensions").findValuesAsText("name")).contains("acme");
        assertThat(
                        run.get("properties")
                                .get("mcpsecRuleOverrides")
                                .get(0)
                                .get("ruleId")
                                .textValue())
                .isEqualTo("ACME-002");
        assertThat(
                        run.get("properties")
                                .get("mcpsecRuleOverrides")
                                .get(0)
                                .get("reason")
                                .textValue())
                .isEqualTo("reviewed in the vendor portal");
    }
}
