package dev.mcpsec.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanWarning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {

    @TempDir Path tmp;

    private static void write(Path base, String rel) throws IOException {
        Path p = base.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "{}");
    }

    private static DiscoveryResult discover(Path root) {
        return Discovery.discover(root, false, null, ScanLimits.defaults());
    }

    @Test
    void nestedMonorepoConfigs_areFoundAtAnyDepth() throws IOException {
        Path root = tmp.resolve("repo");
        write(root, ".mcp.json");
        write(root, "apps/web/.cursor/mcp.json");
        write(root, "packages/api/.vscode/mcp.json");
        write(root, "services/a/b/.codex/config.toml");
        write(root, "docs/README.md");
        write(root, "apps/web/.continue/mcpServers/db.yaml");
        assertThat(discover(root).files())
                .extracting(DiscoveredFile::displayPath, f -> f.entry().client())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(".mcp.json", "claude-code"),
                        org.assertj.core.groups.Tuple.tuple(
                                "apps/web/.continue/mcpServers/db.yaml", "continue"),
                        org.assertj.core.groups.Tuple.tuple("apps/web/.cursor/mcp.json", "cursor"),
                        org.assertj.core.groups.Tuple.tuple(
                                "packages/api/.vscode/mcp.json", "vscode"),
                        org.assertj.core.groups.Tuple.tuple(
                                "services/a/b/.codex/config.toml", "codex"));
    }

    @Test
    void dependencyAndBuildDirectories_areSkipped() throws IOException {
        Path root = tmp.resolve("repo");
        write(root, "node_modules/pkg/.mcp.json");
        write(root, "target/classes/.mcp.json");
        write(root, ".git/mcp.json");
        write(root, "a/.venv/mcp.json");
        write(root, "src/.mcp.json");
        assertThat(discover(root).files())
                .extracting(DiscoveredFile::displayPath)
                .containsExactly("src/.mcp.json");
    }

    @Test
    void symlinkLoop_terminates_andLinksOutsideTheRootAreSkipped() throws IOException {
        Path root = tmp.resolve("repo");
        write(root, "a/.mcp.json");
        Files.createSymbolicLink(root.resolve("a/loop"), root.resolve("a"));
        Path outside = tmp.resolve("outside");
        write(outside, "secret.json");
        Files.createSymbolicLink(root.resolve(".mcp.json"), outside.resolve("secret.json"));
        Files.createSymbolicLink(root.resolve("mcp.json"), root.resolve("a/.mcp.json"));
        DiscoveryResult r = discover(root);
        assertThat(r.files())
                .extracting(DiscoveredFile::displayPath)
                .containsExactly("a/.mcp.json", "mcp.json");
        assertThat(r.warnings()).extracting(ScanWarning::file).containsExactly(".mcp.json");
    }

    @Test
    void walkDepthAndFileCount_areLimited() throws IOException {
        Path root = tmp.resolve("repo");
        write(root, "1/2/3/.mcp.json");
        write(root, "1/2/.mcp.json");
        write(root, "1/.mcp.json");
        write(root, "x/y/.mcp.json");
        ScanLimits limits =
                new ScanLimits(
                        1 << 20,
                        64,
                        2,
                        2,
                        100,
                        100,
                        10,
                        Duration.ofSeconds(1),
                        10,
                        Duration.ofSeconds(1));
        DiscoveryResult r = Discovery.discover(root, false, null, limits);
        // breadth first: the two configs nearest the root are kept, x/y/.mcp.json is the first one
        // left out
        assertThat(r.files())
                .extracting(DiscoveredFile::displayPath)
                .containsExactly("1/.mcp.json", "1/2/.mcp.json");
        assertThat(r.truncatedBy())
                .isNotNull()
                .satisfies(s -> assertThat(s.file()).isEqualTo("x/y/.mcp.json"));
        assertThat(r.warnings())
                .anyMatch(w -> w.message().contains("maxWalkDepth"))
                .anyMatch(w -> w.message().contains("maxFiles"));
    }

    @Test
    void unreadableDirectory_isAWarning() throws IOException {
        assumeThat(System.getProperty("user.name")).isNotEqualTo("root");
        Path root = tmp.resolve("repo");
        write(root, "locked/.mcp.json");
        write(root, ".mcp.json");
        Path locked = root.resolve("locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            DiscoveryResult r = discover(root);
            assertThat(r.files())
                    .extracting(DiscoveredFile::displayPath)
                    .containsExactly(".mcp.json");
            assertThat(r.warnings()).extracting(ScanWarning::file).contains("locked");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void missingRoot_isAConfigurationError() {
        assertThatThrownBy(() -> discover(tmp.resolve("nope")))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(
                        e -> assertThat(((ConfigurationException) e).setting()).isEqualTo("path"));
    }

    @Test
    void userScope_findsLinuxMacAndWindowsLayouts() throws IOException {
        Path home = tmp.resolve("home");
        write(home, ".claude.json");
        write(home, ".claude/settings.json");
        write(home, ".config/Code/User/mcp.json");
        write(home, "Library/Application Support/Code - Insiders/User/settings.json");
        write(
                home,
                "AppData/Roaming/Cursor/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json");
        write(
                home,
                ".vscode-server/data/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json");
        write(home, "Library/Application Support/Claude/claude_desktop_config.json");
        write(home, "AppData/Roaming/Claude/claude_desktop_config.json");
        write(home, ".codeium/windsurf/mcp_config.json");
        write(home, ".codex/config.toml");
        write(home, ".aws/amazonq/cli-agents/dev.json");
        write(home, ".continue/mcpServers/pg.yaml");
        write(home, ".config/Code/User/profiles/abc/mcp.json");
        write(home, ".config/goose/config.yaml");
        Path root = tmp.resolve("repo");
        Files.createDirectories(root);
        DiscoveryResult r = Discovery.discover(root, true, home, ScanLimits.defaults());
        assertThat(r.files())
                .allMatch(f -> f.scope().equals("user") && f.displayPath().startsWith("~/"));
        assertThat(r.files())
                .extracting(DiscoveredFile::displayPath, f -> f.entry().client())
                .contains(
                        org.assertj.core.groups.Tuple.tuple("~/.claude.json", "claude-code"),
                        org.assertj.core.groups.Tuple.tuple(
                                "~/.config/Code/User/mcp.json", "vscode"),
                        org.assertj.core.groups.Tuple.tuple(
                                "~/AppData/Roaming/Cursor/User/globalStorage/saoudrizwan.claude-dev/"
                                        + "settings/cline_mcp_settings.json",
                                "cline"),
                        org.assertj.core.groups.Tuple.tuple(
                                "~/.vscode-server/data/User/globalStorage/rooveterinaryinc.roo-cline/"
                                        + "settings/mcp_settings.json",
                                "roo"),
                        org.assertj.core.groups.Tuple.tuple(
                                "~/Library/Application Support/Claude/claude_desktop_config.json",
                                "claude-desktop"),
                        org.assertj.core.groups.Tuple.tuple(
                                "~/.aws/amazonq/cli-agents/dev.json", "amazonq"),
                        org.assertj.core.groups.Tuple.tuple(
                                "~/.config/Code/User/profiles/abc/mcp.json", "vscode"),
                        org.assertj.core.groups.Tuple.tuple(
                                "~/.config/goose/config.yaml", "goose"));
        assertThat(r.files()).hasSize(14);
        assertThat(r.files())
                .filteredOn(f -> f.displayPath().endsWith("/settings.json"))
                .allMatch(f -> f.entry().kind().equals("settings"));
    }

    @Test
    void userScope_findsInstalledClaudePluginsInCacheAndMarketplaces() throws IOException {
        Path home = tmp.resolve("home");
        write(home, ".claude/plugins/cache/acme/db-tools/1.2.0/.mcp.json");
        write(home, ".claude/plugins/cache/acme/db-tools/1.2.0/.claude-plugin/plugin.json");
        write(home, ".claude/plugins/cache/acme/db-tools/1.2.0/hooks/hooks.json");
        write(home, ".claude/plugins/marketplaces/acme/.claude-plugin/marketplace.json");
        write(home, ".claude/plugins/marketplaces/acme/plugins/lint/hooks/hooks.json");
        write(home, ".claude/plugins/marketplaces/acme/external_plugins/x/.mcp.json");
        // not a plugin part: a hooks file at another depth, a README, a hidden cache entry
        write(home, ".claude/plugins/cache/acme/hooks/hooks.json");
        write(home, ".claude/plugins/cache/acme/db-tools/1.2.0/README.md");
        write(home, ".claude/plugins/cache/.tmp/db-tools/1.2.0/.mcp.json");
        Path root = tmp.resolve("repo");
        Files.createDirectories(root);
        DiscoveryResult r = Discovery.discover(root, true, home, ScanLimits.defaults());
        assertThat(r.files())
                .extracting(DiscoveredFile::displayPath, f -> f.entry().shape())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "~/.claude/plugins/cache/acme/db-tools/1.2.0/.mcp.json",
                                ConfigShape.MCP_SERVERS),
                        org.assertj.core.groups.Tuple.tuple(
                                "~/.claude/plugins/cache/acme/db-tools/1.2.0/.claude-plugin/plugin.json",
                                ConfigShape.CLAUDE_PLUGIN),
                        org.assertj.core.groups.Tuple.tuple(
                                "~/.claude/plugins/cache/acme/db-tools/1.2.0/hooks/hooks.json",
                                ConfigShape.CLAUDE_PLUGIN),
                        org.assertj.core.groups.Tuple.tuple(
                                "~/.claude/plugins/marketplaces/acme/.claude-plugin/marketplace.json",
                                ConfigShape.CLAUDE_MARKETPLACE),
                        org.assertj.core.groups.Tuple.tuple(
                                "~/.claude/plugins/marketplaces/acme/plugins/lint/hooks/hooks.json",
                                ConfigShape.CLAUDE_PLUGIN),
                        org.assertj.core.groups.Tuple.tuple(
                                "~/.claude/plugins/marketplaces/acme/external_plugins/x/.mcp.json",
                                ConfigShape.MCP_SERVERS));
        assertThat(r.files()).allMatch(f -> f.entry().client().equals("claude-code"));
    }

    @Test
    void systemRoot_findsManagedFilesOfEveryOs_andNothingWithoutIt() throws IOException {
        Path system = tmp.resolve("machine");
        write(system, "etc/claude-code/managed-mcp.json");
        write(system, "etc/claude-code/managed-settings.json");
        write(system, "etc/claude-code/managed-settings.d/10-hooks.json");
        write(system, "Library/Application Support/ClaudeCode/managed-settings.json");
        write(system, "Program Files/ClaudeCode/managed-mcp.json");
        write(system, "etc/gemini-cli/settings.json");
        write(system, "ProgramData/gemini-cli/system-defaults.json");
        write(system, "etc/claude-code/README.json");
        Path root = tmp.resolve("repo");
        Files.createDirectories(root);

        DiscoveryResult r = Discovery.discover(root, false, null, system, ScanLimits.defaults());

        assertThat(r.files())
                .extracting(DiscoveredFile::displayPath, DiscoveredFile::scope)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "/etc/claude-code/managed-mcp.json", "system"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/etc/claude-code/managed-settings.json", "system"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/etc/claude-code/managed-settings.d/10-hooks.json", "system"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/Library/Application Support/ClaudeCode/managed-settings.json",
                                "system"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/Program Files/ClaudeCode/managed-mcp.json", "system"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/etc/gemini-cli/settings.json", "system"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/ProgramData/gemini-cli/system-defaults.json", "system"));
        assertThat(
                        Discovery.discover(root, true, tmp.resolve("nohome"), ScanLimits.defaults())
                                .files())
                .isEmpty();
    }

    @Test
    void catalogue_findsVsCodeTasksButNotLaunchConfigs() {
        assertThat(ClientCatalog.matchProjectPath(".vscode/tasks.json"))
                .hasValueSatisfying(
                        e -> {
                            assertThat(e.shape()).isEqualTo(ConfigShape.VSCODE_TASKS);
                            assertThat(e.kind()).isEqualTo("settings");
                        });
        assertThat(ClientCatalog.matchProjectPath(".vscode/launch.json")).isEmpty();
        assertThat(ClientCatalog.matchProjectPath("tasks.json")).isEmpty();
    }

    @Test
    void userFileLinkedOutsideHome_isSkipped() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        write(tmp, "elsewhere/claude.json");
        Files.createSymbolicLink(
                home.resolve(".claude.json"), tmp.resolve("elsewhere/claude.json"));
        Path root = tmp.resolve("repo");
        Files.createDirectories(root);
        DiscoveryResult r = Discovery.discover(root, true, home, ScanLimits.defaults());
        assertThat(r.files()).isEmpty();
        assertThat(r.warnings()).extracting(ScanWarning::file).containsExactly("~/.claude.json");
    }

    @Test
    void catalogue_matchesTheMostSpecificProjectPattern() {
        assertThat(ClientCatalog.matchProjectPath("a/b/.kiro/settings/mcp.json"))
                .hasValueSatisfying(e -> assertThat(e.client()).isEqualTo("kiro"));
        assertThat(ClientCatalog.matchProjectPath("mcp.json"))
                .hasValueSatisfying(e -> assertThat(e.client()).isEqualTo("unknown"));
        assertThat(ClientCatalog.matchProjectPath("x\\.amazonq\\cli-agents\\dev.json"))
                .hasValueSatisfying(e -> assertThat(e.shape()).isEqualTo(ConfigShape.AMAZONQ));
        assertThat(ClientCatalog.matchProjectPath(".claude/settings.json"))
                .hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo("settings"));
        assertThat(ClientCatalog.matchProjectPath("src/settings.json")).isEmpty();
    }

    @Test
    void catalogue_findsPluginsManagedFilesExtensionsAndHooksByName() {
        assertThat(ClientCatalog.matchProjectPath("plugins/db/.claude-plugin/plugin.json"))
                .hasValueSatisfying(
                        e -> assertThat(e.shape()).isEqualTo(ConfigShape.CLAUDE_PLUGIN));
        assertThat(ClientCatalog.matchProjectPath(".claude-plugin/marketplace.json"))
                .hasValueSatisfying(
                        e -> assertThat(e.shape()).isEqualTo(ConfigShape.CLAUDE_MARKETPLACE));
        assertThat(ClientCatalog.matchProjectPath("it/macos/managed-mcp.json"))
                .hasValueSatisfying(e -> assertThat(e.shape()).isEqualTo(ConfigShape.MCP_SERVERS));
        assertThat(ClientCatalog.matchProjectPath("it/linux/managed-settings.json"))
                .hasValueSatisfying(
                        e -> assertThat(e.shape()).isEqualTo(ConfigShape.CLAUDE_SETTINGS));
        assertThat(ClientCatalog.matchProjectPath(".gemini/extensions/x/gemini-extension.json"))
                .hasValueSatisfying(e -> assertThat(e.client()).isEqualTo("gemini"));
        assertThat(ClientCatalog.matchProjectPath("dotfiles/roo/mcp_settings.json"))
                .hasValueSatisfying(e -> assertThat(e.client()).isEqualTo("roo"));
        assertThat(ClientCatalog.matchProjectPath(".cursor/hooks.json"))
                .hasValueSatisfying(e -> assertThat(e.shape()).isEqualTo(ConfigShape.CURSOR_HOOKS));
        assertThat(ClientCatalog.matchProjectPath(".kiro/hooks/lint-on-save.kiro.hook"))
                .hasValueSatisfying(e -> assertThat(e.shape()).isEqualTo(ConfigShape.KIRO_HOOKS));
        assertThat(ClientCatalog.matchProjectPath("app/.kiro/hooks/team.json"))
                .hasValueSatisfying(
                        e -> {
                            assertThat(e.shape()).isEqualTo(ConfigShape.KIRO_HOOKS);
                            assertThat(e.kind()).isEqualTo("settings");
                        });
        assertThat(ClientCatalog.matchProjectPath(".kiro/hooks/notes.md")).isEmpty();
        assertThat(ClientCatalog.matchProjectPath(".amazonq/cli-agents/dev.json"))
                .hasValueSatisfying(e -> assertThat(e.shape()).isEqualTo(ConfigShape.AMAZONQ));
        assertThat(ClientCatalog.matchProjectPath("hooks.json")).isEmpty();
        assertThat(ClientCatalog.matchProjectPath("plugin.json")).isEmpty();
        assertThat(ClientCatalog.matchProjectPath("package.json")).isEmpty();
    }
}
