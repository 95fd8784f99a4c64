package dev.mcpsec.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.engine.Mcpsec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that reads a data list nobody provides gets a warning at its line; the built-in bundle
 * gets none.
 */
class DataListWarningTest {
    @TempDir Path dir;

    @Test
    void aDataListNoBundleProvides_isAWarningAtTheRuleLine_untilTheProjectProvidesIt()
            throws Exception {
        Path bundle = dir.resolve("acme/META-INF/mcpsec");
        Files.createDirectories(bundle.resolve("policies"));
        Files.createDirectories(bundle.resolve("data"));
        Files.writeString(
                bundle.resolve("bundle.json"), "{\"id\": \"acme\", \"version\": \"1.0.0\"}");
        Files.writeString(bundle.resolve("data/banned-names.json"), "{\"name\": [\"weather\"]}");
        Files.writeString(
                bundle.resolve("policies/acme.drl"),
                """
                package org.acme
                import dev.mcpsec.facts.McpServer
                import dev.mcpsec.facts.PolicyData
                rule "ACME-020 banned"
                    @id("ACME-020") @severity("high") @checklist("trusted-publishers")
                    @title("Banned") @message("{name} is banned")
                when
                    $s : McpServer( $n : name )
                    PolicyData( name == "banned-name", key == "name", value == $n )
                then
                end
                """);
        Path project = dir.resolve("project");
        Files.createDirectories(project);
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(project.resolve(".mcp.json"), "{\"mcpServers\": {}}");
        ScanRequest.Builder request =
                ScanRequest.builder(project).home(dir.resolve("home")).history(false);

        ScanResult builtinOnly = Mcpsec.create().scan(request.build());
        assertThat(builtinOnly.warnings())
                .extracting(ScanWarning::message)
                .noneMatch(m -> m.contains("data list"));

        ScanResult withBundle =
                Mcpsec.create()
                        .scan(
                                ScanRequest.builder(project)
                                        .home(dir.resolve("home"))
                                        .history(false)
                                        .bundles(List.of(dir.resolve("acme").toString()))
                                        .build());
        assertThat(withBundle.warnings())
                .filteredOn(w -> w.message().contains("data list"))
                .singleElement()
                .satisfies(
                        w -> {
                            assertThat(w.file()).endsWith("policies/acme.drl");
                            assertThat(w.line()).isEqualTo(9);
                            assertThat(w.message())
                                    .contains(
                                            "data list \"banned-name\" is provided by no loaded bundle")
                                    .contains("did you mean \"banned-names\"?")
                                    .contains("acme@1.0.0");
                        });

        Files.createDirectories(project.resolve(".mcpsec"));
        Files.writeString(
                project.resolve(".mcpsec/config.json"),
                "{\"data\": {\"banned-name\": {\"name\": [\"x\"]}}}");
        ScanResult provided =
                Mcpsec.create()
                        .scan(
                                ScanRequest.builder(project)
                                        .home(dir.resolve("home"))
                                        .history(false)
                                        .bundles(List.of(dir.resolve("acme").toString()))
                                        .build());
        assertThat(provided.warnings())
                .extracting(ScanWarning::message)
                .noneMatch(m -> m.contains("data list"));
    }
}
