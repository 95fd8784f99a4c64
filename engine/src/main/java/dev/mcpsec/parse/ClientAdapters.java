package dev.mcpsec.parse;

import dev.mcpsec.discovery.ConfigShape;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One adapter per client shape: knows where that shape keeps its servers and approval settings, and
 * hands each server entry to the shared {@link ServerReader}.
 */
final class ClientAdapters {

    private static final List<String> VSCODE_KEYS =
            List.of(
                    "chat.tools.autoApprove",
                    "chat.tools.global.autoApprove",
                    "chat.permissions.default",
                    "chat.tools.terminal.autoApprove",
                    "chat.tools.terminal.enableAutoApprove",
                    "chat.tools.urls.autoApprove",
                    "chat.tools.edits.autoApprove",
                    "chat.tools.eligibleForAutoApproval",
                    "chat.autopilot.enabled",
                    "chat.mcp.access",
                    "chat.mcp.discovery.enabled",
                    "github.copilot.chat.claudeAgent.allowDangerouslySkipPermissions",
                    "http.proxy",
                    "github.copilot.advanced");
    private static final List<String> CLAUDE_KEYS =
            List.of(
                    "enableAllProjectMcpServers",
                    "enabledMcpjsonServers",
                    "disabledMcpjsonServers",
                    "permissions.allow",
                    "permissions.ask",
                    "permissions.deny",
                    "permissions.defaultMode",
                    "skipDangerousModePermissionPrompt",
                    "allowedMcpServers",
                    "deniedMcpServers",
                    "allowManagedMcpServersOnly",
                    "hooks",
                    "apiKeyHelper",
                    "statusLine",
                    "env",
                    "awsAuthRefresh",
                    "awsCredentialExport",
                    "otelHeadersHelper");
    private static final Pattern CLAUDE_PROJECT_KEYS =
            Pattern.compile(
                    "projects\\..+\\.(hasTrustDialogAccepted"
                            + "|enableAllProjectMcpServers|enabledMcpjsonServers|disabledMcpjsonServers|disabledMcpServers"
                            + "|enabledMcpServers|allowedTools)");

    /** The last segment of a model-provider setting that holds a credential. */
    private static final Pattern MODEL_KEY =
            Pattern.compile(
                    "(?i).*\\.(api_?key|[a-z_]*token|[a-z_]*secret|password"
                            + "|headers\\.(authorization|x-api-key|api-key))");

    /** The servers and settings one file yielded. */
    record Parsed(List<ServerEntry> servers, List<SettingEntry> settings, List<FileValue> values) {}

    private final ServerReader reader;
    private final int maxServers;
    private final List<String> warnings;
    private final List<ServerEntry> servers = new ArrayList<>();
    private final List<SettingEntry> settings = new ArrayList<>();
    private final List<FileValue> values = new ArrayList<>();
    private boolean limitWarned;

    private ClientAdapters(String client, int maxServers, List<String> warnings) {
        this.reader = new ServerReader(client, warnings);
        this.maxServers = maxServers;
        this.warnings = warnings;
    }

    static Parsed apply(
            ConfigShape shape, PNode root, String client, int maxServers, List<String> warnings) {
        ClientAdapters a = new ClientAdapters(client, maxServers, warnings);
        if (root != null && !root.isObject()) {
            warnings.add(
                    root.line()
                            + ":"
                            + root.column()
                            + ": the top level is not an object; nothing read");
        } else if (root != null) {
            a.adapt(shape, root);
        }
        return new Parsed(List.copyOf(a.servers), List.copyOf(a.settings), List.copyOf(a.values));
    }

