package dev.mcpsec.discovery;

import static dev.mcpsec.discovery.ConfigShape.AMAZONQ;
import static dev.mcpsec.discovery.ConfigShape.AMP;
import static dev.mcpsec.discovery.ConfigShape.CLAUDE_JSON;
import static dev.mcpsec.discovery.ConfigShape.CLAUDE_MARKETPLACE;
import static dev.mcpsec.discovery.ConfigShape.CLAUDE_PLUGIN;
import static dev.mcpsec.discovery.ConfigShape.CLAUDE_SETTINGS;
import static dev.mcpsec.discovery.ConfigShape.CLINE_HOOK;
import static dev.mcpsec.discovery.ConfigShape.CODEX;
import static dev.mcpsec.discovery.ConfigShape.CONTINUE;
import static dev.mcpsec.discovery.ConfigShape.CRUSH;
import static dev.mcpsec.discovery.ConfigShape.CURSOR_HOOKS;
import static dev.mcpsec.discovery.ConfigShape.CURSOR_PERMISSIONS;
import static dev.mcpsec.discovery.ConfigShape.DEVCONTAINER;
import static dev.mcpsec.discovery.ConfigShape.GEMINI;
import static dev.mcpsec.discovery.ConfigShape.GOOSE;
import static dev.mcpsec.discovery.ConfigShape.KIRO_HOOKS;
import static dev.mcpsec.discovery.ConfigShape.MCP_SERVERS;
import static dev.mcpsec.discovery.ConfigShape.OPENCODE;
import static dev.mcpsec.discovery.ConfigShape.VSCODE;
import static dev.mcpsec.discovery.ConfigShape.VSCODE_SETTINGS;
import static dev.mcpsec.discovery.ConfigShape.VSCODE_TASKS;
import static dev.mcpsec.discovery.ConfigShape.ZED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every file-based MCP client location the scanner knows (see docs/clients.md): project patterns
 * matched at any depth of a tree, and user paths under the home folder for Linux, macOS and Windows
 * layouts.
 */
public final class ClientCatalog {

    private static final List<CatalogEntry> PROJECT = new ArrayList<>();
    private static final List<CatalogEntry> USER = new ArrayList<>();
    private static final List<CatalogEntry> SYSTEM = new ArrayList<>();

    /**
     * The compiled form of each catalogue segment holding {@code *} (a handful, all from this
     * catalogue): every file of a walk is matched against them.
     */
    private static final Map<String, Pattern> SEGMENT_GLOBS = new ConcurrentHashMap<>();

    /** VS Code-family user data dirs: {@code <base>/<fork>/User}, base per OS. */
    private static final String[] VSC_BASES = {
        ".config", "Library/Application Support", "AppData/Roaming"
    };

    private static final String[][] VSC_FORKS = {
        {"Code", "vscode"},
        {"Code - Insiders", "vscode"},
        {"VSCodium", "vscode"},
        {"Cursor", "cursor"},
        {"Windsurf", "windsurf"}
    };

