package dev.mcpsec.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MCP configs found by their content in dotfiles repositories: true and false positives. */
class ShapeSnifferTest {
    @TempDir Path tmp;

    /** Configs at paths no client reads, and the shape each must be read with. */
    private static final Map<String, ConfigShape> TRUE_POSITIVES =
            Map.of(
                    "claude/mcp-servers.json",
                    ConfigShape.MCP_SERVERS,
                    "zed/settings.json",
                    ConfigShape.ZED,
                    "dot_codex/private_config.toml",
                    ConfigShape.CODEX,
                    "continue/assistant.yaml",
                    ConfigShape.CONTINUE,
                    "vscode/copilot.jsonc",
                    ConfigShape.VSCODE);

    private static String content(String path) {
        return switch (path) {
            case "claude/mcp-servers.json" ->
                    "{\"mcpServers\": {\"gh\": {\"command\": \"npx\", \"args\": [\"-y\", \"x\"]}}}";
            case "zed/settings.json" ->
                    "{ // zed\n \"context_servers\": {\"gh\": {\"command\": {\"path\": \"npx\", \"args\": []}}}}";
            case "dot_codex/private_config.toml" ->
                    "model = \"o3\"\n\n[mcp_servers.gh]\ncommand = \"npx\"\nargs = [\"-y\", \"x\"]\n";
            case "continue/assistant.yaml" ->
                    "name: a\nmcpServers:\n  - name: gh\n    command: npx\n    args: [\"-y\", \"x\"]\n";
            case "vscode/copilot.jsonc" ->
                    "{\"servers\": {\"gh\": {\"type\": \"http\", \"url\": \"https://api.example.invalid/mcp\"}}}";
            default -> throw new IllegalArgumentException(path);
        };
    }

    /** Look-alikes that are not MCP configs. */
    private static final Map<String, String> FALSE_POSITIVES =
            Map.of(
                    "infra/servers.json",
                    "{\"servers\": {\"web\": {\"url\": \"https://www.example.invalid\", \"port\": 443}}}",
                    "pm2/apps.json",
                    "{\"servers\": {\"api\": {\"command\": \"node server.js\", \"cwd\": \"/srv\"}}}",
                    "node/launch.settings.json",
                    "{\"configurations\": [{\"type\": \"node\", \"program\": \"a.js\", \"args\": []}]}",
                    "random/empty-servers.json",
                    "{\"mcpServers\": {}}",
                    "cargo/config.toml",
                    "[servers.a]\ncommand = \"x\"\n",
                    "ansible/hosts.yaml",
                    "servers:\n  - name: db\n    url: postgres://db.example.invalid\n",
                    "docs/mention.yaml",
                    "title: mcpServers\nbody: use the command: npx\n");

    @Test
    void configsAtOwnPaths_areFoundWithTheirShape() {
        TRUE_POSITIVES.forEach(
                (path, shape) ->
                        assertThat(ShapeSniffer.classify(path, content(path)))
                                .as(path)
                                .hasValueSatisfying(
                                        e -> {
                                            assertThat(e.shape()).isEqualTo(shape);
                                            assertThat(e.scope()).isEqualTo("project");
                                        }));
    }

    @Test
    void lookAlikes_areNotConfigs() {
        FALSE_POSITIVES.forEach(
                (path, text) -> assertThat(ShapeSniffer.classify(path, text)).as(path).isEmpty());
    }

    @Test
    void wellKnownFilesOfOtherTools_andOtherExtensions_areNeverRead() {
        for (String name :
                new String[] {
                    "package.json",
                    "tsconfig.json",
                    "tsconfig.build.json",
                    "launch.json",
                    "tasks.json",
                    "docker-compose.yml",
                    "pyproject.toml",
                    "notes.md",
                    "mcp.json.bak",
                    "Makefile"
                }) {
            assertThat(ShapeSniffer.candidate(name)).as(name).isFalse();
        }
        assertThat(ShapeSniffer.candidate("mcp-servers.json")).isTrue();
        assertThat(ShapeSniffer.candidate("settings.json.tmpl")).as("a chezmoi template").isFalse();
    }

    @Test
    void onlyDotfilesRepositories_areSniffed_andBinaryOrLargeFilesAreSkipped() throws IOException {
        String config = content("claude/mcp-servers.json");
        Path plain = tmp.resolve("app");
        write(plain, "claude/mcp-servers.json", config);
        assertThat(Discovery.discover(plain, false, null, ScanLimits.defaults()).files()).isEmpty();

        Path dots = tmp.resolve("repo");
        write(dots, ".chezmoiroot", "home\n");
        write(dots, "claude/mcp-servers.json", config);
        write(dots, "claude/binary.json", config + "\u0000");
        write(dots, "claude/huge.json", config + " ".repeat(ShapeSniffer.MAX_BYTES));
        write(dots, "node/package.json", config);
        assertThat(Discovery.discover(dots, false, null, ScanLimits.defaults()).files())
                .extracting(DiscoveredFile::displayPath)
                .containsExactly("claude/mcp-servers.json");

        Path named = tmp.resolve("my-dotfiles");
        write(named, "zed/settings.json", content("zed/settings.json"));
        assertThat(Discovery.discover(named, false, null, ScanLimits.defaults()).files())
                .singleElement()
                .satisfies(f -> assertThat(f.entry().client()).isEqualTo("zed"));
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
