package dev.mcpsec.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.Severity;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.rules.Bundle;
import dev.mcpsec.rules.CompiledPolicies;
import dev.mcpsec.rules.PolicyCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scan end to end over a bundle built in the test: order, re-rating, exclusion, suppression
 * expiry, limits.
 */
class ScanEngineTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String DRL =
            "package test.scan;\nimport dev.mcpsec.facts.*;\n"
                    + "rule \"T-010 unpinned\"\n"
                    + "    @id(\"T-010\") @severity(\"low\") @checklist(\"test-pins\") @title(\"Unpinned\")\n"
                    + "    @message(\"{name} is unpinned\") @remediation(\"Pin it.\")\n"
                    + "when\n    McpServer( packageName != null, packageVersion == null )\nthen\nend\n"
                    + "rule \"T-011 remote\"\n"
                    + "    @id(\"T-011\") @severity(\"high\") @checklist(\"test-remote\") @title(\"Remote\")\n"
                    + "    @message(\"{name} is remote\") @remediation(\"Run it locally.\")\n"
                    + "when\n    McpServer( url != null )\nthen\nend\n";

    @TempDir Path dir;

    private final ScanEngine engine = new ScanEngine(CLOCK);

    private static CompiledPolicies policies() {
        return PolicyCompiler.compile(
                List.of(
                        new Bundle(
                                "scan-test",
                                "1.0.0",
                                "test",
                                "memory",
                                List.of(new Bundle.DrlFile("scan.drl", DRL)),
                                Map.of(),
                                Map.of())));
    }

    private Path project() throws Exception {
        Path root = dir.resolve("project");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(
                root.resolve(".mcp.json"),
                "{\"mcpServers\": {\n"
                        + "  \"a\": {\"command\": \"npx\", \"args\": [\"-y\", \"some-mcp\"]},\n"
                        + "  \"r\": {\"url\": \"https://mcp.example.com/mcp\"}\n}}");
        Files.writeString(
                root.resolve("sub/.mcp.json"),
                "{\"mcpServers\": {\"b\": {\"command\": \"npx\","
                        + " \"args\": [\"-y\", \"other-mcp\"]}}}");
        return root;
    }

    private ScanRequest.Builder request(Path root) {
        return ScanRequest.builder(root).home(dir.resolve("home")).history(false);
    }

    @Test
    void findings_areSortedBySeverityThenFileThenLine() throws Exception {
        ScanResult result = engine.scan(request(project()).build(), policies());

        assertThat(result.findings())
                .extracting(Finding::ruleId, Finding::file, Finding::server)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("T-011", ".mcp.json", "r"),
                        org.assertj.core.groups.Tuple.tuple("T-010", ".mcp.json", "a"),
                        org.assertj.core.groups.Tuple.tuple("T-010", "sub/.mcp.json", "b"));
        assertThat(result.servers()).hasSize(3);
        assertThat(result.files()).hasSize(2);
        assertThat(result.rules()).hasSize(2);
    }

    @Test
    void requestOverridesAndExclusions_apply() throws Exception {
        ScanResult result =
                engine.scan(
                        request(project())
                                .severityOverrides(Map.of("test-pins", Severity.CRITICAL))
                                .excludeRules(Set.of("T-011"))
                                .build(),
                        policies());

        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("T-010", "T-010");
        assertThat(result.findings()).extracting(Finding::severity).containsOnly(Severity.CRITICAL);
        assertThat(result.rules()).extracting(r -> r.id()).containsExactly("T-010");
    }

    @Test
    void anExpiredSuppression_reportsItsFindingsAgain_againstTheEnginesClock() throws Exception {
        Path root = project();
        Files.createDirectories(root.resolve(".mcpsec"));
        Files.writeString(
                root.resolve(".mcpsec/config.json"),
                "{\"suppress\": ["
                        + "{\"rule\": \"T-011\", \"reason\": \"accepted\", \"until\": \"2026-06-30\"},"
                        + "{\"rule\": \"T-010\", \"reason\": \"accepted\", \"until\": \"2026-07-01\"}]}");

        ScanResult result = engine.scan(request(root).build(), policies());

        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("T-011");
        assertThat(result.suppressed()).hasSize(2);
        assertThat(result.warnings())
                .extracting(ScanWarning::message)
                .anySatisfy(m -> assertThat(m).contains("expired on 2026-06-30"));
    }

    @Test
    void aFileOverTheSizeLimit_isAParseErrorAndAWarning() throws Exception {
        Path root = project();
        ScanLimits small = ScanLimits.defaults().with("maxFileBytes", "64");

        ScanResult result = engine.scan(request(root).limits(small).build(), policies());

        assertThat(result.files())
                .filteredOn(f -> f.file().equals(".mcp.json"))
                .singleElement()
                .satisfies(f -> assertThat(f.error()).contains("(maxFileBytes)"));
        assertThat(result.warnings())
                .extracting(ScanWarning::file, ScanWarning::message)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                ".mcp.json",
                                "not scanned: "
                                        + result.files().stream()
                                                .filter(f -> f.file().equals(".mcp.json"))
                                                .findFirst()
                                                .orElseThrow()
                                                .error()));
    }

    @Test
    void servers_areListedWithoutLoadingAnyRule() throws Exception {
        // a bundle spec that cannot load: a scan fails on it, listing servers never looks at it
        ScanRequest request =
                request(project())
                        .bundles(List.of(dir.resolve("no-such-bundle").toString()))
                        .build();

        assertThat(engine.servers(request))
                .extracting(McpServer::name)
                .containsExactly("a", "r", "b");
        assertThatThrownBy(() -> engine.scan(request)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aMissingRoot_isAConfigurationError() {
        assertThatThrownBy(() -> engine.scan(request(dir.resolve("missing")).build(), policies()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("path does not exist");
    }

    @Test
    void aMalformedKeyEnvironmentsEntry_isAConfigurationErrorNamingIt() throws Exception {
        Path root = project();
        Files.createDirectories(root.resolve(".mcpsec"));
        Files.writeString(
                root.resolve(".mcpsec/config.json"),
                "{\"data\": {\"key-environments\": {\"live\": [\"ACME_PAY_ENV\"]}}}");
        assertThatThrownBy(() -> engine.scan(request(root).build(), policies()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("NAME=value")
                .hasMessageContaining("ACME_PAY_ENV");
    }

    @Test
    void anErrorOfTheBundles_isReportedBeforeAnErrorOfTheProjectConfiguration() throws Exception {
        // the project configuration is read before the bundles are taken: its error must still
        // come second, as when the bundles were read first
        Path root = project();
        Files.createDirectories(root.resolve(".mcpsec"));
        Files.writeString(root.resolve(".mcpsec/config.json"), "{ not json");
        ScanRequest badBundle =
                request(root).bundles(List.of(dir.resolve("no-such-bundle").toString())).build();
        assertThatThrownBy(() -> engine.scan(badBundle))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.setting()).isEqualTo("bundle"));
        // without the bad bundle, the configuration's own error is the one reported
        assertThatThrownBy(() -> engine.scan(request(root).build()))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.setting()).isEqualTo("config"));
    }

    @Test
    void pendingPolicies_startOnce_andAFailureIsThrownAgainByEveryLaterUse() {
        int[] starts = {0};
        RuntimeException failure = new ConfigurationException("bundle", "cannot read it");
        ScanEngine.Pending failing =
                new ScanEngine.Pending(
                        () -> {
                            starts[0]++;
                            throw failure;
                        });
        assertThatThrownBy(failing::get).isSameAs(failure);
        assertThatThrownBy(failing::get).isSameAs(failure);
        assertThat(starts[0]).isEqualTo(1);

        CompiledPolicies compiled = policies();
        ScanEngine.Pending ok =
                new ScanEngine.Pending(
                        () -> {
                            starts[0]++;
                            return compiled;
                        });
        assertThat(ok.get()).isSameAs(compiled);
        assertThat(ok.get()).isSameAs(compiled);
        assertThat(starts[0]).isEqualTo(2);
    }
}