    static {
        project("claude-code", ".mcp.json", "json", MCP_SERVERS);
        project("unknown", "mcp.json", "jsonc", MCP_SERVERS);
        project("unknown", "mcp_config.json", "jsonc", MCP_SERVERS);
        project("claude-desktop", "claude_desktop_config.json", "json", MCP_SERVERS);
        project("cursor", ".cursor/mcp.json", "jsonc", MCP_SERVERS);
        project("vscode", ".vscode/mcp.json", "jsonc", VSCODE);
        projectSettings("vscode", ".vscode/settings.json", "jsonc", VSCODE_SETTINGS);
        project("vscode", ".devcontainer/devcontainer.json", "jsonc", DEVCONTAINER);
        project("visual-studio", ".vs/mcp.json", "jsonc", VSCODE);
        projectSettings("claude-code", ".claude/settings.json", "json", CLAUDE_SETTINGS);
        projectSettings("claude-code", ".claude/settings.local.json", "json", CLAUDE_SETTINGS);
        project("gemini", ".gemini/settings.json", "jsonc", GEMINI);
        project("roo", ".roo/mcp.json", "json", MCP_SERVERS);
        project("kilo", ".kilocode/mcp.json", "json", MCP_SERVERS);
        project("amazonq", ".amazonq/mcp.json", "json", AMAZONQ);
        project("amazonq", ".amazonq/default.json", "json", AMAZONQ);
        project("amazonq", ".amazonq/cli-agents/*.json", "json", AMAZONQ);
        project("kiro", ".kiro/settings/mcp.json", "json", MCP_SERVERS);
        project("opencode", "opencode.json", "jsonc", OPENCODE);
        project("opencode", "opencode.jsonc", "jsonc", OPENCODE);
        project("windsurf", ".windsurf/mcp_config.json", "json", MCP_SERVERS);
        project("windsurf", ".devin/mcp_config.json", "json", MCP_SERVERS);
        project("windsurf", ".devin/mcp_config.local.json", "json", MCP_SERVERS);
        project("continue", ".continue/config.yaml", "yaml", CONTINUE);
        project("continue", ".continue/config.json", "jsonc", CONTINUE);
        project("continue", ".continue/mcpServers/*.yaml", "yaml", CONTINUE);
        project("continue", ".continue/mcpServers/*.yml", "yaml", CONTINUE);
        project("continue", ".continue/mcpServers/*.json", "jsonc", MCP_SERVERS);
        project("codex", ".codex/config.toml", "toml", CODEX);
        project("cline", "cline_mcp_settings.json", "json", MCP_SERVERS);
        project("cline", ".cline/mcp.json", "json", MCP_SERVERS);
        project("trae", ".trae/mcp.json", "jsonc", MCP_SERVERS);
        project("junie", ".junie/mcp/mcp.json", "json", MCP_SERVERS);
        project("crush", "crush.json", "json", CRUSH);
        project("crush", ".crush.json", "json", CRUSH);
        project("zed", ".zed/settings.json", "jsonc", ZED);
        project("zed", ".config/zed/settings.json", "jsonc", ZED);
        project("copilot-cli", ".github/mcp.json", "json", MCP_SERVERS);
        // Amp: amp.mcpServers in ~/.config/amp/settings.json and VS Code settings
        // (https://ampcode.com/manual);
        // .amp/settings.json per project as third-party tooling describes it (syllago.dev,
        // providers/amp/mcp)
        project("amp", ".amp/settings.json", "jsonc", AMP);
        // Claude Code plugins and marketplaces (servers inline in plugin.json or marketplace
        // entries; a plugin's own
        // .mcp.json is matched above), and the managed (system-wide) files when a repository
        // deploys them
        project("claude-code", ".claude-plugin/plugin.json", "json", CLAUDE_PLUGIN);
        project("claude-code", ".claude-plugin/marketplace.json", "json", CLAUDE_MARKETPLACE);
        project("claude-code", "managed-mcp.json", "json", MCP_SERVERS);
        projectSettings("claude-code", "managed-settings.json", "json", CLAUDE_SETTINGS);
        project("gemini", "gemini-extension.json", "json", GEMINI);
        project("roo", "mcp_settings.json", "json", MCP_SERVERS);
        projectSettings("cursor", ".cursor/hooks.json", "json", CURSOR_HOOKS);
        // tasks that run when the folder opens (VS Code tasks docs, runOptions.runOn); Cursor reads
        // the same file
        projectSettings("vscode", ".vscode/tasks.json", "jsonc", VSCODE_TASKS);
        // Windsurf Cascade hooks: the same hooks.<event>[].command shape as Cursor's
        // (docs.windsurf.com/windsurf/cascade/hooks)
        projectSettings("windsurf", ".windsurf/hooks.json", "json", CURSOR_HOOKS);
        // Kiro agent hooks: IDE hook files (kiro.dev/docs/hooks/actions) and CLI v3 hooks files
        // (kiro.dev/docs/cli/v3/hooks)
        projectSettings("kiro", ".kiro/hooks/*.kiro.hook", "json", KIRO_HOOKS);
        projectSettings("kiro", ".kiro/hooks/*.json", "json", KIRO_HOOKS);
        // Cline hooks: an executable script named after its event (no extension; .ps1 on Windows)
        // in .clinerules/hooks/ (docs.cline.bot/customization/hooks)
        for (String hook :
                new String[] {
                    "TaskStart",
                    "TaskResume",
                    "TaskCancel",
                    "TaskComplete",
                    "PreToolUse",
                    "PostToolUse",
                    "UserPromptSubmit",
                    "PreCompact"
                }) {
            projectSettings("cline", ".clinerules/hooks/" + hook, "script", CLINE_HOOK);
            projectSettings("cline", ".clinerules/hooks/" + hook + ".ps1", "script", CLINE_HOOK);
        }

        user("claude-code", ".claude.json", "json", CLAUDE_JSON, "servers");
        user("claude-code", ".claude/settings.json", "json", CLAUDE_SETTINGS, "settings");
        claudePlugins();
        user("visual-studio", ".mcp.json", "jsonc", MCP_SERVERS, "servers");
        for (String base :
                new String[] {"Library/Application Support", "AppData/Roaming", ".config"}) {
            user(
                    "claude-desktop",
                    base + "/Claude/claude_desktop_config.json",
                    "json",
                    MCP_SERVERS,
                    "servers");
        }
        user("cursor", ".cursor/mcp.json", "jsonc", MCP_SERVERS, "servers");
        user("cursor", ".cursor/permissions.json", "jsonc", CURSOR_PERMISSIONS, "settings");
        user("cursor", ".cursor/hooks.json", "json", CURSOR_HOOKS, "settings");
        user("windsurf", ".codeium/windsurf/mcp_config.json", "json", MCP_SERVERS, "servers");
        user("windsurf", ".codeium/windsurf/hooks.json", "json", CURSOR_HOOKS, "settings");
        user("windsurf", ".codeium/windsurf-next/mcp_config.json", "json", MCP_SERVERS, "servers");
        user("windsurf", ".codeium/mcp_config.json", "json", MCP_SERVERS, "servers");
        user("windsurf", ".config/devin/mcp_config.json", "json", MCP_SERVERS, "servers");
        for (String base : VSC_BASES) {
            for (String[] fork : VSC_FORKS) {
                vscodeUserDir(base + "/" + fork[0] + "/User", fork[1]);
            }
        }
        vscodeUserDir(".vscode-server/data/User", "vscode");
        user("zed", ".config/zed/settings.json", "jsonc", ZED, "servers");
        user("zed", "AppData/Roaming/Zed/settings.json", "jsonc", ZED, "servers");
        user("gemini", ".gemini/settings.json", "jsonc", GEMINI, "servers");
        user("gemini", ".gemini/extensions/*/gemini-extension.json", "json", GEMINI, "servers");
        user("codex", ".codex/config.toml", "toml", CODEX, "servers");
        user("kiro", ".kiro/settings/mcp.json", "json", MCP_SERVERS, "servers");
        user("amazonq", ".aws/amazonq/mcp.json", "json", AMAZONQ, "servers");
        user("amazonq", ".aws/amazonq/default.json", "json", AMAZONQ, "servers");
        user("amazonq", ".aws/amazonq/agents/*.json", "json", AMAZONQ, "servers");
        user("amazonq", ".aws/amazonq/cli-agents/*.json", "json", AMAZONQ, "servers");
        user("opencode", ".config/opencode/opencode.json", "jsonc", OPENCODE, "servers");
        user("opencode", ".config/opencode/opencode.jsonc", "jsonc", OPENCODE, "servers");
        user("continue", ".continue/config.yaml", "yaml", CONTINUE, "servers");
        user("continue", ".continue/config.json", "jsonc", CONTINUE, "servers");
        user("continue", ".continue/mcpServers/*.yaml", "yaml", CONTINUE, "servers");
        user("continue", ".continue/mcpServers/*.yml", "yaml", CONTINUE, "servers");
        user("continue", ".continue/mcpServers/*.json", "jsonc", MCP_SERVERS, "servers");
        user(
                "cline",
                ".cline/data/settings/cline_mcp_settings.json",
                "json",
                MCP_SERVERS,
                "servers");
        user("cline", ".cline/mcp.json", "json", MCP_SERVERS, "servers");
        user("junie", ".junie/mcp/mcp.json", "json", MCP_SERVERS, "servers");
        user("lmstudio", ".lmstudio/mcp.json", "json", MCP_SERVERS, "servers");
        user("goose", ".config/goose/config.yaml", "yaml", GOOSE, "servers");
        user("goose", "AppData/Roaming/Block/goose/config/config.yaml", "yaml", GOOSE, "servers");
        user("copilot-cli", ".copilot/mcp-config.json", "json", MCP_SERVERS, "servers");
        user("crush", ".config/crush/crush.json", "json", CRUSH, "servers");
        user("amp", ".config/amp/settings.json", "jsonc", AMP, "servers");

        // system-wide managed files, relative to the machine's root: Claude Code managed MCP and
        // settings (code.claude.com/docs/en/managed-mcp, /settings), Gemini CLI system settings
        // and defaults (geminicli.com/docs/reference/configuration)
        for (String dir :
                new String[] {
                    "etc/claude-code",
                    "Library/Application Support/ClaudeCode",
                    "Program Files/ClaudeCode"
                }) {
            system("claude-code", dir + "/managed-mcp.json", "json", MCP_SERVERS, "servers");
            system(
                    "claude-code",
                    dir + "/managed-settings.json",
                    "json",
                    CLAUDE_SETTINGS,
                    "settings");
            system(
                    "claude-code",
                    dir + "/managed-settings.d/*.json",
                    "json",
                    CLAUDE_SETTINGS,
                    "settings");
        }
        for (String dir :
                new String[] {
                    "etc/gemini-cli",
                    "Library/Application Support/GeminiCli",
                    "ProgramData/gemini-cli"
                }) {
            system("gemini", dir + "/settings.json", "jsonc", GEMINI, "servers");
            system("gemini", dir + "/system-defaults.json", "jsonc", GEMINI, "servers");
        }
        for (String dir :
                new String[] {
                    "etc/windsurf", "Library/Application Support/Windsurf", "ProgramData/Windsurf"
                }) {
            system("windsurf", dir + "/hooks.json", "json", CURSOR_HOOKS, "settings");
        }
    }

