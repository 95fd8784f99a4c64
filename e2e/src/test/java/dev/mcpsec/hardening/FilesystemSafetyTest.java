package dev.mcpsec.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.secrets.FakeSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner reads only inside the scan root (and the home folder it is given): symlinks out are
 * skipped, loops end, env files that escape are reported and not read, files that cannot be read
 * are reported and skipped, and odd names (backslashes, bytes that are not UTF-8) do not stop the
 * scan.
 */
@Timeout(120)
class FilesystemSafetyTest {

    @TempDir Path tmp;

    private static String server(String extra) {
        return "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"-y\",\"pkg@1.0.0\"]"
                + extra
                + "}}}";
    }

    @Test
    void symlinksOutOfTheRoot_areNotFollowed() throws Exception {
        Tree t = new Tree(tmp);
        Path secretConfig = Tree.write(t.outside.resolve(".mcp.json"), server(""));
        Tree.write(t.outside.resolve("nested/.cursor/mcp.json"), server(""));
        Files.createSymbolicLink(t.root.resolve(".mcp.json"), secretConfig);
        Files.createSymbolicLink(t.root.resolve("linked-dir"), t.outside.resolve("nested"));
        t.write("inside/.mcp.json", server(""));

        ScanResult result = t.scan();

        assertThat(result.files())
                .extracting(FileSummary::file)
                .containsExactly("inside/.mcp.json");
        assertThat(Tree.messages(result))
                .anyMatch(m -> m.contains(".mcp.json") && m.contains("outside"));
    }

    @Test
    void symlinkLoops_terminate() throws Exception {
        Tree t = new Tree(tmp);
        t.write("a/.mcp.json", server(""));
        Files.createSymbolicLink(t.root.resolve("a/loop"), t.root);
        Files.createSymbolicLink(t.root.resolve("a/self"), t.root.resolve("a/self"));
        Files.createSymbolicLink(t.root.resolve("b"), t.root.resolve("c"));
        Files.createSymbolicLink(t.root.resolve("c"), t.root.resolve("b"));

        ScanResult result = t.scan();

        assertThat(result.files()).extracting(FileSummary::file).containsExactly("a/.mcp.json");
    }

    @Test
    void envFilesThatEscapeTheRoot_areReportedAndNotRead() throws Exception {
        Tree t = new Tree(tmp);
        String key = FakeSecrets.generate("stripe-live", new Random(5));
        Tree.write(t.outside.resolve("prod.env"), "STRIPE_SECRET_KEY=" + key + "\n");
        Files.createSymbolicLink(t.root.resolve("linked.env"), t.outside.resolve("prod.env"));
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{"
                        + "\"a\":{\"command\":\"npx\",\"args\":[\"p\"],\"envFile\":\"../outside/prod.env\"},"
                        + "\"b\":{\"command\":\"npx\",\"args\":[\"p\"],\"envFile\":\"${workspaceFolder}/../outside/prod.env\"},"
                        + "\"c\":{\"command\":\"npx\",\"args\":[\"p\"],\"envFile\":\""
                        + t.outside.resolve("prod.env")
                        + "\"},"
                        + "\"d\":{\"command\":\"npx\",\"args\":[\"p\"],\"envFile\":\"${workspaceFolder}/linked.env\"},"
                        + "\"e\":{\"command\":\"npx\",\"args\":[\"p\"],\"envFile\":\"~/prod.env\"},"
                        + "\"f\":{\"command\":\"npx\",\"args\":[\"p\"],\"envFile\":\"..\\\\outside\\\\prod.env\"}}}");

        ScanResult result = t.scan();

        List<String> warnings = Tree.messages(result);
        for (String server : List.of("a", "b", "c", "d")) {
            assertThat(warnings)
                    .as("server " + server)
                    .anyMatch(m -> m.contains("of server " + server + " points outside"));
        }
        assertThat(warnings).anyMatch(m -> m.contains("~/prod.env") && m.contains("not read"));
        assertThat(warnings).anyMatch(m -> m.contains("of server f does not exist"));
        assertThat(result.findings()).noneMatch(f -> f.checklist().equals("production-keys"));
    }

