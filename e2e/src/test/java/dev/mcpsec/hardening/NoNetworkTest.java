package dev.mcpsec.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.secrets.FakeSecrets;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full scan (every client shape, user scope, remote URLs, git history with a remote, env files)
 * makes no network attempt and starts no process; the guard is first shown to catch deliberate
 * attempts of each kind.
 */
class NoNetworkTest {

    @TempDir Path tmp;

    @BeforeEach
    void guardIsAvailable() {
        assumeThat(NetworkGuard.available())
                .as("a security manager can be installed (JDK 17-23)")
                .isTrue();
    }

    @Test
    void guard_catchesDeliberateConnectionsLookupsAndProcesses() throws Exception {
        try (NetworkGuard guard = NetworkGuard.install()) {
            assertThatThrownBy(() -> new Socket("127.0.0.1", 9).close())
                    .isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> InetAddress.getByName("mcpsec-guard.example.invalid"))
                    .isInstanceOf(SecurityException.class);
            assertThatThrownBy(
                            () -> SocketChannel.open(new InetSocketAddress("127.0.0.1", 9)).close())
                    .isInstanceOf(SecurityException.class);
            assertThatThrownBy(
                            () ->
                                    HttpClient.newHttpClient()
                                            .send(
                                                    HttpRequest.newBuilder(
                                                                    URI.create(
                                                                            "http://127.0.0.1:9/"))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOfAny(SecurityException.class, java.io.IOException.class);
            assertThatThrownBy(() -> new ProcessBuilder("true").start())
                    .isInstanceOf(SecurityException.class);
            assertThat(guard.attempts())
                    .anyMatch(a -> a.startsWith("connect 127.0.0.1"))
                    .anyMatch(a -> a.startsWith("resolve mcpsec-guard.example.invalid"))
                    .anyMatch(a -> a.startsWith("exec"));
        }
    }

    @Test
    void fullScan_makesNoNetworkAttemptAndStartsNoProcess() throws Exception {
        Tree t = new Tree(tmp);
        Random rnd = new Random(11);
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{"
                        + "\"remote\":{\"type\":\"http\",\"url\":\"https://mcp.attacker.example/mcp\","
                        + "\"headers\":{\"Authorization\":\"Bearer "
                        + FakeSecrets.generate("openai", rnd)
                        + "\"}},"
                        + "\"bridge\":{\"command\":\"npx\",\"args\":[\"-y\",\"mcp-remote\",\"http://10.0.0.1:8080/sse\"]},"
                        + "\"db\":{\"command\":\"npx\",\"args\":[\"-y\",\"@modelcontextprotocol/server-postgres\",\""
                        + FakeSecrets.generate("postgres-url", rnd)
                        + "\"]},"
                        + "\"img\":{\"command\":\"docker\",\"args\":[\"run\",\"-i\",\"ghcr.io/example/server:latest\"]},"
                        + "\"fs\":{\"command\":\"npx\",\"args\":[\"-y\",\"@modelcontextprotocol/server-filesystem\",\"/\"],"
                        + "\"envFile\":\"${workspaceFolder}/.env\"}}}");
        t.write(".env", "STRIPE_SECRET_KEY=" + FakeSecrets.generate("stripe-live", rnd) + "\n");
        t.write(
                ".vscode/mcp.json",
                "{\"servers\":{\"v\":{\"type\":\"sse\",\"url\":\"http://example.com/sse\"}}}");
        t.write(
                ".codex/config.toml",
                "[mcp_servers.c]\ncommand = \"uvx\"\nargs = [\"--from\", "
                        + "\"git+https://github.com/example/server\", \"server\"]\n");
        t.write(
                ".continue/config.yaml",
                "mcpServers:\n  - name: y\n    command: npx\n    args: [\"-y\", \"pkg\"]\n");
        Tree.write(
                t.home.resolve(".cursor/mcp.json"),
                "{\"mcpServers\":{\"u\":{\"url\":\"wss://example.org/ws\"}}}");
        try (Git git = Git.init().setDirectory(t.root.toFile()).setInitialBranch("main").call()) {
            git.remoteAdd()
                    .setName("origin")
                    .setUri(new URIish("https://example.com/org/repo.git"))
                    .call();
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("configs")
                    .setAuthor("t", "t@example.invalid")
                    .setCommitter("t", "t@example.invalid")
                    .setSign(false)
                    .call();
        }

        ScanResult result;
        try (NetworkGuard guard = NetworkGuard.install()) {
            result = Mcpsec.create().scan(t.request().includeUser(true).history(true).build());
            assertThat(guard.attempts())
                    .as("network or process attempts during the scan")
                    .isEmpty();
        }
        assertThat(result.servers()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(result.findings()).isNotEmpty();
    }

    @Test
    void scanOfARepository_startsNoGitProcessEvenWhenJGitHasNotFoundTheSystemConfigYet()
            throws Exception {
        Tree t = new Tree(tmp);
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"-y\",\"pkg@1.0.0\"]}}}");
        try (Git git = Git.init().setDirectory(t.root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("config")
                    .setAuthor("t", "t@example.invalid")
                    .setCommitter("t", "t@example.invalid")
                    .setSign(false)
                    .call();
        }
        // what a fresh JVM sees: JGit's own reader with nothing cached, and the system config not
        // yet looked for
        // (JGit looks for it by running `git --version` and `git config --system`)
        SystemReader previous = SystemReader.getInstance();
        Field systemConfig = FS.class.getDeclaredField("gitSystemConfig");
        systemConfig.setAccessible(true);
        systemConfig.set(FS.DETECTED, null);
        SystemReader.setInstance(null);
        SystemReader.setInstance(new SystemReader.Delegate(SystemReader.getInstance()));
        try (NetworkGuard guard = NetworkGuard.install()) {
            ScanResult result = Mcpsec.create().scan(t.request().history(true).build());
            assertThat(guard.attempts())
                    .as("process or network attempts during the scan")
                    .isEmpty();
            assertThat(result.files()).anyMatch(f -> Boolean.TRUE.equals(f.tracked()));
        } finally {
            SystemReader.setInstance(previous);
        }
    }
}
