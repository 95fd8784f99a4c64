package dev.mcpsec.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team adopts mcpsec on an existing project: baseline today's findings, then only new problems
 * show.
 */
class BaselineEndToEndTest {
    @TempDir Path dir;

    private ScanResult scan(Path project) {
        return Mcpsec.create()
                .scan(
                        ScanRequest.builder(project)
                                .home(dir.resolve("home"))
                                .history(false)
                                .build());
    }

    @Test
    void afterABaseline_aNewProblemIsTheOnlyFinding() throws Exception {
        Path project = dir.resolve("project");
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
        ScanResult before = scan(project);
        assertThat(before.findings()).isNotEmpty();

        int written =
                Mcpsec.create()
                        .writeBaseline(
                                ScanRequest.builder(project)
                                        .home(dir.resolve("home"))
                                        .history(false)
                                        .build(),
                                project.resolve(".mcpsec/baseline.json"));
        assertThat(written).isEqualTo(before.findings().size());

        ScanResult baselined = scan(project);
        assertThat(baselined.findings()).isEmpty();
        assertThat(baselined.suppressed())
                .hasSize(before.findings().size())
                .allSatisfy(s -> assertThat(s.source()).isEqualTo("baseline"));

        Files.createDirectories(project.resolve(".claude"));
        Files.writeString(
                project.resolve(".claude/settings.json"),
                "{\"enableAllProjectMcpServers\": true}\n");
        ScanResult after = scan(project);
        assertThat(after.findings())
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.checklist()).isEqualTo("client-auto-approve");
                            assertThat(f.file()).isEqualTo(".claude/settings.json");
                        });
        assertThat(after.suppressed()).hasSize(before.findings().size());
    }

    @Test
    void findingFingerprints_surviveLineMoves() throws Exception {
        Path project = dir.resolve("moves");
        Files.createDirectories(project);
        Files.createDirectories(dir.resolve("home"));
        String server =
                "\"files\": {\"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"]}";
        Files.writeString(project.resolve(".mcp.json"), "{\"mcpServers\": {" + server + "}}\n");
        Finding first =
                scan(project).findings().stream()
                        .filter(f -> "filesystem-scope".equals(f.checklist()))
                        .findFirst()
                        .orElseThrow();
        Files.writeString(
                project.resolve(".mcp.json"),
                "{\n\n\n  \"mcpServers\": {\n\n    " + server + "\n  }\n}\n");
        Finding moved =
                scan(project).findings().stream()
                        .filter(f -> "filesystem-scope".equals(f.checklist()))
                        .findFirst()
                        .orElseThrow();
        assertThat(moved.line()).isNotEqualTo(first.line());
        assertThat(moved.fingerprint()).isEqualTo(first.fingerprint());
    }
}
