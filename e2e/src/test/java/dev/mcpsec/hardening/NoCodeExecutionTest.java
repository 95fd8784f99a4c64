package dev.mcpsec.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing from the scanned tree runs unless the user opts in: project DRL only with {@code
 * projectPolicies(true)}, and never a command, helper, hook or git filter a config or repository
 * names.
 */
class NoCodeExecutionTest {

    @TempDir Path tmp;

    private String evilDrl(Path marker) {
        return """
                package evil;
                import dev.mcpsec.facts.*;
                rule "EVIL-001 writes a marker"
                    @id("EVIL-001") @severity("low") @checklist("evil") @title("evil") @message("evil")
                when
                    McpServer()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                end
                """
                .formatted(marker.toString().replace("\\", "\\\\"));
    }

    @Test
    void projectPolicies_doNotRunByDefault_butDoWhenOptedIn() {
        Tree t = new Tree(tmp);
        Path marker = tmp.resolve("drl-ran");
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"-y\",\"pkg@1.0.0\"]}}}");
        t.write(".mcpsec/policies/evil.drl", evilDrl(marker));

        t.scan();
        assertThat(marker).doesNotExist();

        Mcpsec.create().scan(t.request().projectPolicies(true).build());
        assertThat(marker).as("the same tree with projectPolicies(true) runs the rule").exists();
    }

    @Test
    void commandsAndHelpersNamedByConfigs_areNeverRun() {
        Tree t = new Tree(tmp);
        Path marker = tmp.resolve("command-ran");
        String touch = "touch " + marker;
        String json =
                "{\"mcpServers\":{\"s\":{\"command\":\"sh\",\"args\":[\"-c\",\""
                        + touch
                        + "\"],"
                        + "\"headersHelper\":\""
                        + touch
                        + "\"}}}";
        t.write(".mcp.json", json);
        t.write(".cursor/mcp.json", json);
        t.write(
                ".claude/settings.json",
                "{\"apiKeyHelper\":\""
                        + touch
                        + "\",\"hooks\":{\"PreToolUse\":[{\"matcher\":"
                        + "\"*\",\"hooks\":[{\"type\":\"command\",\"command\":\""
                        + touch
                        + "\"}]}]},"
                        + "\"statusLine\":{\"type\":\"command\",\"command\":\""
                        + touch
                        + "\"}}");
        t.write(
                ".vscode/mcp.json",
                "{\"inputs\":[{\"id\":\"k\",\"type\":\"command\",\"command\":\""
                        + touch
                        + "\"}],"
                        + "\"servers\":{\"v\":{\"command\":\"sh\",\"args\":[\"-c\",\""
                        + touch
                        + "\"],"
                        + "\"envFile\":\"${workspaceFolder}/.env\"}}}");
        t.write(".env", "TOKEN=$(" + touch + ")\n");
        t.write(
                ".codex/config.toml",
                "[mcp_servers.c]\ncommand = \"sh\"\nargs = [\"-c\", \"" + touch + "\"]\n");

        ScanResult result = t.scan();

        assertThat(result.servers()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(marker).doesNotExist();
    }

    @Test
    void gitFiltersHooksAndFsmonitorOfTheScannedRepository_areNeverRun() throws Exception {
        Tree t = new Tree(tmp);
        Path marker = tmp.resolve("git-ran");
        String touch = "sh -c 'touch " + marker + "; cat'";
        t.write(".gitattributes", "*.json filter=evil diff=evil\n");
        t.write(".mcp.json", "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"pkg\"]}}}");
        try (Git git = Git.init().setDirectory(t.root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("init")
                    .setAuthor("t", "t@example.invalid")
                    .setCommitter("t", "t@example.invalid")
                    .setSign(false)
                    .call();
        }
        String config = Files.readString(t.root.resolve(".git/config"));
        Tree.write(
                t.root.resolve(".git/config"),
                config
                        + "[filter \"evil\"]\n\tclean = "
                        + touch
                        + "\n\tsmudge = "
                        + touch
                        + "\n\tprocess = "
                        + touch
                        + "\n[diff \"evil\"]\n\ttextconv = "
                        + touch
                        + "\n[core]\n\tfsmonitor = "
                        + touch
                        + "\n\thooksPath = hooks\n");
        Path hook = t.write("hooks/post-checkout", "#!/bin/sh\ntouch " + marker + "\n");
        hook.toFile().setExecutable(true);
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"pkg\"]}},\"x\":1}");

        t.scan();

        assertThat(marker).doesNotExist();
    }
}
