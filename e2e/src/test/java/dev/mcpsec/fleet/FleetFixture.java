package dev.mcpsec.fleet;

import dev.mcpsec.secrets.FakeSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * A small fleet with known, planted problems, laid out twice: as clones (work trees) and as bare
 * mirrors made from them. Secret values are generated per fixture; {@link #secrets()} lists them
 * for leak checks.
 */
final class FleetFixture {
    /** What each repository must report (checklist ids), and what it must not. */
    record Expected(Set<String> present, Set<String> absent) {}

    final Path clones;
    final Path mirrors;
    final Map<String, Expected> expected = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>();
    private final Random rnd;
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");

    FleetFixture(Path base, long seed) {
        this.clones = base.resolve("clones");
        this.mirrors = base.resolve("mirrors");
        this.rnd = new Random(seed);
    }

    List<String> secrets() {
        return secrets;
    }

    /** Lays out the standard fleet: five repositories, each with its planted problems. */
    FleetFixture standard() throws IOException, GitAPIException {
        String sharedStripe = secret("stripe-live");
        repo(
                "alpha",
                Map.of(".mcp.json", stripe(sharedStripe)),
                null,
                new Expected(Set.of("production-keys", "committed-secrets"), Set.of()));
        repo(
                "echo",
                Map.of(".cursor/mcp.json", stripe(sharedStripe)),
                null,
                new Expected(Set.of("production-keys", "committed-secrets"), Set.of()));
        String github = secret("github-classic");
        repo(
                "bravo",
                Map.of(".mcp.json", github(github)),
                Map.of(".mcp.json", github("${GITHUB_TOKEN}")),
                new Expected(Set.of("history-secrets"), Set.of("committed-secrets")));
        repo(
                "charlie",
                Map.of(".mcp.json", github("${GITHUB_TOKEN}")),
                null,
                new Expected(
                        Set.of(),
                        Set.of("committed-secrets", "history-secrets", "production-keys")));
        repo(
                "delta",
                Map.of(
                        ".vscode/mcp.json",
                        """
                {"servers": {"files": {"command": "npx",
                  "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/"]}}}
                """),
                null,
                new Expected(Set.of("filesystem-scope"), Set.of("committed-secrets")));
        return this;
    }

    String secret(String kind) {
        String s = FakeSecrets.generate(kind, rnd);
        secrets.add(s);
        return s;
    }

    static String stripe(String key) {
        return """
                {"mcpServers": {"stripe": {"command": "npx", "args": ["-y", "@stripe/mcp@0.2.4"],
                  "env": {"STRIPE_SECRET_KEY": "%s"}}}}
                """
                .formatted(key);
    }

    static String github(String token) {
        return """
                {"mcpServers": {"github": {"command": "docker",
                  "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server:v0.9.0"],
                  "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "%s"}}}}
                """
                .formatted(token);
    }

    /**
     * A repository with a first commit of {@code files} and, when given, a second commit of {@code
     * then}.
     */
    void repo(String name, Map<String, String> files, Map<String, String> then, Expected expect)
            throws IOException, GitAPIException {
        Path dir = clones.resolve(name);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write(dir, "README.md", "# " + name + "\n");
            write(dir, files);
            commit(git, "first");
            if (then != null) {
                write(dir, then);
                commit(git, "second");
            }
        }
        mirror(name);
        expected.put(name, expect);
    }

    /** Adds a commit to a clone and refreshes its mirror. */
    void change(String name, String path, String content) throws IOException, GitAPIException {
        Path dir = clones.resolve(name);
        try (Git git = Git.open(dir.toFile())) {
            write(dir, path, content);
            commit(git, "change " + path);
        }
        try (Git mirror = Git.open(mirrors.resolve(name + ".git").toFile())) {
            mirror.fetch().setRemote("origin").setRefSpecs("+refs/*:refs/*").call();
        }
    }

    /** Rewrites a clone's last commit (as a force push would) and refreshes its mirror. */
    void rewrite(String name, String path, String content) throws IOException, GitAPIException {
        Path dir = clones.resolve(name);
        try (Git git = Git.open(dir.toFile())) {
            git.reset()
                    .setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD)
                    .setRef("HEAD~1")
                    .call();
            write(dir, path, content);
            commit(git, "rewritten " + path);
        }
        try (Git mirror = Git.open(mirrors.resolve(name + ".git").toFile())) {
            mirror.fetch().setRemote("origin").setRefSpecs("+refs/*:refs/*").call();
        }
    }

    /**
     * A bare mirror as {@code git clone --mirror} makes it, with {@code gc.autoDetach} off before
     * the first fetch: JGit's automatic gc after a fetch otherwise runs in the background, and its
     * {@code gc.log.lock} comes and goes while a test compares snapshots of the mirrors.
     */
    private void mirror(String name) throws GitAPIException, IOException {
        try (Git mirror =
                Git.init()
                        .setBare(true)
                        .setInitialBranch("main")
                        .setDirectory(mirrors.resolve(name + ".git").toFile())
                        .call()) {
            StoredConfig config = mirror.getRepository().getConfig();
            config.setBoolean("gc", null, "autoDetach", false);
            config.setString("remote", "origin", "url", clones.resolve(name).toUri().toString());
            config.setString("remote", "origin", "fetch", "+refs/*:refs/*");
            config.setBoolean("remote", "origin", "mirror", true);
            config.save();
            mirror.fetch().setRemote("origin").setRefSpecs("+refs/*:refs/*").call();
        }
    }

    private void commit(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        clock = clock.plusSeconds(60);
        PersonIdent who =
                new PersonIdent("Fixture", "fixture@example.invalid", clock, ZoneOffset.UTC);
        git.commit()
                .setAll(true)
                .setMessage(message)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .call();
    }

    private static void write(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            write(dir, e.getKey(), e.getValue());
        }
    }

    static void write(Path dir, String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
