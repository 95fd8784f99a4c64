package dev.mcpsec.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.Severity;
import dev.mcpsec.project.Baseline;
import dev.mcpsec.project.ProjectConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsTest {
    private static final Clock TODAY =
            Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @TempDir Path root;

    private static Finding finding(
            String ruleId, String checklist, String file, String fingerprint) {
        return new Finding(
                ruleId,
                checklist,
                Severity.HIGH,
                "t",
                "m",
                file,
                1,
                1,
                null,
                "claude-code",
                null,
                null,
                fingerprint,
                "builtin@0.1.0");
    }

    private ProjectConfig config(String json) throws IOException {
        Files.createDirectories(root.resolve(".mcpsec"));
        Files.writeString(root.resolve(".mcpsec/config.json"), json);
        return ProjectConfig.load(root);
    }

    @Test
    void configuredSuppression_movesMatchingFindingsWithItsReason() throws IOException {
        ProjectConfig c =
                config(
                        "{\"suppress\": [{\"rule\": \"filesystem-scope\", \"path\": \"sandbox/**\", \"reason\": \"VM\"}]}");
        Suppressions.Outcome o =
                Suppressions.apply(
                        List.of(
                                finding("MCP-FS-001", "filesystem-scope", "sandbox/.mcp.json", "a"),
                                finding("MCP-FS-001", "filesystem-scope", ".mcp.json", "b")),
                        c,
                        ScanRequest.builder(root).build(),
                        root,
                        TODAY);
        assertThat(o.findings()).extracting(Finding::fingerprint).containsExactly("b");
        assertThat(o.suppressed())
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.reason()).isEqualTo("VM");
                            assertThat(s.source()).isEqualTo("config");
                        });
    }

    @Test
    void expiredSuppression_reportsAgainWithAWarning() throws IOException {
        ProjectConfig c =
                config(
                        "{\"suppress\": [{\"rule\": \"MCP-FS-001\", \"reason\": \"VM\", \"until\": \"2026-11-01\"}]}");
        Suppressions.Outcome o =
                Suppressions.apply(
                        List.of(finding("MCP-FS-001", "filesystem-scope", ".mcp.json", "a")),
                        c,
                        ScanRequest.builder(root).build(),
                        root,
                        TODAY);
        assertThat(o.findings()).hasSize(1);
        assertThat(o.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.message()).contains("expired on 2026-11-01"));
    }

    @Test
    void baseline_suppressesByFingerprint_andReportsExpiredAndStaleEntries() throws IOException {
        Path file = root.resolve(".mcpsec/baseline.json");
        Baseline.write(
                file,
                List.of(
                        finding("R", "c", ".mcp.json", "kept"),
                        finding("R", "c", ".mcp.json", "old"),
                        finding("R", "c", ".mcp.json", "gone")),
                Baseline.empty());
        Files.writeString(
                file,
                Files.readString(file)
                        .replaceFirst(
                                "(\"fingerprint\" : \"old\"[^}]*\"until\" : )null",
                                "$1\"2026-01-01\""));
        Suppressions.Outcome o =
                Suppressions.apply(
                        List.of(
                                finding("R", "c", ".mcp.json", "kept"),
                                finding("R", "c", ".mcp.json", "old"),
                                finding("R", "c", ".mcp.json", "new")),
                        ProjectConfig.empty(),
                        ScanRequest.builder(root).build(),
                        root,
                        TODAY);
        assertThat(o.suppressed())
                .extracting(s -> s.finding().fingerprint())
                .containsExactly("kept");
        assertThat(o.suppressed().get(0).source()).isEqualTo("baseline");
        assertThat(o.findings()).extracting(Finding::fingerprint).containsExactly("old", "new");
        assertThat(o.warnings())
                .extracting(w -> w.message())
                .anySatisfy(m -> assertThat(m).contains("expired on 2026-01-01"))
                .anySatisfy(m -> assertThat(m).contains("stale baseline entry gone"));
    }
}
