package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.Severity;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestAdapterTest {
    @TempDir Path dir;

    private VerifySettings defaults() {
        return VerifySettings.builder(dir.toFile(), dir.toFile()).build();
    }

    @Test
    void documentedDefaults_becomeTheEngineDefaults() {
        ScanPlan plan = RequestAdapter.toPlan(defaults());

        ScanRequest request = plan.request();
        assertThat(request.root()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(request.includeUser()).isFalse();
        assertThat(request.history()).isTrue();
        assertThat(request.projectPolicies()).isFalse();
        assertThat(request.bundles()).isEmpty();
        assertThat(request.baseline()).isNull();
        assertThat(plan.failOn()).isEqualTo(Severity.HIGH);
        assertThat(plan.formats())
                .containsExactly(OutputFormat.CONSOLE, OutputFormat.JSON, OutputFormat.SARIF);
    }

    @Test
    void everyParameter_reachesTheRequest() {
        ClassLoader loader = new ClassLoader() {};
        File baseline = dir.resolve("accepted.json").toFile();
        File repo = dir.resolve("repo").toFile();
        VerifySettings s =
                VerifySettings.builder(dir.toFile(), dir.toFile())
                        .failOn("MEDIUM")
                        .formats(List.of("markdown", "html", "text"))
                        .includeUserConfigs(true)
                        .history(false)
                        .projectPolicies(true)
                        .bundles(List.of("com.acme:mcp-policies:1.0.0", " ./bundles/extra "))
                        .excludeRules(List.of("MCP-SEC-001"))
                        .includeRules(List.of("stripe-test-keys"))
                        .severityOverrides(Map.of("MCP-SEC-002", "low"))
                        .baseline(baseline)
                        .localRepository(repo)
                        .bundleClassLoader(loader)
                        .build();

        ScanPlan plan = RequestAdapter.toPlan(s);

        ScanRequest r = plan.request();
        assertThat(r.includeUser()).isTrue();
        assertThat(r.history()).isFalse();
        assertThat(r.projectPolicies()).isTrue();
        assertThat(r.bundles())
                .containsExactly(
                        "com.acme:mcp-policies:1.0.0", dir.resolve("bundles/extra").toString());
        assertThat(r.excludeRules()).containsExactly("MCP-SEC-001");
        assertThat(r.includeRules()).containsExactly("stripe-test-keys");
        assertThat(r.severityOverrides()).containsEntry("MCP-SEC-002", Severity.LOW);
        assertThat(r.baseline()).isEqualTo(baseline.toPath().toAbsolutePath());
        assertThat(r.localRepository()).isEqualTo(repo.toPath());
        assertThat(r.bundleClassLoader()).isSameAs(loader);
        assertThat(plan.failOn()).isEqualTo(Severity.MEDIUM);
        assertThat(plan.formats())
                .containsExactlyInAnyOrder(
                        OutputFormat.MARKDOWN, OutputFormat.HTML, OutputFormat.TEXT);
    }

    @Test
    void relativeBundlePaths_resolveAgainstTheProjectAndKeepTheirPin() {
        File base = dir.toFile();

        assertThat(RequestAdapter.resolveBundle("./policies/acme#sha256=ab12", base))
                .isEqualTo(dir.resolve("policies/acme") + "#sha256=ab12");
        assertThat(RequestAdapter.resolveBundle("tools/acme-1.0.jar", base))
                .isEqualTo(dir.resolve("tools/acme-1.0.jar").toString());
        assertThat(RequestAdapter.resolveBundle("com.acme:mcp-policies:1.0.0#sha256=ab12", base))
                .isEqualTo("com.acme:mcp-policies:1.0.0#sha256=ab12");
        assertThat(RequestAdapter.resolveBundle("/opt/bundles/acme.jar", base))
                .isEqualTo("/opt/bundles/acme.jar");
    }

    @Test
    void coordinatesAndBareNames_areNeverResolvedAsPathsOfTheProject() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("com.acme:mcp-policies:1.0.0"));
        java.nio.file.Files.createDirectories(dir.resolve("policies"));

        assertThat(RequestAdapter.resolveBundle("com.acme:mcp-policies:1.0.0", dir.toFile()))
                .isEqualTo("com.acme:mcp-policies:1.0.0");
        assertThat(RequestAdapter.resolveBundle("policies", dir.toFile())).isEqualTo("policies");
    }

    @Test
    void failOnNever_hasNoThreshold() {
        ScanPlan plan = RequestAdapter.toPlan(withFailOn(" Never "));

        assertThat(plan.failOn()).isNull();
        assertThat(plan.failOnId()).isEqualTo("never");
    }

    @Test
    void misspelledFailOn_namesTheElementAndTheAllowedValues() {
        assertThatThrownBy(() -> RequestAdapter.toPlan(withFailOn("hgih")))
                .isInstanceOfSatisfying(
                        PluginParameterException.class,
                        e -> assertThat(e.element()).isEqualTo("failOn"))
                .hasMessage(
                        "<failOn> must be one of critical, high, medium, low, info, never; got 'hgih'");
    }

    @Test
    void commaSeparatedFormatsFromTheCommandLine_areSplit() {
        VerifySettings s =
                VerifySettings.builder(dir.toFile(), dir.toFile())
                        .formats(List.of("json,sarif"))
                        .build();

        assertThat(RequestAdapter.toPlan(s).formats())
                .containsExactly(OutputFormat.JSON, OutputFormat.SARIF);
    }

    @Test
    void unknownFormat_isAnErrorNotAFallback() {
        VerifySettings s =
                VerifySettings.builder(dir.toFile(), dir.toFile())
                        .formats(List.of("json", "pdf"))
                        .build();

        assertThatThrownBy(() -> RequestAdapter.toPlan(s))
                .hasMessage(
                        "<formats> entries must be among console, text, json, sarif, markdown, html, junit, gitlab; got 'pdf'");
    }

    @Test
    void badSeverityOverride_namesTheRuleElement() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("MCP-SEC-001", "severe");
        VerifySettings s =
                VerifySettings.builder(dir.toFile(), dir.toFile())
                        .formats(List.of())
                        .severityOverrides(overrides)
                        .build();

        assertThatThrownBy(() -> RequestAdapter.toPlan(s))
                .hasMessage(
                        "<severityOverrides><MCP-SEC-001> must be one of critical, high, medium, low, info; got 'severe'");
    }

    @Test
    void emptyBundleEntry_isRejected() {
        VerifySettings s =
                VerifySettings.builder(dir.toFile(), dir.toFile())
                        .formats(List.of())
                        .bundles(List.of(" "))
                        .build();

        assertThatThrownBy(() -> RequestAdapter.toPlan(s))
                .hasMessage("<bundles> has an empty entry");
    }

    private VerifySettings withFailOn(String failOn) {
        VerifySettings d = defaults();
        return VerifySettings.builder(d.scanDirectory(), dir.toFile()).failOn(failOn).build();
    }

    @Test
    void limits_reachTheRequest_andABadOneNamesTheElement() {
        VerifySettings d = defaults();
        VerifySettings s =
                VerifySettings.builder(d.scanDirectory(), dir.toFile())
                        .limits(Map.of("historyMaxTime", "120s", "maxFileBytes", "4MiB"))
                        .build();
        ScanLimits limits = RequestAdapter.toPlan(s).request().limits();
        assertThat(limits.historyMaxTime()).hasSeconds(120);
        assertThat(limits.maxFileBytes()).isEqualTo(4L * 1024 * 1024);
        VerifySettings bad =
                VerifySettings.builder(d.scanDirectory(), dir.toFile())
                        .limits(Map.of("maxFilez", "3"))
                        .build();
        assertThatThrownBy(() -> RequestAdapter.toPlan(bad))
                .isInstanceOf(PluginParameterException.class)
                .hasMessageContaining("<limits><maxFilez>")
                .hasMessageContaining("unknown limit");
    }

    @Test
    void mapParametersOnTheCommandLine_areMergedAndWinForTheSameKey() {
        Map<String, String> pom =
                new LinkedHashMap<>(Map.of("pinned-versions", "low", "MCP-DB-001", "high"));
        assertThat(
                        RequestAdapter.withEntries(
                                pom, "pinned-versions=medium, MCP-X-001=info", "severityOverrides"))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "pinned-versions",
                                "medium",
                                "MCP-DB-001",
                                "high",
                                "MCP-X-001",
                                "info"));
        assertThat(RequestAdapter.withEntries(null, "historyMaxTime=120s", "limits"))
                .containsExactlyEntriesOf(Map.of("historyMaxTime", "120s"));
        assertThat(RequestAdapter.withEntries(pom, null, "limits")).isSameAs(pom);
    }

    @Test
    void aMalformedCommandLineEntry_namesThePropertyAndTheElement() {
        assertThatThrownBy(() -> RequestAdapter.withEntries(null, "historyMaxTime", "limits"))
                .isInstanceOf(PluginParameterException.class)
                .hasMessage(
                        "-Dmcpsec.limits takes name=value entries separated by commas (like <limits>); "
                                + "got 'historyMaxTime'");
    }

    @Test
    void allowExternalGit_isOffByDefaultAndReachesTheRequest() {
        assertThat(RequestAdapter.toPlan(defaults()).request().allowExternalGit()).isFalse();
        VerifySettings d = defaults();
        VerifySettings on =
                VerifySettings.builder(d.scanDirectory(), d.baseDirectory())
                        .allowExternalGit(true)
                        .build();
        assertThat(RequestAdapter.toPlan(on).request().allowExternalGit()).isTrue();
    }
}
