package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request and the outcome the goal and its scan JVM exchange. */
class ScanWorkerTest {
    @TempDir Path tmp;

    @Test
    void aRequest_readsBackAsTheSettingsItWasWrittenFrom() throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("pinned-versions", "medium");
        overrides.put("MCP-DB-001", "low");
        Map<String, String> limits = new LinkedHashMap<>();
        limits.put("historyMaxTime", "120s");
        limits.put("maxFileBytes", "4MiB");
        VerifySettings settings =
                VerifySettings.builder(new File("/p/scan dir"), new File("/p/base"))
                        .failOn("medium")
                        .formats(List.of("console", "json", "html"))
                        .includeUserConfigs(true)
                        .history(false)
                        .projectPolicies(true)
                        .allowExternalGit(true)
                        .bundles(List.of("./rules", "com.acme:mcp-policies:1.0#sha256=ab"))
                        .excludeRules(List.of("pinned-versions"))
                        .includeRules(List.of("MCP-SEC-001", "dev-database"))
                        .severityOverrides(overrides)
                        .limits(limits)
                        .advisories(List.of("/p/osv.zip"))
                        .advisoriesMaxAge(30)
                        .baseline(new File("/p/.mcpsec/baseline.json"))
                        .localRepository(new File("/home/me/.m2/repository"))
                        .build();
        Path file = tmp.resolve("request.properties");
        ScanWorker.writeRequest(
                new ScanWorker.Request(settings, new File("/p/target/mcpsec")), file);

        ClassLoader loader = getClass().getClassLoader();
        ScanWorker.Request read = ScanWorker.readRequest(file, loader);
        VerifySettings back = read.settings();
        assertThat(read.outputDirectory()).isEqualTo(new File("/p/target/mcpsec"));
        assertThat(back)
                .usingRecursiveComparison()
                .ignoringFields("bundleClassLoader")
                .isEqualTo(settings);
        assertThat(back.bundleClassLoader()).isSameAs(loader);
        assertThat(List.copyOf(back.severityOverrides().keySet()))
                .containsExactly("pinned-versions", "MCP-DB-001");
    }

    @Test
    void unsetSettings_readBackAsTheDefaultsTheyStoodFor() throws Exception {
        VerifySettings settings = VerifySettings.builder(new File("/p"), new File("/p")).build();
        Path file = tmp.resolve("request.properties");
        ScanWorker.writeRequest(new ScanWorker.Request(settings, new File("/p/out")), file);
        VerifySettings back = ScanWorker.readRequest(file, null).settings();
        assertThat(RequestAdapter.toPlan(back))
                .usingRecursiveComparison()
                .isEqualTo(RequestAdapter.toPlan(settings));
    }

    @Test
    void anOutcome_readsBackAsWritten_whateverItsTextHolds() throws Exception {
        ScanOutcome outcome =
                new ScanOutcome(
                        null,
                        List.of(
                                "ERROR .mcp.json:3: [critical] a = b: c\\d \u00e9\u202e",
                                "WARN line\nwith a newline",
                                "INFO mcpsec: 1 config files"),
                        2,
                        1,
                        "mcpsec: 1 finding at or above <failOn>high</failOn>",
                        List.of(Path.of("/p/target/mcpsec/mcpsec.json")),
                        true,
                        List.of("ERROR .mcp.json:3: [critical] a"),
                        null);
        Path file = tmp.resolve("outcome.properties");
        outcome.write(file);
        assertThat(ScanOutcome.read(file)).isEqualTo(outcome);

        ScanOutcome failed = ScanOutcome.failed("mcpsec: <bundles>: x is not a bundle", null);
        failed.write(file);
        assertThat(ScanOutcome.read(file)).isEqualTo(failed);
    }

    @Test
    void aFileThatIsNotAnOutcome_isAnError() throws Exception {
        Path file = Files.writeString(tmp.resolve("outcome.properties"), "line.0=half written\n");
        assertThatThrownBy(() -> ScanOutcome.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a complete scan outcome");
        Path request = Files.writeString(tmp.resolve("request.properties"), "history=true\n");
        assertThatThrownBy(() -> ScanWorker.readRequest(request, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a complete scan request");
    }
}