    private void adapt(ConfigShape shape, PNode root) {
        switch (shape) {
            case MCP_SERVERS ->
                    servers(
                            root.get("mcpServers") != null
                                    ? root.get("mcpServers")
                                    : root.get("servers") != null
                                            ? root.get("servers")
                                            : bareServerMap(root));
            case VSCODE -> {
                servers(root.get("servers"));
                inputDefaults(root.get("inputs"));
                if (root.get("servers") == null && root.get("mcpServers") != null) {
                    warnings.add(
                            ServerReader.at(root.get("mcpServers"))
                                    + "\"mcpServers\" is not read by this client, which expects \"servers\"");
                }
            }
            case VSCODE_SETTINGS -> {
                servers(
                        root.get("mcp") != null
                                ? root.path("mcp", "servers")
                                : root.get("mcp.servers"));
                servers(
                        ampServers(
                                root)); // the Amp extension reads its servers from VS Code settings
                // too
                settings.addAll(SettingsReader.selectPrefixes(root, VSCODE_KEYS, null));
            }
            case DEVCONTAINER -> {
                PNode vscode = root.path("customizations", "vscode");
                servers(vscode == null ? null : vscode.path("mcp", "servers"));
                settings.addAll(
                        SettingsReader.selectPrefixes(
                                vscode == null ? null : vscode.get("settings"), VSCODE_KEYS, null));
            }
            case ZED -> {
                servers(root.get("context_servers"));
                settings(
                        root,
                        "agent.always_allow_tool_actions",
                        "agent.tool_permissions",
                        "session.trust_all_worktrees");
                modelKeys(root, "language_models");
            }
            case OPENCODE -> {
                servers(opencodeServers(root.get("mcp")));
                settings(root, "permission");
                settings.addAll(
                        SettingsReader.select(
                                root,
                                k -> k.matches("provider\\.[^.]+\\.options\\.baseURL"),
                                null));
                modelKeys(root, "provider");
            }
            case CRUSH -> {
                servers(root.get("mcp"));
                settings(root, "permissions.allowed_tools");
                modelKeys(root, "providers");
            }
            case CODEX -> {
                servers(root.get("mcp_servers"));
                settings(root, "approval_policy", "sandbox_mode", "notify");
                modelKeys(root, "model_providers");
                settings.addAll(
                        SettingsReader.select(
                                root, k -> k.matches("model_providers\\.[^.]+\\.base_url"), null));
                settings.addAll(
                        SettingsReader.select(
                                root, k -> k.matches("projects\\..+\\.trust_level"), null));
            }
            case CONTINUE -> {
                continueServers(root);
                modelKeys(root, "models", "tabAutocompleteModel", "embeddingsProvider", "reranker");
            }
            case GOOSE -> {
                servers(root.get("extensions"));
                settings(root, "GOOSE_MODE", "GOOSE_ALLOWLIST");
            }
            case CLAUDE_JSON -> claudeJson(root);
            case CLAUDE_SETTINGS ->
                    settings.addAll(SettingsReader.selectPrefixes(root, CLAUDE_KEYS, null));
            case GEMINI -> {
                servers(root.get("mcpServers"));
                settings(
                        root,
                        "tools.allowed",
                        "mcp.allowed",
                        "mcp.excluded",
                        "general.defaultApprovalMode",
                        "security.folderTrust.enabled",
                        "security.disableYoloMode",
                        "autoAccept",
                        "tools.autoAccept",
                        "hooks",
                        "tools.discoveryCommand",
                        "tools.callCommand");
            }
            case AMAZONQ -> {
                servers(root.get("mcpServers"));
                settings(root, "allowedTools", "hooks");
            }
            case CURSOR_PERMISSIONS -> settings(root, "mcpAllowlist", "terminalAllowlist");
            case CURSOR_HOOKS -> settings(root, "hooks");
            case CLAUDE_PLUGIN -> {
                PNode inline = root.get("mcpServers");
                servers(inline != null && inline.isObject() ? inline : null);
                PNode hooks = root.get("hooks");
                if (hooks != null && hooks.isObject()) {
                    settings(root, "hooks");
                }
            }
            case CLAUDE_MARKETPLACE -> {
                PNode plugins = root.get("plugins");
                if (plugins != null && plugins.isArray()) {
                    for (PNode plugin : plugins.items()) {
                        PNode inline = plugin.isObject() ? plugin.get("mcpServers") : null;
                        servers(inline != null && inline.isObject() ? inline : null);
                    }
                }
            }
            case AMP -> servers(ampServers(root));
            case VSCODE_TASKS -> folderOpenTasks(root.get("tasks"));
            case KIRO_HOOKS -> kiroHooks(root);
            // a hook script is text, read line by line by ConfigParser, never as a tree
            case CLINE_HOOK -> {}
        }
    }