    private ClientCatalog() {}

    /**
     * Installed Claude Code plugins: the copies in {@code ~/.claude/plugins/cache/<marketplace>/<
     * plugin>/<version>/} and the marketplace clones in {@code
     * ~/.claude/plugins/marketplaces/<marketplace>/} (plugins at the clone's root or under {@code
     * plugins/} and {@code external_plugins/}): each one's {@code .mcp.json}, manifest and {@code
     * hooks/hooks.json}.
     */
    private static void claudePlugins() {
        List<String> roots = new ArrayList<>();
        roots.add(".claude/plugins/cache/*/*/*");
        roots.add(".claude/plugins/marketplaces/*");
        roots.add(".claude/plugins/marketplaces/*/plugins/*");
        roots.add(".claude/plugins/marketplaces/*/external_plugins/*");
        for (String root : roots) {
            user("claude-code", root + "/.mcp.json", "json", MCP_SERVERS, "servers");
            user(
                    "claude-code",
                    root + "/.claude-plugin/plugin.json",
                    "json",
                    CLAUDE_PLUGIN,
                    "servers");
            user("claude-code", root + "/hooks/hooks.json", "json", CLAUDE_PLUGIN, "settings");
        }
        user(
                "claude-code",
                ".claude/plugins/marketplaces/*/.claude-plugin/marketplace.json",
                "json",
                CLAUDE_MARKETPLACE,
                "servers");
    }

