package dev.mcpsec.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.secrets.FakeSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 8: a {@code .git} file whose {@code gitdir:} leads out of the scanned folder,
 * alternates that do, and an excludes file elsewhere are reported as warnings and not followed,
 * unless the user opts in ({@code --allow-external-git}, {@code
 * ScanRequest.Builder.allowExternalGit(true)}).
 */
@Timeout(120)
class ExternalGitTest {

    @TempDir Path tmp;

    private final String key = FakeSecrets.generate("stripe-live", new Random(8));

    private String leakyConfig() {
        return "{\"mcpServers\":{\"stripe\":{\"command\":\"npx\",\"args\":[\"-y\",\"@stripe/mcp@1.0.0\"],"
                + "\"env\":{\"STRIPE_SECRET_KEY\":\""
                + key
                + "\"}}}}";
    }

    private static void commit(Git git) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit()
                .setMessage("c")
                .setAuthor("t", "t@example.invalid")
                .setCommitter("t", "t@example.invalid")
                .setSign(false)
                .call();
    }

    @Test
    void gitdirFilePointingOutside_isAWarningAndNotFollowedUnlessAllowed() throws Exception {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", leakyConfig());
        Path outsideGitDir = t.outside.resolve("repo.git");
        try (Git git =
                Git.init()
                        .setDirectory(t.root.toFile())
                        .setGitDir(outsideGitDir.toFile())
                        .setInitialBranch("main")
                        .call()) {
            commit(git);
        }
        Files.writeString(t.root.resolve(".git"), "gitdir: " + outsideGitDir + "\n");

        ScanResult byDefault = t.scan();

        assertThat(Tree.messages(byDefault))
                .anyMatch(
                        m ->
                                m.contains("gitdir")
                                        && m.contains("outside")
                                        && m.contains("--allow-external-git"));
        assertThat(byDefault.files().get(0).tracked()).as("no git status read").isNull();
        assertThat(byDefault.findings()).noneMatch(f -> f.checklist().equals("committed-secrets"));

        ScanResult allowed = Mcpsec.create().scan(t.request().allowExternalGit(true).build());

        assertThat(allowed.files().get(0).tracked()).isTrue();
        assertThat(allowed.findings()).anyMatch(f -> f.checklist().equals("committed-secrets"));
    }

    @Test
    void alternatesPointingOutside_areAWarningAndNotFollowedUnlessAllowed() throws Exception {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", leakyConfig());
        try (Git git = Git.init().setDirectory(t.root.toFile()).setInitialBranch("main").call()) {
            commit(git);
        }
        Path alternates = t.root.resolve(".git/objects/info/alternates");
        Files.createDirectories(alternates.getParent());
        Path foreign = Files.createDirectories(t.outside.resolve("objects"));
        Files.writeString(alternates, foreign + "\n");

        ScanResult byDefault = t.scan();

        assertThat(Tree.messages(byDefault))
                .anyMatch(
                        m ->
                                m.contains("alternates")
                                        && m.contains("outside")
                                        && m.contains("--allow-external-git"));
        assertThat(byDefault.files().get(0).tracked()).isNull();

        ScanResult allowed = Mcpsec.create().scan(t.request().allowExternalGit(true).build());
        assertThat(allowed.files().get(0).tracked()).isTrue();
    }

    @Test
    void excludesFileOutside_isAWarningAndNotReadUnlessAllowed() throws Exception {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", leakyConfig());
        Path ignore = Tree.write(t.outside.resolve("global-ignore"), ".mcp.json\n");
        try (Git git = Git.init().setDirectory(t.root.toFile()).setInitialBranch("main").call()) {
            git.getRepository()
                    .getConfig()
                    .setString("core", null, "excludesFile", ignore.toString());
            git.getRepository().getConfig().save();
        }

        ScanResult byDefault = t.scan();

        assertThat(Tree.messages(byDefault))
                .anyMatch(
                        m ->
                                m.contains("excludes file")
                                        && m.contains("outside")
                                        && m.contains("--allow-external-git"));
        // the outside ignore file is not read, so the config does not count as ignored
        assertThat(byDefault.files().get(0).ignored()).isFalse();
        assertThat(byDefault.findings()).anyMatch(f -> f.ruleId().equals("MCP-CFG-002"));

        ScanResult allowed = Mcpsec.create().scan(t.request().allowExternalGit(true).build());
        assertThat(allowed.files().get(0).ignored()).isTrue();
        assertThat(allowed.findings()).noneMatch(f -> f.ruleId().equals("MCP-CFG-002"));
    }

    @Test
    void aGitDirectoryInsideTheRoot_isReadWithoutTheOptIn() throws Exception {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", leakyConfig());
        try (Git git = Git.init().setDirectory(t.root.toFile()).setInitialBranch("main").call()) {
            commit(git);
        }
        ScanResult r = t.scan();
        assertThat(r.files().get(0).tracked()).isTrue();
        assertThat(Tree.messages(r)).noneMatch(m -> m.contains("--allow-external-git"));
    }
}