    @Test
    @SuppressWarnings("ResultOfMethodCallIgnored")
    void unreadableFiles_areReportedAndSkipped() throws Exception {
        Tree t = new Tree(tmp);
        t.write("ok/.mcp.json", server(""));
        Files.createSymbolicLink(
                t.root.resolve(".mcp.json"), t.root.resolve("missing-target.json"));
        Path fifo = t.root.resolve("fifo/.cursor/mcp.json");
        Files.createDirectories(fifo.getParent());
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeThat(mkfifo.waitFor()).as("mkfifo available").isZero();
        Path locked = t.write("locked/.mcp.json", server(""));
        locked.toFile().setReadable(false, false);
        boolean root = Files.isReadable(locked);

        ScanResult result = t.scan();

        List<String> warnings = Tree.messages(result);
        assertThat(warnings)
                .anyMatch(m -> m.startsWith(".mcp.json") && m.contains("cannot be resolved"))
                .anyMatch(
                        m ->
                                m.startsWith("fifo/.cursor/mcp.json")
                                        && m.contains("not a regular file"));
        assertThat(result.files())
                .extracting(FileSummary::file)
                .contains("ok/.mcp.json")
                .doesNotContain("fifo/.cursor/mcp.json");
        if (!root) {
            // as root, permission bits do not stop a read: the dangling link and the FIFO stand in
            // for that case
            assertThat(warnings)
                    .anyMatch(
                            m -> m.startsWith("locked/.mcp.json") && m.contains("cannot be read"));
        }
    }

    @Test
    void windowsStylePathsAndNonUtf8Names_doNotStopTheScan() throws Exception {
        Tree t = new Tree(tmp);
        t.write("dir\\with\\backslashes/.mcp.json", server(""));
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"w\":{\"command\":\"C:\\\\Program Files\\\\nodejs\\\\npx.cmd\","
                        + "\"args\":[\"-y\",\"@modelcontextprotocol/server-filesystem\",\"C:\\\\\",\"%USERPROFILE%\"],"
                        + "\"cwd\":\"C:\\\\Users\\\\me\",\"envFile\":\"C:\\\\Users\\\\me\\\\.env\"}}}");
        Process mk =
                new ProcessBuilder(
                                "sh",
                                "-c",
                                "d=\"$(printf 'bad\\377name')\"; mkdir -p \"$d/.cursor\" && "
                                        + "printf '%s' '"
                                        + server("")
                                        + "' > \"$d/.cursor/mcp.json\"")
                        .directory(t.root.toFile())
                        .start();
        assumeThat(mk.waitFor()).as("sh and printf available").isZero();

        ScanResult result = t.scan();

        // display paths use '/', so a POSIX name holding a backslash is shown with '/' in its place
        assertThat(result.files())
                .extracting(FileSummary::file)
                .contains(".mcp.json", "dir/with/backslashes/.mcp.json")
                .anyMatch(f -> f.startsWith("bad") && f.endsWith("/.cursor/mcp.json"));
        assertThat(result.findings()).anyMatch(f -> f.checklist().equals("filesystem-scope"));
        assertThat(Tree.messages(result)).anyMatch(m -> m.contains("C:\\Users\\me\\.env"));
    }

    @Test
    void scan_writesNothingIntoTheScannedTree() throws Exception {
        Tree t = new Tree(tmp);
        t.write(
                ".mcp.json",
                server(
                        ",\"env\":{\"STRIPE_SECRET_KEY\":\""
                                + FakeSecrets.generate("stripe-live", new Random(9))
                                + "\"}"));
        t.write(".env", "A=1\n");
        try (org.eclipse.jgit.api.Git git =
                org.eclipse.jgit.api.Git.init()
                        .setDirectory(t.root.toFile())
                        .setInitialBranch("main")
                        .call()) {
            git.add().addFilepattern(".mcp.json").call();
            git.commit()
                    .setMessage("c")
                    .setAuthor("t", "t@example.invalid")
                    .setCommitter("t", "t@example.invalid")
                    .setSign(false)
                    .call();
        }
        java.util.Map<String, String> before = snapshot(t.root);

        ScanResult result = t.scan();

        assertThat(result.findings()).isNotEmpty();
        assertThat(snapshot(t.root)).isEqualTo(before);
    }

    /** Every path below {@code dir} with its size and modification time. */
    private static java.util.Map<String, String> snapshot(Path dir) throws Exception {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                out.put(
                        dir.relativize(p).toString(),
                        Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }
}
