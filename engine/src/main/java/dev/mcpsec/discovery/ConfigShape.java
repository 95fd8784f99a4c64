package dev.mcpsec.discovery;

/** The layout of a config file, which tells the parser which adapter reads it. */
public enum ConfigShape {
    /**
     * {@code mcpServers} map (Claude, Cursor, Cline, Roo, Kiro, Windsurf, Junie, ...); falls back
     * to {@code servers}.
     */
    MCP_SERVERS,
    /** VS Code / Visual Studio {@code mcp.json}: {@code servers} + {@code inputs}. */
    VSCODE,
    /** VS Code {@code settings.json}: chat approval keys and the legacy {@code mcp.servers}. */
    VSCODE_SETTINGS,
    /** {@code devcontainer.json}: {@code customizations.vscode.mcp.servers}. */
    DEVCONTAINER,
    /** Zed {@code settings.json}: {@code context_servers} and {@code agent} permissions. */
    ZED,
    /**
     * opencode: {@code mcp} (or {@code mcp.servers}) with command arrays, and {@code permission}.
     */
    OPENCODE,
    /** Crush: {@code mcp} and {@code permissions.allowed_tools}. */
    CRUSH,
    /**
     * Codex {@code config.toml}: {@code [mcp_servers.x]}, {@code approval_policy}, {@code
     * sandbox_mode}.
     */
    CODEX,
    /**
     * Continue YAML/JSON config: a {@code mcpServers} list, or the legacy {@code experimental}
     * block.
     */
    CONTINUE,
    /** Goose {@code config.yaml}: {@code extensions}. */
    GOOSE,
    /** {@code ~/.claude.json}: top-level and per-project {@code mcpServers}. */
    CLAUDE_JSON,
    /** Claude Code {@code settings.json}: approval and permission keys only. */
    CLAUDE_SETTINGS,
    /** Gemini CLI {@code settings.json}: {@code mcpServers} and tool approval keys. */
    GEMINI,
    /**
     * Amazon Q {@code mcp.json} or agent file: {@code mcpServers}, {@code allowedTools} and the
     * agent's {@code hooks.<event>[].command}.
     */
    AMAZONQ,
    /** Cursor {@code ~/.cursor/permissions.json}: {@code mcpAllowlist}. */
    CURSOR_PERMISSIONS,
    /** Amp {@code settings.json}: {@code amp.mcpServers} (a dotted key, as in VS Code settings). */
    AMP,
    /**
     * Claude Code plugin manifest {@code .claude-plugin/plugin.json}: inline {@code mcpServers},
     * {@code hooks}.
     */
    CLAUDE_PLUGIN,
    /**
     * Claude Code plugin marketplace {@code .claude-plugin/marketplace.json}: {@code
     * plugins[].mcpServers}.
     */
    CLAUDE_MARKETPLACE,
    /** Cursor and Windsurf {@code hooks.json}: {@code hooks.<event>[].command}. */
    CURSOR_HOOKS,
    /**
     * VS Code {@code .vscode/tasks.json} (Cursor reads it too): tasks that run when the folder is
     * opened ({@code runOptions.runOn: folderOpen}).
     */
    VSCODE_TASKS,
    /**
     * Kiro agent hooks in {@code .kiro/hooks/}: an IDE {@code *.kiro.hook} file ({@code then.type
     * runCommand} with {@code then.command}) or a CLI hooks file ({@code hooks[].action.type
     * command} with {@code action.command}); prompt-only hooks run nothing and are not read.
     */
    KIRO_HOOKS,
    /**
     * A Cline hook script, {@code .clinerules/hooks/<HookName>} (or {@code <HookName>.ps1}): read
     * as text ({@code script} format), one setting {@code hooks.<HookName>.script} per non-blank
     * line.
     */
    CLINE_HOOK
}
