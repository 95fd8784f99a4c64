package dev.mcpsec.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.secrets.FakeSecrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11 item 6: ways to hand a key or a plain-HTTP server to a client past the scanner. YAML
 * anchors, aliases and merge keys are resolved; URLs are read as clients read them; an {@code
 * envFile} that is no valid path is a warning; VS Code {@code inputs[].default}, Claude Code {@code
 * headersHelper}, Amp's {@code amp.mcpServers} and a value shadowed by a duplicate JSON key are all
 * seen.
 */
@Timeout(120)
class EvasionsTest {

    @TempDir Path tmp;

    private final String key = FakeSecrets.generate("stripe-live", new Random(6));

    private static void commitAll(Tree t) throws Exception {
        try (Git git = Git.init().setDirectory(t.root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("c")
                    .setAuthor("t", "t@example.invalid")
                    .setCommitter("t", "t@example.invalid")
                    .setSign(false)
                    .call();
        }
    }

    private static boolean keyFinding(Finding f, String file) {
        return f.checklist().equals("committed-secrets") && file.equals(f.file());
    }

    @Test
    void yamlAliasesAndMergeKeys_areResolved() throws Exception {
        Tree t = new Tree(tmp);
        t.write(
                ".continue/config.yaml",
                """
                name: demo
                version: 1.0.0
                schema: v1
                shared: &secrets
                  STRIPE_SECRET_KEY: %s
                mcpServers:
                  - name: aliased
                    command: npx
                    args: ["-y", "@stripe/mcp@1.0.0"]
                    env: *secrets
                  - name: merged
                    command: npx
                    args: ["-y", "@stripe/mcp@1.0.0"]
                    env:
                      <<: *secrets
                      OTHER: plain
                """
                        .formatted(key));
        commitAll(t);

        ScanResult r = t.scan();

        assertThat(r.findings())
                .anyMatch(
                        f -> keyFinding(f, ".continue/config.yaml") && "aliased".equals(f.server()))
                .anyMatch(
                        f -> keyFinding(f, ".continue/config.yaml") && "merged".equals(f.server()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "http:/evil.example.com/mcp",
                " http://evil.example.com/mcp",
                "HTTP://evil.example.com/mcp",
                "http:\\\\\\\\evil.example.com\\\\mcp",
                "http://evil_host.example.com/mcp",
                "http://evil.example.com/mcp?q={x}|^",
                "http://evil.example.com/a b/mcp"
            })
    void urlsThatJavaCannotParse_stillReachTheTransportCheck(String url) {
        Tree t = new Tree(tmp);
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"remote\":{\"type\":\"http\",\"url\":\"" + url + "\"}}}");

        ScanResult r = t.scan();

        assertThat(r.findings())
                .as(url)
                .anyMatch(f -> f.ruleId().equals("MCP-TR-001") && "remote".equals(f.server()));
    }

    @Test
    void envFilePathsWithNulOrLoneSurrogates_areWarningsThatDoNotEchoTheValue() {
        Tree t = new Tree(tmp);
        t.write(
                ".vscode/mcp.json",
                "{\"servers\":{"
                        + "\"nul\":{\"command\":\"npx\",\"args\":[\"p@1\"],\"envFile\":\"secretpart\\u0000x.env\"},"
                        + "\"surrogate\":{\"command\":\"npx\",\"args\":[\"p@1\"],\"envFile\":\"secretpart\\ud800x.env\"}}}");
        t.write("bad.env", "A=1\nB=x\u0000y\n");
        t.write(
                ".cursor/mcp.json",
                "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"p@1\"],"
                        + "\"envFile\":\"${workspaceFolder}/bad.env\"}}}");

        ScanResult r = t.scan();

        List<String> warnings = Tree.messages(r);
        assertThat(warnings)
                .anyMatch(m -> m.contains("server nul") && m.contains("not a valid path"))
                .anyMatch(m -> m.contains("server surrogate") && m.contains("not a valid path"))
                .noneMatch(m -> m.contains("secretpart"));
        assertThat(r.servers()).hasSize(3);
    }

    @Test
    void vscodeInputDefaults_areSeen() throws Exception {
        Tree t = new Tree(tmp);
        t.write(
                ".vscode/mcp.json",
                "{\"inputs\":[{\"type\":\"promptString\",\"id\":\"stripe-key\",\"password\":true,"
                        + "\"default\":\""
                        + key
                        + "\"}],\"servers\":{\"stripe\":{\"command\":\"npx\","
                        + "\"args\":[\"-y\",\"@stripe/mcp@1.0.0\"],\"env\":{\"STRIPE_SECRET_KEY\":\"${input:stripe-key}\"}}}}");
        commitAll(t);

        assertThat(t.scan().findings()).anyMatch(f -> keyFinding(f, ".vscode/mcp.json"));
    }

    @Test
    void aKeyInAHeadersHelper_isSeen() throws Exception {
        Tree t = new Tree(tmp);
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"api\":{\"type\":\"http\",\"url\":\"https://mcp.example.com/mcp\","
                        + "\"headersHelper\":\"echo '{\\\"Authorization\\\": \\\"Bearer "
                        + key
                        + "\\\"}'\"}}}");
        commitAll(t);

        assertThat(t.scan().findings())
                .anyMatch(f -> keyFinding(f, ".mcp.json") && "api".equals(f.server()));
    }

    @Test
    void ampServers_areSeenInVsCodeSettingsAndAmpsOwnFile() throws Exception {
        Tree t = new Tree(tmp);
        String servers =
                "{\"amp.mcpServers\":{\"stripe\":{\"command\":\"npx\",\"args\":[\"-y\",\"@stripe/mcp@1.0.0\"],"
                        + "\"env\":{\"STRIPE_SECRET_KEY\":\""
                        + key
                        + "\"}}}}";
        t.write(".vscode/settings.json", servers);
        Tree.write(t.home.resolve(".config/amp/settings.json"), servers);
        commitAll(t);

        ScanResult r = Mcpsec.create().scan(t.request().includeUser(true).build());

        assertThat(r.findings())
                .anyMatch(
                        f -> keyFinding(f, ".vscode/settings.json") && "stripe".equals(f.server()));
        assertThat(r.servers()).anyMatch(s -> s.file().equals("~/.config/amp/settings.json"));
    }

    @Test
    void aValueShadowedByADuplicateKey_isStillSeenAsCommitted() throws Exception {
        Tree t = new Tree(tmp);
        // JSON.parse (ECMA-262), Python's json and VS Code's jsonc parser keep the last value: the
        // client uses the
        // reference, but the key before it is committed all the same
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"stripe\":{\"command\":\"npx\",\"args\":[\"-y\",\"@stripe/mcp@1.0.0\"],"
                        + "\"env\":{\"STRIPE_SECRET_KEY\":\""
                        + key
                        + "\",\"STRIPE_SECRET_KEY\":\"${STRIPE_SECRET_KEY}\"}}}}");
        commitAll(t);

        ScanResult r = t.scan();

        assertThat(r.findings()).anyMatch(f -> keyFinding(f, ".mcp.json"));
        assertThat(Tree.messages(r))
                .anyMatch(m -> m.contains("duplicate key") && m.contains("the last one counts"));
    }
}
