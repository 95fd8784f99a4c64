package dev.mcpsec.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.RuleOverride;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.Severity;
import dev.mcpsec.engine.Mcpsec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An org bundle that re-rates, disables and locks rules, and a project that tries to weaken them:
 * each way of weakening a locked rule is a configuration error naming the bundle, and every allowed
 * exception is recorded.
 */
class GovernanceEndToEndTest {
    private static final String ORG_RULE =
            """
            package org.acme
            import dev.mcpsec.facts.McpServer
            rule "ACME-001 weather"
                @id("ACME-001") @severity("high") @checklist("trusted-publishers")
                @title("The weather server is banned") @message("{name} is banned")
            when
                $s : McpServer( packageName == "weather-mcp-unofficial" )
            then
            end
            """;

    @TempDir Path dir;
    Path project;
    Path bundle;

    @BeforeEach
    void setUp() throws IOException {
        project = dir.resolve("project");
        Files.createDirectories(project);
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(
                project.resolve(".mcp.json"),
                """
                {"mcpServers": {
                  "files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/"]},
                  "weather": {"command": "npx", "args": ["-y", "weather-mcp-unofficial"]}
                }}
                """);
        bundle = dir.resolve("acme");
        Files.createDirectories(bundle.resolve("META-INF/mcpsec/policies"));
        Files.writeString(bundle.resolve("META-INF/mcpsec/policies/acme.drl"), ORG_RULE);
        bundleJson(
                """
                {"id": "acme", "version": "2.0.0",
                 "severity": {"pinned-versions": {"severity": "high", "reason": "unpinned servers broke a release"}},
                 "disable": [{"rule": "source-reviewed", "reason": "reviews are tracked in the acme portal"}],
                 "locked": ["ACME-001", "filesystem-scope"]}
                """);
    }

    private void bundleJson(String json) throws IOException {
        Files.writeString(bundle.resolve("META-INF/mcpsec/bundle.json"), json);
    }

    private void config(String json) throws IOException {
        Files.createDirectories(project.resolve(".mcpsec"));
        Files.writeString(project.resolve(".mcpsec/config.json"), json);
    }

    private ScanResult scan() {
        return scan(b -> b);
    }

    private ScanResult scan(UnaryOperator<ScanRequest.Builder> more) {
        return Mcpsec.create()
                .scan(
                        more.apply(
                                        ScanRequest.builder(project)
                                                .home(dir.resolve("home"))
                                                .history(false)
                                                .bundles(List.of(bundle.toString())))
                                .build());
    }

    @Test
    void bundlePolicy_reRatesAndDisablesBuiltInRules_andRecordsWhoAndWhy() {
        ScanResult result = scan();
        assertThat(result.findings())
                .extracting(Finding::ruleId)
                .contains("ACME-001", "MCP-FS-001")
                .noneMatch(id -> id.startsWith("MCP-REV-"));
        assertThat(result.findings())
                .filteredOn(f -> "pinned-versions".equals(f.checklist()))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        assertThat(result.overrides())
                .filteredOn(o -> o.rule().startsWith("MCP-REV-"))
                .isNotEmpty()
                .allSatisfy(
                        o -> {
                            assertThat(o.kind()).isEqualTo("disable");
                            assertThat(o.source()).isEqualTo("bundle acme@2.0.0");
                            assertThat(o.reason())
                                    .isEqualTo("reviews are tracked in the acme portal");
                        });
        assertThat(result.overrides())
                .filteredOn(o -> "severity".equals(o.kind()))
                .extracting(RuleOverride::via)
                .contains("pinned-versions");
        assertThat(result.bundles()).extracting(b -> b.id()).containsExactly("builtin", "acme");
        assertThat(result.bundles().get(1).sha256()).hasSize(64);
    }

    @Test
    void projectDisable_withAReason_isAppliedAndRecorded() throws IOException {
        config(
                "{\"disable\": [{\"rule\": \"pinned-versions\", \"reason\": \"lab machine, wiped nightly\"}]}");
        ScanResult result = scan();
        assertThat(result.findings()).noneMatch(f -> "pinned-versions".equals(f.checklist()));
        assertThat(result.overrides())
                .anySatisfy(
                        o -> {
                            assertThat(o.kind()).isEqualTo("disable");
                            assertThat(o.source()).isEqualTo(".mcpsec/config.json");
                            assertThat(o.reason()).isEqualTo("lab machine, wiped nightly");
                        });
    }

    @Test
    void projectCannotDisableALockedRule_byRuleIdOrChecklistId() throws IOException {
        config("{\"disable\": [{\"rule\": \"ACME-001\", \"reason\": \"we like the weather\"}]}");
        assertThatThrownBy(this::scan)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("rule ACME-001 is locked by bundle acme@2.0.0")
                .hasMessageContaining(".mcpsec/config.json cannot disable it");
        config("{\"disable\": [{\"rule\": \"filesystem-scope\", \"reason\": \"sandbox\"}]}");
        assertThatThrownBy(this::scan)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is locked by bundle acme@2.0.0");
    }

