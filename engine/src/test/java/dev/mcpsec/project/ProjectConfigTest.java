package dev.mcpsec.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigTest {
    @TempDir Path root;

    private ProjectConfig load(String json) throws IOException {
        Files.createDirectories(root.resolve(".mcpsec"));
        Files.writeString(root.resolve(".mcpsec/config.json"), json);
        return ProjectConfig.load(root);
    }

    @Test
    void noFile_meansNothingChanges() {
        ProjectConfig c = ProjectConfig.load(root);
        assertThat(c.exclude()).isEmpty();
        assertThat(c.excludes(".mcp.json")).isFalse();
    }

    @Test
    void everyKey_isRead() throws IOException {
        ProjectConfig c =
                load(
                        """
                {"exclude": ["examples/**", "tmp"],
                 "disable": [{"rule": "MCP-REV-001", "reason": "reviewed upstream"}, {"rule": "key-rotation", "reason": "no long-lived keys"}],
                 "severity": {"pinned-versions": "medium", "MCP-TR-002": {"severity": "low", "reason": "lab network"}},
                 "suppress": [{"rule": "MCP-FS-001", "path": "sandbox/**", "reason": "throwaway VM", "until": "2027-01-31"}],
                 "data": {"known-publishers": {"npm": ["@acme/"]}}}
                """);
        assertThat(c.excludes("examples/leaky/.mcp.json")).isTrue();
        assertThat(c.excludes("tmp/.mcp.json")).isTrue();
        assertThat(c.excludes(".mcp.json")).isFalse();
        assertThat(c.disable())
                .containsExactly(
                        java.util.Map.entry("MCP-REV-001", "reviewed upstream"),
                        java.util.Map.entry("key-rotation", "no long-lived keys"));
        assertThat(c.severity())
                .containsEntry("pinned-versions", Severity.MEDIUM)
                .containsEntry("MCP-TR-002", Severity.LOW);
        assertThat(c.severityReasons())
                .containsExactly(java.util.Map.entry("MCP-TR-002", "lab network"));
        assertThat(c.suppress())
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.until()).isEqualTo(LocalDate.of(2027, 1, 31));
                            assertThat(
                                            s.matches(
                                                    "MCP-FS-001",
                                                    "filesystem-scope",
                                                    "sandbox/.mcp.json"))
                                    .isTrue();
                            assertThat(s.matches("MCP-FS-001", "filesystem-scope", ".mcp.json"))
                                    .isFalse();
                        });
        assertThat(c.data())
                .containsEntry("known-publishers", java.util.Map.of("npm", List.of("@acme/")));
    }

    @Test
    void suppressionWithoutAReason_isRefused() {
        assertThatThrownBy(() -> load("{\"suppress\": [{\"rule\": \"MCP-FS-001\"}]}"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("suppress[0]: \"reason\" is mandatory");
    }

    @Test
    void disablingWithoutAReason_isRefused_withTheLineAndTheFormToWrite() {
        assertThatThrownBy(() -> load("{\n  \"disable\": [\"MCP-REV-001\"]\n}"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        ".mcpsec/config.json:2: disabling \"MCP-REV-001\" needs a reason")
                .hasMessageContaining("{\"rule\": \"MCP-REV-001\", \"reason\":");
        assertThatThrownBy(
                        () ->
                                load(
                                        "{\"disable\": [{\"rule\": \"MCP-REV-001\", \"reason\": \" \"}]}"))
                .hasMessageContaining("disabling MCP-REV-001: \"reason\" is mandatory");
        assertThatThrownBy(
                        () ->
                                load(
                                        "{\"disable\": [{\"rule\": \"MCP-REV-001\", \"reasn\": \"x\"}]}"))
                .hasMessageContaining("unknown key \"reasn\"")
                .hasMessageContaining("did you mean \"reason\"?");
    }

    @Test
    void unknownKeys_badSeverities_andBadDates_nameWhatIsWrong() {
        assertThatThrownBy(() -> load("{\"exlude\": []}"))
                .hasMessageContaining(".mcpsec/config.json:1: unknown key \"exlude\"")
                .hasMessageContaining("did you mean \"exclude\"?");
        assertThatThrownBy(() -> load("{\"severity\": {\"x\": \"urgent\"}}"))
                .hasMessageContaining("severity of x: 'urgent' is not a severity");
        assertThatThrownBy(
                        () ->
                                load(
                                        "{\"suppress\": [{\"rule\": \"x\", \"reason\": \"r\", \"until\": \"soon\"}]}"))
                .hasMessageContaining("\"until\" must be a date");
        assertThatThrownBy(() -> load("{\"disable\": [\"x\""))
                .hasMessageContaining(".mcpsec/config.json:1: not valid JSON");
    }
}
