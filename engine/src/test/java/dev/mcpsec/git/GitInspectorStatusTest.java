package dev.mcpsec.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanWarning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInspectorStatusTest {
    @TempDir Path tmp;

    private final List<ScanWarning> warnings = new ArrayList<>();
    private IsolatedGitConfig config;
    private TestRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        config = IsolatedGitConfig.install(tmp.resolve("home"));
        repo = TestRepo.init(tmp.resolve("repo"));
        repo.write("README.md", "readme").commit("init");
    }

    @AfterEach
    void tearDown() {
        repo.close();
        IsolatedGitConfig.uninstall();
    }

    private GitFileStatus status(String path) {
        return status(path, false);
    }

    /**
     * With {@code allowExternal}, excludes files outside the work tree are read
     * (--allow-external-git).
     */
    private GitFileStatus status(String path, boolean allowExternal) {
        try (GitInspector git =
                GitInspector.open(repo.dir, warnings::add, allowExternal).orElseThrow()) {
            return git.status(repo.path(path));
        }
    }

    @Test
    void committedFile_isTracked() {
        assertThat(status("README.md")).isEqualTo(new GitFileStatus(true, true, false));
    }

    @Test
    void stagedButUncommittedFile_isTracked() throws Exception {
        repo.write(".mcp.json", "{}");
        repo.git.add().addFilepattern(".mcp.json").call();

        assertThat(status(".mcp.json").tracked()).isTrue();
    }

    @Test
    void newFile_isNeitherTrackedNorIgnored() throws Exception {
        repo.write(".cursor/mcp.json", "{}");

        assertThat(status(".cursor/mcp.json")).isEqualTo(new GitFileStatus(true, false, false));
    }

    @Test
    void fileOutsideTheWorkTree_isNotInRepository() throws Exception {
        Path outside = Files.writeString(tmp.resolve("elsewhere.json"), "{}");
        try (GitInspector git = GitInspector.open(repo.dir, warnings::add).orElseThrow()) {
            assertThat(git.status(outside)).isEqualTo(GitFileStatus.OUTSIDE);
        }
    }

    @Test
    void nestedGitignore_negatesARootRule() throws Exception {
        repo.write(".gitignore", ".env\n")
                .write("a/.env", "A=1")
                .write("b/.gitignore", "!.env\n")
                .write("b/.env", "B=1");

        assertThat(status("a/.env").ignored()).isTrue();
        assertThat(status("b/.env").ignored()).isFalse();
    }

    @Test
    void anchoredPatternInNestedGitignore_matchesOnlyItsOwnDirectory() throws Exception {
        repo.write("sub/.gitignore", "/local.json\n")
                .write("sub/local.json", "{}")
                .write("sub/deeper/local.json", "{}");

        assertThat(status("sub/local.json").ignored()).isTrue();
        assertThat(status("sub/deeper/local.json").ignored()).isFalse();
    }

    @Test
    void fileInsideIgnoredDirectory_cannotBeReincludedByNegation() throws Exception {
        repo.write(".gitignore", "secrets/\n!secrets/keep.json\n")
                .write("secrets/keep.json", "{}")
                .write("secrets/x/.mcp.json", "{}");

        assertThat(status("secrets/keep.json").ignored()).isTrue();
        assertThat(status("secrets/x/.mcp.json").ignored()).isTrue();
    }

    @Test
    void infoExclude_ignores() throws Exception {
        repo.write(".git/info/exclude", "*.local.json\n").write("cfg/mcp.local.json", "{}");

        assertThat(status("cfg/mcp.local.json").ignored()).isTrue();
    }

    @Test
    void globalExcludesFileFromUserConfig_ignores() throws Exception {
        Path excludes = Files.writeString(tmp.resolve("global-ignore"), ".vscode/\n");
        Files.writeString(config.userConfigFile(), "[core]\n\texcludesFile = " + excludes + "\n");
        repo.write(".vscode/mcp.json", "{}");

        assertThat(status(".vscode/mcp.json", true).ignored()).isTrue();
        assertThat(status("README.md", true).ignored()).isFalse();
    }

    @Test
    void globalExcludesFileOutsideTheWorkTree_isNotReadWithoutTheOptIn() throws Exception {
        Path excludes = Files.writeString(tmp.resolve("global-ignore"), ".vscode/\n");
        Files.writeString(config.userConfigFile(), "[core]\n\texcludesFile = " + excludes + "\n");
        repo.write(".vscode/mcp.json", "{}");

        assertThat(status(".vscode/mcp.json").ignored()).isFalse();
        assertThat(warnings).anyMatch(w -> w.message().contains("--allow-external-git"));
    }

    @Test
    void globalExcludesAtTheXdgDefault_ignoresWhenNothingIsConfigured() throws Exception {
        Files.createDirectories(tmp.resolve("home/.config/git"));
        Files.writeString(tmp.resolve("home/.config/git/ignore"), ".mcp.json\n");
        repo.write(".mcp.json", "{}");

        assertThat(status(".mcp.json", true).ignored()).isTrue();
    }

    @Test
    void repositoryRuleNegation_overridesGlobalExcludes() throws Exception {
        Path excludes = Files.writeString(tmp.resolve("global-ignore"), "*.json\n");
        StoredConfig repoConfig = repo.git.getRepository().getConfig();
        repoConfig.setString("core", null, "excludesFile", excludes.toString());
        repoConfig.save();
        repo.write(".gitignore", "!.mcp.json\n").write(".mcp.json", "{}").write("other.json", "{}");

        assertThat(status(".mcp.json", true).ignored()).isFalse();
        assertThat(status("other.json", true).ignored()).isTrue();
    }

    @Test
    void trackedFileMatchingAnIgnoreRule_isBothTrackedAndIgnored() throws Exception {
        repo.write(".env", "A=1").commit("oops");
        repo.write(".gitignore", ".env\n");

        assertThat(status(".env")).isEqualTo(new GitFileStatus(true, true, true));
    }

    @Test
    void batchStatuses_answerEveryFileInOrder() throws Exception {
        repo.write(".gitignore", "*.env\n")
                .write("x/a.env", "1")
                .write("x/b.json", "{}")
                .write("y/c.env", "2");
        repo.git.add().addFilepattern("x/b.json").call();
        List<Path> files =
                List.of(
                        repo.path("x/a.env"),
                        repo.path("x/b.json"),
                        repo.path("y/c.env"),
                        repo.path("README.md"));
        try (GitInspector git = GitInspector.open(repo.dir, warnings::add).orElseThrow()) {
            Map<Path, GitFileStatus> statuses = git.statuses(files);

            assertThat(statuses.keySet()).containsExactlyElementsOf(files);
            assertThat(statuses.values())
                    .containsExactly(
                            new GitFileStatus(true, false, true),
                            new GitFileStatus(true, true, false),
                            new GitFileStatus(true, false, true),
                            new GitFileStatus(true, true, false));
        }
        assertThat(warnings).isEmpty();
    }
}
