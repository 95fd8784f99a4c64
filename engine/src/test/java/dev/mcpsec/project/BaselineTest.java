package dev.mcpsec.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    @TempDir Path dir;

    private static Finding finding(String fingerprint) {
        return new Finding(
                "MCP-FS-001",
                "filesystem-scope",
                Severity.HIGH,
                "t",
                "m",
                ".mcp.json",
                3,
                5,
                "fs",
                "claude-code",
                null,
                "fix",
                fingerprint,
                "builtin@0.1.0");
    }

    @Test
    void writtenBaseline_readsBackWithEmptyReasonsToFillIn() {
        Path file = dir.resolve(".mcpsec/baseline.json");
        assertThat(
                        Baseline.write(
                                file,
                                List.of(finding("a"), finding("b"), finding("a")),
                                Baseline.empty()))
                .isEqualTo(2);
        Baseline b = Baseline.load(file, "baseline.json", true);
        assertThat(b.entries()).containsOnlyKeys("a", "b");
        assertThat(b.entries().get("a").reason()).isEmpty();
        assertThat(b.entries().get("a").ruleId()).isEqualTo("MCP-FS-001");
    }

    @Test
    void rewriting_keepsReasonsAndExpiryDates() throws IOException {
        Path file = dir.resolve("baseline.json");
        Baseline.write(file, List.of(finding("a")), Baseline.empty());
        Files.writeString(
                file,
                Files.readString(file)
                        .replace("\"reason\" : \"\"", "\"reason\" : \"sandbox\"")
                        .replace("\"until\" : null", "\"until\" : \"2027-03-01\""));
        Baseline previous = Baseline.load(file, "baseline.json", true);
        Baseline.write(file, List.of(finding("a"), finding("c")), previous);
        Baseline.Entry a = Baseline.load(file, "baseline.json", true).entries().get("a");
        assertThat(a.reason()).isEqualTo("sandbox");
        assertThat(a.until()).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void missingDefaultBaseline_isEmpty_butAMissingExplicitOneIsAnError() {
        assertThat(Baseline.load(dir.resolve("none.json"), "none.json", false).entries()).isEmpty();
        assertThatThrownBy(() -> Baseline.load(dir.resolve("none.json"), "none.json", true))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void malformedBaseline_saysHowToWriteOne() throws IOException {
        Path file = dir.resolve("b.json");
        Files.writeString(file, "{\"fingerprints\": []}");
        assertThatThrownBy(() -> Baseline.load(file, "b.json", true))
                .hasMessageContaining("mcpsec baseline");
        Files.writeString(file, "{\"entries\": [{\"ruleId\": \"x\"}]}");
        assertThatThrownBy(() -> Baseline.load(file, "b.json", true))
                .hasMessageContaining("entries[0] has no fingerprint");
    }
}