    /**
     * Kiro agent hooks: an IDE hook ({@code when.type}, {@code then.type: runCommand}, {@code
     * then.command}) or a CLI hooks file ({@code hooks[]} with {@code trigger} and {@code action:
     * {type: command, command}}). Each shell command becomes the setting {@code
     * hooks.<trigger>.command}; a hook with {@code "enabled": false} does not run and an agent
     * prompt ({@code askAgent}, {@code agent}) runs nothing, so neither is read.
     */
    private void kiroHooks(PNode root) {
        PNode list = root.get("hooks");
        if (list != null && list.isArray()) {
            for (PNode hook : list.items()) {
                if (hook.isObject()) {
                    kiroHook(hook, hook.get("trigger"), hook.get("action"), "command");
                }
            }
        } else {
            PNode when = root.get("when");
            kiroHook(
                    root,
                    when != null && when.isObject() ? when.get("type") : null,
                    root.get("then"),
                    "runCommand");
        }
    }

    private void kiroHook(PNode hook, PNode trigger, PNode action, String commandType) {
        PNode enabled = hook.get("enabled");
        if (enabled != null && enabled.isScalar() && "false".equals(enabled.text())) {
            return;
        }
        if (action == null || !action.isObject()) {
            return;
        }
        PNode type = action.get("type");
        PNode command = action.get("command");
        if (type == null
                || !commandType.equals(type.text())
                || command == null
                || !command.isScalar()
                || command.text() == null) {
            return;
        }
        String event =
                trigger != null && trigger.isScalar() && trigger.text() != null
                        ? trigger.text()
                        : "hook";
        settings.add(
                new SettingEntry(
                        "hooks." + event + ".command",
                        command.text(),
                        null,
                        command.line(),
                        command.column()));
    }

    /**
     * VS Code (and Cursor, which reads the same file) {@code .vscode/tasks.json}: a task with
     * {@code "runOptions": {"runOn": "folderOpen"}} runs when the folder is opened. Each becomes
     * the setting {@code tasks.folderOpen.command}: the command and its arguments joined, an npm
     * task as {@code npm run <script>}, and each platform override ({@code windows}, {@code linux},
     * {@code osx}) as one more.
     */
    private void folderOpenTasks(PNode tasks) {
        if (tasks == null || !tasks.isArray()) {
            return;
        }
        for (PNode task : tasks.items()) {
            PNode runOn = task.isObject() ? task.path("runOptions", "runOn") : null;
            if (runOn == null || !runOn.isScalar() || !"folderOpen".equals(runOn.text())) {
                continue;
            }
            taskCommand(task, task);
            for (String os : List.of("windows", "linux", "osx")) {
                PNode override = task.get(os);
                if (override != null && override.isObject()) {
                    taskCommand(override, task);
                }
            }
        }
    }

    private void taskCommand(PNode node, PNode task) {
        PNode command = node.get("command");
        if (command != null && command.isObject()) {
            command = command.get("value");
        }
        StringBuilder line = new StringBuilder();
        PNode at = command;
        if (command != null && command.isScalar() && command.text() != null) {
            line.append(command.text());
        } else if (node == task) {
            PNode type = task.get("type");
            PNode script = task.get("script");
            if (type != null
                    && "npm".equals(type.text())
                    && script != null
                    && script.isScalar()
                    && script.text() != null) {
                line.append("npm run ").append(script.text());
                at = script;
            }
        }
        if (line.length() == 0) {
            return;
        }
        PNode args = node.get("args");
        if (args != null && args.isArray()) {
            for (PNode arg : args.items()) {
                PNode value = arg.isObject() ? arg.get("value") : arg;
                if (value != null && value.isScalar() && value.text() != null) {
                    line.append(' ').append(value.text());
                }
            }
        }
        settings.add(
                new SettingEntry(
                        "tasks.folderOpen.command", line.toString(), null, at.line(), at.column()));
    }

    /**
     * Amp's servers: the dotted key {@code amp.mcpServers}, or {@code amp} → {@code mcpServers}
     * nested.
     */
    private static PNode ampServers(PNode root) {
        PNode flat = root.get("amp.mcpServers");
        if (flat != null) {
            return flat;
        }
        PNode amp = root.get("amp");
        return amp != null && amp.isObject() ? amp.get("mcpServers") : null;
    }