    private static void vscodeUserDir(String dir, String client) {
        user(client, dir + "/mcp.json", "jsonc", VSCODE, "servers");
        user(client, dir + "/profiles/*/mcp.json", "jsonc", VSCODE, "servers");
        user(client, dir + "/settings.json", "jsonc", VSCODE_SETTINGS, "settings");
        String storage = dir + "/globalStorage/";
        user(
                "cline",
                storage + "saoudrizwan.claude-dev/settings/cline_mcp_settings.json",
                "json",
                MCP_SERVERS,
                "servers");
        user(
                "roo",
                storage + "rooveterinaryinc.roo-cline/settings/mcp_settings.json",
                "json",
                MCP_SERVERS,
                "servers");
        user(
                "roo",
                storage + "rooveterinaryinc.roo-cline/settings/cline_mcp_settings.json",
                "json",
                MCP_SERVERS,
                "servers");
        user(
                "kilo",
                storage + "kilocode.kilo-code/settings/mcp_settings.json",
                "json",
                MCP_SERVERS,
                "servers");
    }

    private static void project(String client, String pattern, String format, ConfigShape shape) {
        PROJECT.add(new CatalogEntry(client, "project", pattern, format, shape, "servers"));
    }

    private static void projectSettings(
            String client, String pattern, String format, ConfigShape shape) {
        PROJECT.add(new CatalogEntry(client, "project", pattern, format, shape, "settings"));
    }

