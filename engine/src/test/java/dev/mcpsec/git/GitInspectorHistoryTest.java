package dev.mcpsec.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanWarning;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInspectorHistoryTest {
    private static final Predicate<String> CONFIGS =
            p ->
                    p.endsWith(".mcp.json")
                            || p.endsWith("mcp.json")
                            || p.equals(".env")
                            || p.endsWith("/.env");

    @TempDir Path tmp;

    private final List<ScanWarning> warnings = new ArrayList<>();
    private TestRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        IsolatedGitConfig.install(tmp.resolve("home"));
        repo = TestRepo.init(tmp.resolve("repo"));
    }

    @AfterEach
    void tearDown() {
        repo.close();
        IsolatedGitConfig.uninstall();
    }

    private HistoryResult history(HistoryOptions options) {
        return history(repo.dir, options);
    }

    private HistoryResult history(Path scanRoot, HistoryOptions options) {
        try (GitInspector git = GitInspector.open(scanRoot, warnings::add).orElseThrow()) {
            return git.history(CONFIGS, options, null);
        }
    }

    private static HistoricBlob blob(HistoryResult result, String content) {
        return result.blobs().stream()
                .filter(b -> new String(b.content(), StandardCharsets.UTF_8).equals(content))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no blob with content " + content));
    }

    @Test
    void everyVersionAcrossBranchesTagsAndDeletedFiles_isReturned() throws Exception {
        RevCommit v1 = repo.write(".mcp.json", "v1").write("README.md", "r").commit("v1");
        repo.write(".mcp.json", "v2").write("app/.env", "deleted-later").commit("v2");
        repo.delete("app/.env").commit("remove env");
        RevCommit feature =
                repo.branch("feature").write(".cursor/mcp.json", "feature-only").commit("feature");
        repo.checkout("main").branch("tagged").write(".env", "tag-only").commit("tagged");
        repo.git.tag().setName("v1.0").setAnnotated(true).setMessage("release").call();
        repo.checkout("main");
        repo.git.branchDelete().setBranchNames("tagged").setForce(true).call();

        HistoryResult result = history(HistoryOptions.DEFAULTS);

        assertThat(result.blobs())
                .extracting(b -> new String(b.content(), StandardCharsets.UTF_8))
                .containsExactly("v1", "v2", "deleted-later", "feature-only", "tag-only");
        assertThat(blob(result, "v1").firstCommit()).isEqualTo(v1.name());
        assertThat(blob(result, "v1").atHead()).isFalse();
        assertThat(blob(result, "v2").atHead()).isTrue();
        assertThat(blob(result, "deleted-later").repoPath()).isEqualTo("app/.env");
        assertThat(blob(result, "deleted-later").atHead()).isFalse();
        assertThat(blob(result, "feature-only").firstCommit()).isEqualTo(feature.name());
        assertThat(blob(result, "feature-only").firstCommitTime())
                .isEqualTo(feature.getAuthorIdent().getWhenAsInstant());
        assertThat(result.commitsWalked()).isEqualTo(5);
        assertThat(result.truncated()).isFalse();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void renamedConfig_keepsTheOriginalPathForUnchangedContent() throws Exception {
        RevCommit added = repo.write(".mcp.json", "same").commit("add");
        repo.delete(".mcp.json").write(".cursor/mcp.json", "same").commit("rename");
        RevCommit edited = repo.write(".cursor/mcp.json", "edited").commit("edit");

        HistoryResult result = history(HistoryOptions.DEFAULTS);

        assertThat(result.blobs()).hasSize(2);
        assertThat(blob(result, "same").repoPath()).isEqualTo(".mcp.json");
        assertThat(blob(result, "same").firstCommit()).isEqualTo(added.name());
        assertThat(blob(result, "edited").repoPath()).isEqualTo(".cursor/mcp.json");
        assertThat(blob(result, "edited").firstCommit()).isEqualTo(edited.name());
        assertThat(blob(result, "edited").atHead()).isTrue();
    }

    @Test
    void sameBlobInSeveralCommits_isReturnedOnceWithTheEarliestCommit() throws Exception {
        RevCommit first = repo.write(".env", "KEY=one").commit("one");
        repo.write(".env", "KEY=two").commit("two");
        repo.write(".env", "KEY=one").commit("back to one");
        repo.branch("other").write("sub/.env", "KEY=one").commit("copy on a branch");

        HistoryResult result = history(HistoryOptions.DEFAULTS);

        assertThat(result.blobs())
                .extracting(HistoricBlob::blobId)
                .doesNotHaveDuplicates()
                .hasSize(2);
        assertThat(blob(result, "KEY=one").firstCommit()).isEqualTo(first.name());
        assertThat(blob(result, "KEY=one").atHead()).isTrue();
    }

    @Test
    void mergedBranch_attributesBlobsToTheCommitThatIntroducedThem() throws Exception {
        repo.write("README.md", "r").commit("init");
        RevCommit onBranch = repo.branch("side").write(".env", "from-side").commit("side");
        repo.checkout("main").write(".mcp.json", "main").commit("main");
        repo.git.merge().include(onBranch).setMessage("merge").call();

        HistoryResult result = history(HistoryOptions.DEFAULTS);

        assertThat(result.blobs()).hasSize(2);
        assertThat(blob(result, "from-side").firstCommit()).isEqualTo(onBranch.name());
        assertThat(result.commitsWalked()).isEqualTo(4);
    }

    @Test
    void stashedChanges_areIncludedWithUntrackedFiles() throws Exception {
        repo.write(".mcp.json", "committed").commit("init");
        repo.write(".mcp.json", "stashed-edit").write(".env", "stashed-untracked");
        repo.git.stashCreate().setIncludeUntracked(true).call();

        HistoryResult result = history(HistoryOptions.DEFAULTS);

        assertThat(result.blobs())
                .extracting(b -> new String(b.content(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("committed", "stashed-edit", "stashed-untracked");
    }

    @Test
    void commitsOnlyADetachedHeadReaches_areWalked() throws Exception {
        RevCommit one = repo.write(".mcp.json", "one").commit("one");
        repo.git.checkout().setName(one.name()).call();
        RevCommit detached = repo.write(".mcp.json", "detached").commit("detached");

        HistoryResult result = history(HistoryOptions.DEFAULTS);

        assertThat(repo.git.getRepository().getFullBranch()).isEqualTo(detached.name());
        assertThat(blob(result, "detached").firstCommit()).isEqualTo(detached.name());
        assertThat(blob(result, "detached").atHead()).isTrue();
        assertThat(blob(result, "one").atHead()).isFalse();
    }

    @Test
    void scanRootInSubfolder_givesPathsRelativeToIt() throws Exception {
        repo.write("app/.mcp.json", "inside").write(".env", "outside").commit("init");

        HistoryResult result = history(repo.path("app"), HistoryOptions.DEFAULTS);

        assertThat(blob(result, "inside").scanRelativePath()).isEqualTo(".mcp.json");
        assertThat(blob(result, "outside").scanRelativePath()).isNull();
        assertThat(blob(result, "outside").repoPath()).isEqualTo(".env");
    }

    @Test
    void blobOverTheSizeLimit_isSkippedWithAWarning() throws Exception {
        repo.write(".mcp.json", "x".repeat(500)).write(".env", "small").commit("init");

        HistoryResult result = history(new HistoryOptions(100, Duration.ofMinutes(1), 100));

        assertThat(result.blobs()).extracting(HistoricBlob::repoPath).containsExactly(".env");
        assertThat(result.warnings())
                .singleElement()
                .satisfies(
                        w -> {
                            assertThat(w.file()).isEqualTo(".mcp.json");
                            assertThat(w.message()).contains("maxBlobBytes");
                        });
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void binaryBlob_isSkippedWithAWarning() throws Exception {
        repo.write(".mcp.json", new byte[] {'{', 0, 1, 2, '}'})
                .write(".env", "text")
                .commit("init");

        HistoryResult result = history(HistoryOptions.DEFAULTS);

        assertThat(result.blobs()).extracting(HistoricBlob::repoPath).containsExactly(".env");
        assertThat(result.warnings())
                .singleElement()
                .extracting(ScanWarning::message)
                .asString()
                .contains("binary");
    }

    @Test
    void commitLimit_truncatesNewestFirstAndSaysSo() throws Exception {
        for (int i = 1; i <= 5; i++) {
            repo.write(".env", "V=" + i).commit("c" + i);
        }

        HistoryResult result = history(new HistoryOptions(2, Duration.ofMinutes(1), 1024));

        assertThat(result.truncated()).isTrue();
        assertThat(result.commitsWalked()).isEqualTo(2);
        assertThat(result.blobs())
                .extracting(b -> new String(b.content(), StandardCharsets.UTF_8))
                .containsExactly("V=4", "V=5");
        assertThat(result.warnings())
                .singleElement()
                .extracting(ScanWarning::message)
                .asString()
                .contains("maxCommits = 2");
    }

    @Test
    void commitLimitEqualToHistoryLength_doesNotTruncate() throws Exception {
        repo.write(".env", "V=1").commit("c1");
        repo.write(".env", "V=2").commit("c2");

        HistoryResult result = history(new HistoryOptions(2, Duration.ofMinutes(1), 1024));

        assertThat(result.truncated()).isFalse();
        assertThat(result.blobs()).hasSize(2);
    }

    @Test
    void timeLimit_truncatesAndSaysSo() throws Exception {
        repo.write(".env", "V=1").commit("c1");

        HistoryResult result = history(new HistoryOptions(10, Duration.ofNanos(1), 1024));

        assertThat(result.truncated()).isTrue();
        assertThat(result.warnings())
                .extracting(ScanWarning::message)
                .anyMatch(m -> m.contains("maxTime"));
    }

    @Test
    void pathsTheFilterRejects_areNeverRead() throws Exception {
        repo.write("README.md", "doc")
                .write("src/main.js", "code")
                .write(".env", "kept")
                .commit("init");

        assertThat(history(HistoryOptions.DEFAULTS).blobs())
                .extracting(HistoricBlob::repoPath)
                .containsExactly(".env");
    }

    @Test
    void missingObjects_becomeWarningsAndTheRestIsStillReturned() throws Exception {
        repo.write(".mcp.json", "kept").commit("one");
        RevCommit broken = repo.write("app/.env", "lost").commit("two");
        repo.write(".env", "also-kept").commit("three");
        String blobId = repo.git.getRepository().resolve(broken.name() + ":app/.env").name();
        String treeId = repo.git.getRepository().resolve(broken.name() + ":app").name();
        Files.delete(
                repo.path(".git/objects/" + blobId.substring(0, 2) + "/" + blobId.substring(2)));
        Files.delete(
                repo.path(".git/objects/" + treeId.substring(0, 2) + "/" + treeId.substring(2)));

        HistoryResult result = history(HistoryOptions.DEFAULTS);

        assertThat(result.blobs())
                .extracting(b -> new String(b.content(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("kept", "also-kept");
        assertThat(result.truncated()).isTrue();
        assertThat(result.warnings())
                .extracting(ScanWarning::message)
                .anyMatch(m -> m.contains("unreadable"));
    }
}