    /**
     * VS Code {@code inputs[].default}: the value used when the user only presses Enter, committed
     * with the file.
     */
    private void inputDefaults(PNode inputs) {
        if (inputs == null || !inputs.isArray()) {
            return;
        }
        List<PNode> items = inputs.items();
        for (int i = 0; i < items.size(); i++) {
            PNode input = items.get(i);
            PNode def = input.isObject() ? input.get("default") : null;
            if (def != null && def.isScalar() && def.text() != null) {
                PNode id = input.get("id");
                values.add(
                        new FileValue(
                                "inputs[" + i + "].default",
                                id != null && id.isScalar() ? id.text() : null,
                                def.located()));
            }
        }
    }

    /**
     * A plugin's {@code .mcp.json} may be a bare name → server map with no {@code mcpServers}
     * wrapper: read it as one when every top-level value is an object with a {@code command} or a
     * {@code url}.
     */
    private static PNode bareServerMap(PNode root) {
        if (root.fields().isEmpty()) {
            return null;
        }
        for (PNode v : root.fields().values()) {
            if (!v.isObject() || (v.get("command") == null && v.get("url") == null)) {
                return null;
            }
        }
        return root;
    }

    /**
     * opencode nests servers under {@code mcp.servers} in newer docs; a server literally named so
     * has a type.
     */
    private static PNode opencodeServers(PNode mcp) {
        PNode nested = mcp == null ? null : mcp.get("servers");
        if (nested != null
                && nested.isObject()
                && nested.get("type") == null
                && nested.get("command") == null
                && nested.get("url") == null) {
            return nested;
        }
        return mcp;
    }

    private void continueServers(PNode root) {
        if (root.get("mcpServers") != null) {
            servers(root.get("mcpServers"));
            return;
        }
        PNode experimental = root.get("experimental");
        if (experimental == null) {
            return;
        }
        servers(experimental.get("modelContextProtocolServers"));
        PNode single = experimental.get("modelContextProtocolServer");
        if (single != null) {
            add(reader.read("modelContextProtocolServer", single));
        }
    }

    private void claudeJson(PNode root) {
        servers(root.get("mcpServers"));
        PNode projects = root.get("projects");
        if (projects != null && projects.isObject()) {
            projects.fields()
                    .values()
                    .forEach(
                            project -> {
                                if (project.isObject()) {
                                    servers(project.get("mcpServers"));
                                }
                            });
        }
        settings.addAll(
                SettingsReader.select(root, k -> CLAUDE_PROJECT_KEYS.matcher(k).matches(), null));
    }

    /**
     * Model-provider credentials of an assistant config (Continue {@code models[].apiKey}, opencode
     * {@code provider.*.options.apiKey}, Crush {@code providers.*.api_key}, Codex {@code
     * model_providers.*.experimental_bearer_token}, Zed {@code language_models}): the leaves under
     * {@code roots} whose own name says key, token, secret or password, and request headers.
     */
    private void modelKeys(PNode root, String... roots) {
        List<String> prefixes = List.of(roots);
        settings.addAll(
                SettingsReader.select(
                        root,
                        k ->
                                prefixes.stream().anyMatch(p -> k.startsWith(p + "."))
                                        && MODEL_KEY.matcher(k).matches(),
                        null));
    }

    private void settings(PNode root, String... prefixes) {
        settings.addAll(SettingsReader.selectPrefixes(root, List.of(prefixes), null));
    }

    /** A map of name → entry, or a list of entries named by their {@code name} field. */
    private void servers(PNode container) {
        if (container == null || (container.isScalar() && container.text() == null)) {
            return;
        }
        if (container.isObject()) {
            container.fields().forEach((name, node) -> add(reader.read(name, node)));
        } else if (container.isArray()) {
            List<PNode> items = container.items();
            for (int i = 0; i < items.size(); i++) {
                PNode item = items.get(i);
                PNode name = item.isObject() ? item.get("name") : null;
                add(
                        reader.read(
                                name != null && name.text() != null ? name.text() : "#" + (i + 1),
                                item));
            }
        } else {
            warnings.add(
                    ServerReader.at(container)
                            + "the server list is neither an object nor a list; skipped");
        }
    }

    private void add(ServerEntry entry) {
        if (entry == null) {
            return;
        }
        if (servers.size() >= maxServers) {
            if (!limitWarned) {
                limitWarned = true;
                warnings.add(
                        entry.line()
                                + ":"
                                + entry.column()
                                + ": more than "
                                + maxServers
                                + " servers (maxServers); the rest were not read");
            }
            return;
        }
        servers.add(entry);
    }
}
