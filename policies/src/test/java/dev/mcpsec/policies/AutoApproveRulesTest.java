package dev.mcpsec.policies;

import static dev.mcpsec.policies.RuleSession.fire;
import static dev.mcpsec.policies.TestFacts.setting;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client-auto-approve rules, one client switch per row. */
class AutoApproveRulesTest {

    @ParameterizedTest(name = "{0}={1} (server {2}) -> {3}")
    @CsvSource({
        "enableAllProjectMcpServers, true, , MCP-AA-001",
        "permissions.allow, mcp__*, , MCP-AA-002",
        "permissions.allow, mcp__github, , MCP-AA-002",
        "permissions.allow, mcp__my_server__*, , MCP-AA-002",
        "permissions.defaultMode, bypassPermissions, , MCP-AA-003",
        "skipDangerousModePermissionPrompt, true, , MCP-AA-004",
        "enabledMcpjsonServers, github, , MCP-AA-005",
        "trust, true, fs, MCP-AA-006",
        "autoApprove, set_alert, weather, MCP-AA-007",
        "alwaysAllow, write_file, fs, MCP-AA-007",
        "alwaysAllow, *, fs, MCP-AA-007",
        "autoApprove, get_forecast, weather, MCP-AA-015",
        "alwaysAllow, read_file, fs, MCP-AA-015",
        "alwaysAllow, brave_web_search, search, MCP-AA-015",
        "alwaysAllow, ListTables, db, MCP-AA-015",
        "permissions.allow, Bash, , MCP-AA-016",
        "permissions.allow, Bash(*), , MCP-AA-016",
        "permissions.allow, Bash(:*), , MCP-AA-016",
        "permission, allow, , MCP-AA-016",
        "permission.bash, allow, , MCP-AA-016",
        "permission.bash.*, allow, , MCP-AA-016",
        "permissions.allowed_tools, bash, , MCP-AA-016",
        "tools.allowed, run_shell_command, , MCP-AA-016",
        "permissions.allow, Edit, , MCP-AA-017",
        "permissions.allow, Edit(*), , MCP-AA-017",
        "permissions.allow, Write(**), , MCP-AA-017",
        "permissions.allow, MultiEdit, , MCP-AA-017",
        "permission.edit, allow, , MCP-AA-017",
        "permissions.allowed_tools, edit, , MCP-AA-017",
        "permissions.allowed_tools, write, , MCP-AA-017",
        "session.trust_all_worktrees, true, , MCP-AA-018",
        "autoAccept, true, , MCP-AA-019",
        "tools.autoAccept, true, , MCP-AA-019",
        "chat.tools.autoApprove, true, , MCP-AA-008",
        "chat.tools.global.autoApprove, true, , MCP-AA-008",
        "chat.permissions.default, autopilot, , MCP-AA-008",
        "sandboxEnabled, true, fs, MCP-AA-009",
        "agent.always_allow_tool_actions, true, , MCP-AA-010",
        "agent.tool_permissions.default, allow, , MCP-AA-010",
        "approval_policy, never, , MCP-AA-011",
        "default_tools_approval_mode, approve, docs, MCP-AA-012",
        "tools.search.approval_mode, approve, docs, MCP-AA-012",
        "mcpAllowlist, github:*, , MCP-AA-013",
        "mcpAllowlist, *, , MCP-AA-013",
        "allowedTools, @github, , MCP-AA-014",
    })
    void approvingSwitch_isReported(String key, String value, String server, String ruleId) {
        assertThat(fire(setting(key, value, server))).containsExactly(ruleId);
    }

    @ParameterizedTest(name = "{0}={1} (server {2}) passes")
    @CsvSource({
        "enableAllProjectMcpServers, false, ",
        "permissions.allow, mcp__github__get_issue, ",
        "permissions.allow, mcp__my_server__get_*, ",
        "permissions.allow, Bash(npm test), ",
        "permissions.allow, Bash(npm run test:*), ",
        "permissions.allow, Edit(src/**), ",
        "permissions.allow, Write(docs/*.md), ",
        "permission.bash, ask, ",
        "permission.edit, deny, ",
        "permission, ask, ",
        "permissions.allowed_tools, view, ",
        "permissions.allowed_tools, mcp_docs_search, ",
        "tools.allowed, read_file, ",
        "session.trust_all_worktrees, false, ",
        "autoAccept, false, ",
        "permissions.deny, mcp__*, ",
        "permissions.defaultMode, acceptEdits, ",
        "trust, false, fs",
        "chat.tools.autoApprove, false, ",
        "chat.permissions.default, default, ",
        "agent.tool_permissions.default, confirm, ",
        "approval_policy, on-request, ",
        "default_tools_approval_mode, prompt, docs",
        "mcpAllowlist, github:get_issue, ",
        "allowedTools, @github/get_issue, ",
    })
    void narrowOrCautiousSetting_passes(String key, String value, String server) {
        assertThat(fire(setting(key, value, server))).isEmpty();
    }
}