    @Test
    void projectCannotReRateALockedRuleLower_butMayRaiseIt() throws IOException {
        config("{\"severity\": {\"ACME-001\": \"low\"}}");
        assertThatThrownBy(this::scan)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("locked by bundle acme@2.0.0")
                .hasMessageContaining("cannot re-rate it below high");
        config("{\"severity\": {\"ACME-001\": \"critical\"}}");
        assertThat(scan().findings())
                .filteredOn(f -> "ACME-001".equals(f.ruleId()))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void projectCannotSuppressOrBaselineALockedRule() throws IOException {
        config("{\"suppress\": [{\"rule\": \"ACME-001\", \"reason\": \"accepted\"}]}");
        assertThatThrownBy(this::scan)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("locked by bundle acme@2.0.0")
                .hasMessageContaining("cannot suppress it");

        config(
                "{\"suppress\": [{\"path\": \".mcp.json\", \"reason\": \"everything in this file is accepted\"}]}");
        ScanResult pathOnly = scan();
        assertThat(pathOnly.findings())
                .extracting(Finding::ruleId)
                .containsOnly("ACME-001", "MCP-FS-001");
        assertThat(pathOnly.suppressed())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.source()).isEqualTo("config"));

        Files.delete(project.resolve(".mcpsec/config.json"));
        Files.writeString(
                project.resolve(".mcpsec/baseline.json"),
                """
                {"entries": [{"fingerprint": "f00", "ruleId": "ACME-001", "file": ".mcp.json", "reason": "old"}]}
                """);
        assertThatThrownBy(this::scan)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("locked by bundle acme@2.0.0")
                .hasMessageContaining("baseline");
    }

    @Test
    void writingABaseline_leavesLockedRulesOut_soTheNextScanStillReportsThem() {
        ScanRequest request =
                ScanRequest.builder(project)
                        .home(dir.resolve("home"))
                        .history(false)
                        .bundles(List.of(bundle.toString()))
                        .build();
        Mcpsec.create().writeBaseline(request, project.resolve(".mcpsec/baseline.json"));
        ScanResult after = scan();
        assertThat(after.findings())
                .extracting(Finding::ruleId)
                .containsOnly("ACME-001", "MCP-FS-001");
        assertThat(after.suppressed())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.source()).isEqualTo("baseline"));
    }

    @Test
    void commandLineCannotExcludeReRateOrLeaveOutALockedRule() {
        assertThatThrownBy(() -> scan(b -> b.excludeRules(java.util.Set.of("ACME-001"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("locked by bundle acme@2.0.0");
        assertThatThrownBy(
                        () ->
                                scan(
                                        b ->
                                                b.severityOverrides(
                                                        java.util.Map.of(
                                                                "filesystem-scope",
                                                                Severity.INFO))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cannot re-rate it below high");
        assertThatThrownBy(() -> scan(b -> b.includeRules(java.util.Set.of("MCP-PIN-001"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("locked by bundle acme@2.0.0");
    }

    @Test
    void bundleJson_unknownKeys_badEntries_andNestedDrl_areErrorsWithFileAndLine()
            throws IOException {
        bundleJson("{\"id\": \"acme\", \"version\": \"2.0.0\",\n \"lockd\": [\"ACME-001\"]}");
        assertThatThrownBy(this::scan)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bundle.json:2: unknown key \"lockd\"")
                .hasMessageContaining("did you mean \"locked\"?");
        bundleJson("{\"id\": \"acme\", \"version\": \"2.0.0\",\n \"disable\": [\"MCP-REV-001\"]}");
        assertThatThrownBy(this::scan)
                .hasMessageContaining("bundle.json:2: disabling \"MCP-REV-001\" needs a reason");
        bundleJson("{\"id\": \"acme\", \"version\": \"2.0.0\"}");
        Files.createDirectories(bundle.resolve("META-INF/mcpsec/policies/extra"));
        Files.writeString(bundle.resolve("META-INF/mcpsec/policies/extra/more.drl"), ORG_RULE);
        assertThatThrownBy(this::scan)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "more.drl: DRL files in sub-folders of policies/ are not loaded");
    }

    @Test
    void aBundleCannotDisableWhatAnEarlierBundleLocked() throws IOException {
        Path second = dir.resolve("second");
        Files.createDirectories(second.resolve("META-INF/mcpsec"));
        Files.writeString(
                second.resolve("META-INF/mcpsec/bundle.json"),
                """
                {"id": "team", "version": "1.0.0", "disable": [{"rule": "ACME-001", "reason": "team says so"}]}
                """);
        assertThatThrownBy(() -> scan(b -> b.bundles(List.of(second.toString()))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("locked by bundle acme@2.0.0")
                .hasMessageContaining("bundle team@1.0.0 cannot disable it");
    }
}