    private static void user(
            String client, String pattern, String format, ConfigShape shape, String kind) {
        USER.add(new CatalogEntry(client, "user", pattern, format, shape, kind));
    }

    private static void system(
            String client, String pattern, String format, ConfigShape shape, String kind) {
        SYSTEM.add(new CatalogEntry(client, "system", pattern, format, shape, kind));
    }

    /**
     * System-scope entries: managed files, paths relative to the machine's root ({@code /} or
     * {@code C:\}).
     */
    public static List<CatalogEntry> systemEntries() {
        return List.copyOf(SYSTEM);
    }

    /** Project-scope entries, in catalogue order. */
    public static List<CatalogEntry> projectEntries() {
        return List.copyOf(PROJECT);
    }

    /** User-scope entries (paths relative to the home folder). */
    public static List<CatalogEntry> userEntries() {
        return List.copyOf(USER);
    }

    /**
     * The project entry for a path relative to a repository or scan root ({@code /} or {@code \}
     * separators), the most specific one when several match ({@code .cursor/mcp.json} over {@code
     * mcp.json}).
     */
    public static Optional<CatalogEntry> matchProjectPath(String repoRelativePath) {
        String[] parts = repoRelativePath.replace('\\', '/').split("/");
        CatalogEntry best = null;
        int bestLength = 0;
        for (int i = 0; i < PROJECT.size(); i++) {
            String[] segs = ProjectSegments.OF[i];
            if (matchesTail(parts, segs) && (best == null || segs.length > bestLength)) {
                best = PROJECT.get(i);
                bestLength = segs.length;
            }
        }
        return Optional.ofNullable(best);
    }

    /** True when the last segments of {@code parts} match {@code pattern}'s segments. */
    static boolean matchesTail(String[] parts, String[] pattern) {
        if (parts.length < pattern.length) {
            return false;
        }
        int offset = parts.length - pattern.length;
        for (int i = 0; i < pattern.length; i++) {
            if (!segmentMatches(pattern[i], parts[offset + i])) {
                return false;
            }
        }
        return true;
    }

    static boolean segmentMatches(String pattern, String name) {
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(name);
        }
        Pattern regex =
                SEGMENT_GLOBS.computeIfAbsent(
                        pattern,
                        p -> Pattern.compile(Pattern.quote(p).replace("*", "\\E[^/]*\\Q")));
        return regex.matcher(name).matches() && !name.startsWith(".");
    }

    /**
     * The project entries' patterns split into segments, index for index with {@code PROJECT}
     * (split once: every file of a walk is matched against every entry). A holder class, so that it
     * is built after the catalogue is complete.
     */
    private static final class ProjectSegments {
        static final String[][] OF =
                PROJECT.stream().map(CatalogEntry::segments).toArray(String[][]::new);
    }
}
