package dev.mcpsec.policies;

import dev.mcpsec.facts.ClientSetting;
import dev.mcpsec.facts.ConfigFile;
import dev.mcpsec.facts.Credential;
import dev.mcpsec.facts.DatabaseTarget;
import dev.mcpsec.facts.FilesystemRoot;
import dev.mcpsec.facts.HistoryCredential;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.facts.PolicyData;
import dev.mcpsec.facts.ReviewRecord;
import dev.mcpsec.facts.RotationRecord;
import dev.mcpsec.facts.SecretOccurrence;
import java.util.List;

/**
 * Hand-built facts as the engine would extract them from {@code .mcp.json}, for rule unit tests.
 */
final class TestFacts {

    static final String FILE = ".mcp.json";

    private TestFacts() {}

    static McpServer npx(String name, String pkg, String version, String... args) {
        return server(name, "npx", "npm", pkg, version, null, null, args);
    }

    static McpServer uvx(String name, String pkg, String version, String... args) {
        return server(name, "uvx", "pypi", pkg, version, null, null, args);
    }

    static McpServer docker(String name, String image, String tag, String digest, String... args) {
        return server(name, "docker", "docker", image, tag, digest, null, args);
    }

    static McpServer remote(String name, String url) {
        String host = url.replaceFirst("^[a-z]+://", "").replaceFirst("[:/?].*$", "").toLowerCase();
        return new McpServer(
                name,
                FILE,
                3,
                5,
                "claude-code",
                "project",
                "http",
                null,
                List.of(),
                url,
                host,
                "remote",
                "remote",
                null,
                null,
                null,
                false);
    }

    static McpServer binary(String name, String command, String... args) {
        return new McpServer(
                name,
                FILE,
                3,
                5,
                "claude-code",
                "project",
                "stdio",
                command,
                List.of(args),
                null,
                null,
                "binary",
                null,
                null,
                null,
                null,
                false);
    }

    static McpServer disabled(McpServer s) {
        return new McpServer(
                s.name(),
                s.file(),
                s.line(),
                s.column(),
                s.client(),
                s.scope(),
                s.transport(),
                s.command(),
                s.args(),
                s.url(),
                s.host(),
                s.launcher(),
                s.ecosystem(),
                s.packageName(),
                s.packageVersion(),
                s.imageDigest(),
                true);
    }

    private static McpServer server(
            String name,
            String launcher,
            String ecosystem,
            String pkg,
            String version,
            String digest,
            String url,
            String... args) {
        return new McpServer(
                name,
                FILE,
                3,
                5,
                "claude-code",
                "project",
                "stdio",
                launcher,
                List.of(args),
                url,
                null,
                launcher,
                ecosystem,
                pkg,
                version,
                digest,
                false);
    }

    static FilesystemRoot fsRoot(String path, String breadth) {
        return new FilesystemRoot(FILE, 4, 9, "fs", path, path, breadth);
    }

    static ClientSetting setting(String key, String value, String server) {
        return new ClientSetting(".claude/settings.json", 2, 3, "claude-code", key, value, server);
    }

    /**
     * A literal credential: untracked, not expiring, fingerprint derived from server and variable.
     */
    static Credential credential(String server, String variable, String kind, String tier) {
        return new Credential(
                FILE,
                6,
                9,
                server,
                "claude-code",
                "env." + variable,
                variable,
                kind,
                tier,
                "xx_…ab12",
                "fp-" + server + "-" + variable,
                "test",
                "high",
                false,
                false,
                false,
                "${" + variable + "}");
    }

    static Credential tracked(Credential c) {
        return new Credential(
                c.file(),
                c.line(),
                c.column(),
                c.server(),
                c.client(),
                c.location(),
                c.variable(),
                c.kind(),
                c.tier(),
                c.masked(),
                c.fingerprint(),
                c.detector(),
                c.confidence(),
                c.expiring(),
                true,
                false,
                c.reference());
    }

    static Credential expiring(Credential c) {
        return new Credential(
                c.file(),
                c.line(),
                c.column(),
                c.server(),
                c.client(),
                c.location(),
                c.variable(),
                c.kind(),
                c.tier(),
                c.masked(),
                c.fingerprint(),
                c.detector(),
                c.confidence(),
                true,
                c.tracked(),
                c.ignored(),
                c.reference());
    }

    static DatabaseTarget database(String host, String database, String user, boolean loopback) {
        return new DatabaseTarget(
                FILE, 5, 9, "db", "args[2]", "postgresql", host, database, user, true, loopback);
    }

    static ConfigFile projectConfig(boolean tracked, boolean ignored) {
        return new ConfigFile(
                FILE,
                "claude-code",
                "project",
                "json",
                "servers",
                tracked,
                ignored,
                true,
                null,
                1,
                "${NAME}");
    }

    static HistoryCredential history(Credential c, long ageDays, boolean stillPresent) {
        return new HistoryCredential(
                c.file(),
                c.server(),
                c.location(),
                c.variable(),
                c.kind(),
                c.tier(),
                c.masked(),
                c.fingerprint(),
                "0123456789abcdef0123456789abcdef01234567",
                "2025-01-01T08:00:00Z",
                ageDays,
                stillPresent);
    }

    static SecretOccurrence occurrence(Credential c, String file) {
        return new SecretOccurrence(c.fingerprint(), file, 1, 1, "env-file", c.variable());
    }

    static RotationRecord rotation(Credential c, int periodDays, boolean overdue) {
        return new RotationRecord(c.server(), c.variable(), "2026-01-01", periodDays, overdue);
    }

    static ReviewRecord review(
            String server, String pkg, String version, String digest, String url) {
        return new ReviewRecord(
                server,
                pkg,
                version,
                digest,
                url,
                "https://github.com/example/server",
                "alice",
                "2026-01-15",
                null,
                30);
    }

    static PolicyData data(String name, String key, String value) {
        return new PolicyData("acme", name, key, value);
    }
}
