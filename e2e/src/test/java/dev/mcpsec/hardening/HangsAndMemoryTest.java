package dev.mcpsec.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11 item 5: FIFOs where git or the registers expect files, exponential globs, env files
 * loaded by many servers and huge sparse {@code .mcpsec/} files end neither in a hang nor in an
 * {@code OutOfMemoryError}. The time limits below are hang guards (minutes of slack), not
 * performance assertions.
 */
@Timeout(300)
class HangsAndMemoryTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(90);

    @TempDir Path tmp;

    private final List<Path> fifos = new ArrayList<>();

    private void mkfifo(Path path) throws Exception {
        Files.createDirectories(path.getParent());
        Process p = new ProcessBuilder("mkfifo", path.toString()).start();
        assumeThat(p.waitFor()).as("mkfifo available").isZero();
        fifos.add(path);
    }

    /**
     * Releases a reader still blocked on a FIFO (only the code before the fix blocks), so the test
     * JVM can end.
     */
    @AfterEach
    void releaseBlockedReaders() {
        for (Path fifo : fifos) {
            Thread t =
                    new Thread(
                            () -> {
                                try (OutputStream out =
                                        Files.newOutputStream(
                                                fifo, java.nio.file.StandardOpenOption.WRITE)) {
                                    out.flush();
                                } catch (Exception ignored) {
                                    // nobody was waiting, or the file is gone
                                }
                            });
            t.setDaemon(true);
            t.start();
        }
    }

    private static void commitAll(Path root) throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("c")
                    .setAuthor("t", "t@example.invalid")
                    .setCommitter("t", "t@example.invalid")
                    .setSign(false)
                    .call();
            git.tag().setName("v1").call();
            git.gc().call(); // writes packed-refs
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                ".git",
                ".git/HEAD",
                ".git/config",
                ".git/index",
                ".git/packed-refs",
                ".git/refs/heads/main",
                ".git/objects/info/alternates",
                ".git/info/exclude"
            })
    void aFifoInsideGit_isReportedAndDoesNotHang(String where) throws Exception {
        Tree t = new Tree(tmp);
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"p@1.0.0\"]}}}");
        commitAll(t.root);
        Path target = t.root.resolve(where);
        if (where.equals(".git")) {
            try (var walk = Files.walk(target)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } else {
            Files.deleteIfExists(target);
        }
        mkfifo(target);

        ScanResult r = assertTimeoutPreemptively(HANG_GUARD, () -> t.scan());

        assertThat(r.files()).extracting(FileSummary::file).contains(".mcp.json");
        assertThat(Tree.messages(r))
                .anyMatch(m -> m.contains("git") && m.contains("not a regular file"));
    }

    @Test
    void anExponentialExcludeGlob_doesNotHang() {
        Tree t = new Tree(tmp);
        String glob = "**a".repeat(30) + "b";
        t.write(".mcpsec/config.json", "{\"exclude\":[\"" + glob + "\"]}");
        t.write(
                "a".repeat(60) + "/.mcp.json",
                "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"p@1\"]}}}");

        ScanResult r = assertTimeoutPreemptively(HANG_GUARD, () -> t.scan());

        assertThat(r.files()).hasSize(1);
    }

    @Test
    void anEnvFileLoadedByManyServers_isReadOnceAndBounded() {
        Tree t = new Tree(tmp);
        StringBuilder env = new StringBuilder("this line is not an assignment\n");
        for (int i = 0; i < 1000; i++) {
            env.append("VALUE_").append(i).append("=plain-value-").append(i).append('\n');
        }
        t.write("team.env", env.toString());
        StringBuilder cfg = new StringBuilder("{\"mcpServers\":{");
        for (int i = 0; i < 300; i++) {
            cfg.append(i == 0 ? "" : ",")
                    .append("\"s")
                    .append(i)
                    .append(
                            "\":{\"command\":\"npx\",\"args\":[\"p@1\"],\"envFile\":\"${workspaceFolder}/team.env\"}");
        }
        t.write(".vscode/mcp.json", cfg.append("}}").toString().replace("mcpServers", "servers"));

        ScanResult r = assertTimeoutPreemptively(HANG_GUARD, () -> t.scan());

        List<String> warnings = Tree.messages(r);
        // the parser's note on the bad line comes once: the file was read and parsed once, not 300
        // times
        assertThat(warnings.stream().filter(m -> m.startsWith("team.env") && m.contains("line 1")))
                .hasSize(1);
        assertThat(warnings)
                .anyMatch(m -> m.contains("values loaded by servers") && m.contains("not checked"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {".mcpsec/config.json", ".mcpsec/baseline.json", ".mcpsec/reviewed.json"})
    void aHugeSparseRegisterFile_isAClearErrorNotOutOfMemory(String where) throws Exception {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"p@1\"]}}}");
        Path big = t.root.resolve(where);
        Files.createDirectories(big.getParent());
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30); // 3 GiB, sparse: no disk space used
        }

        assertThatThrownBy(() -> Mcpsec.create().scan(t.request().build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(where.substring(".mcpsec/".length()))
                .hasMessageContaining("over the limit");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                ".mcpsec/config.json",
                ".mcpsec/baseline.json",
                ".mcpsec/reviewed.json",
                ".mcpsec/rotation.json",
                "dev.env"
            })
    void aFifoWhereARegisterOrEnvFileBelongs_isNotOpened(String where) throws Exception {
        Tree t = new Tree(tmp);
        t.write(
                ".vscode/mcp.json",
                "{\"servers\":{\"s\":{\"command\":\"npx\",\"args\":[\"p@1\"],"
                        + "\"envFile\":\"${workspaceFolder}/dev.env\"}}}");
        mkfifo(t.root.resolve(where));

        assertTimeoutPreemptively(
                HANG_GUARD,
                () -> {
                    try {
                        ScanResult r = t.scan();
                        assertThat(r.files())
                                .extracting(FileSummary::file)
                                .contains(".vscode/mcp.json");
                    } catch (ConfigurationException e) {
                        // refusing the register outright is as good as skipping it: a clear error,
                        // no read
                        assertThat(e.getMessage()).contains(where).contains("not a regular file");
                    }
                });
    }

    @Test
    void aFifoNamedLikeAProjectPolicy_isAClearErrorWithTheOptIn() throws Exception {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"p@1\"]}}}");
        mkfifo(t.root.resolve(".mcpsec/policies/evil.drl"));

        assertTimeoutPreemptively(
                HANG_GUARD,
                () ->
                        assertThatThrownBy(
                                        () ->
                                                Mcpsec.create()
                                                        .scan(
                                                                t.request()
                                                                        .projectPolicies(true)
                                                                        .build()))
                                .isInstanceOf(ConfigurationException.class)
                                .hasMessageContaining(".mcpsec/policies/evil.drl")
                                .hasMessageContaining("not a regular file"));
    }
}
