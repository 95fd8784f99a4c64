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
            "autoApprove, get_forecast, weather, MCP-AA-007",
            "alwaysAllow, read_file, fs, MCP-AA-007",
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
