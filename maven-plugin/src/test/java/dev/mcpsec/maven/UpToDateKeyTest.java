package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The up-to-date key changes with every input that can change a scan's result (a table of cases),
 * and only with those: a file in a folder no scanner enters leaves it alone.
 */
class UpToDateKeyTest {
    @TempDir Path dir;

    /** Everything the key is computed from, changed in place by a case. */
    static final class Inputs {
        final Path root;
        final Path bundle;
        final Path jar;
        final Path baseline;
        final Path advisories;
        final Map<String, String> extra = new LinkedHashMap<>();
        LocalDate today = LocalDate.of(2026, 11, 26);
        VerifySettings.Builder settings;

        Inputs(Path dir) throws IOException {
            root = Files.createDirectories(dir.resolve("project"));
            write(root.resolve(".mcp.json"), "{\"mcpServers\":{\"a\":{\"command\":\"npx\"}}}");
            write(root.resolve(".gitignore"), "target/\n");
            write(root.resolve("src/main/java/App.java"), "class App {}");
            write(root.resolve("target/classes/App.class"), "cafebabe");
            write(root.resolve("node_modules/x/index.js"), "");
            Path git = root.resolve(".git");
            write(git.resolve("HEAD"), "ref: refs/heads/main\n");
            write(git.resolve("refs/heads/main"), "1111111111111111111111111111111111111111\n");
            write(git.resolve("packed-refs"), "# pack-refs with: peeled\n");
            write(git.resolve("index"), "DIRC-one");
            write(git.resolve("config"), "[core]\n");
            write(git.resolve("objects/11/11111111111111111111111111111111111111"), "blob");
            bundle = dir.resolve("bundle");
            write(bundle.resolve("META-INF/mcpsec/policies/acme.drl"), "rule \"x\" end");
            jar = dir.resolve("engine.jar");
            write(jar, "jar-one");
            baseline = dir.resolve("baseline.json");
            write(baseline, "{\"accepted\":[]}");
            advisories = dir.resolve("osv/GHSA-1.json");
            write(advisories, "{\"id\":\"GHSA-1\"}");
            extra.put("outputDirectory", root.resolve("target/mcpsec").toString());
            settings =
                    VerifySettings.builder(root.toFile(), root.toFile())
                            .bundles(List.of(bundle.toString()))
                            .baseline(baseline.toFile())
                            .advisories(List.of(advisories.toString()));
        }

        String key() throws IOException {
            return UpToDateKey.compute(settings.build(), extra, List.of(jar.toFile()), today);
        }
    }

    interface Change {
        void apply(Inputs in) throws IOException;
    }

    static Stream<Arguments> everyInputChangesTheKey() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(
                Arguments.of(
                        "a new config file",
                        (Change) in -> write(in.root.resolve(".cursor/mcp.json"), "{}")));
        cases.add(
                Arguments.of(
                        "an edited config file",
                        (Change)
                                in ->
                                        write(
                                                in.root.resolve(".mcp.json"),
                                                "{\"mcpServers\":{\"b\":{\"command\":\"npx\"}}}")));
        cases.add(
                Arguments.of(
                        "an edit of the same size with the old modification time",
                        (Change) in -> sameSizeEdit(in.root.resolve(".mcp.json"))));
        cases.add(
                Arguments.of(
                        "a deleted file",
                        (Change) in -> Files.delete(in.root.resolve("src/main/java/App.java"))));
        cases.add(
                Arguments.of(
                        "a new empty folder",
                        (Change) in -> Files.createDirectories(in.root.resolve("docs"))));
        cases.add(
                Arguments.of(
                        "an env file in a folder only discovery skips (out/)",
                        (Change) in -> write(in.root.resolve("out/.env"), "A=1")));
        cases.add(
                Arguments.of(
                        "an edited .gitignore",
                        (Change)
                                in ->
                                        write(
                                                in.root.resolve(".gitignore"),
                                                "target/\n.mcp.json\n")));
        cases.add(
                Arguments.of(
                        "a new .mcpsec/config.json",
                        (Change)
                                in ->
                                        write(
                                                in.root.resolve(".mcpsec/config.json"),
                                                "{\"disable\":[]}")));
        cases.add(
                Arguments.of(
                        "a new commit (object and moved branch)",
                        (Change)
                                in -> {
                                    write(
                                            in.root.resolve(
                                                    ".git/objects/22/2222222222222222222222222222222222222"),
                                            "commit");
                                    write(
                                            in.root.resolve(".git/refs/heads/main"),
                                            "2222222222222222222222222222222222222222\n");
                                }));
        cases.add(
                Arguments.of(
                        "a moved ref of the same length",
                        (Change) in -> sameSizeEdit(in.root.resolve(".git/refs/heads/main"))));
        cases.add(
                Arguments.of(
                        "a new branch",
                        (Change)
                                in ->
                                        write(
                                                in.root.resolve(".git/refs/heads/topic"),
                                                "1111111111111111111111111111111111111111\n")));
        cases.add(
                Arguments.of(
                        "a new tag in packed-refs",
                        (Change)
                                in ->
                                        write(
                                                in.root.resolve(".git/packed-refs"),
                                                "# pack-refs with: peeled\n"
                                                        + "1111111111111111111111111111111111111111"
                                                        + " refs/tags/v1\n")));
        cases.add(
                Arguments.of(
                        "a checked-out branch (HEAD)",
                        (Change)
                                in ->
                                        write(
                                                in.root.resolve(".git/HEAD"),
                                                "ref: refs/heads/topic\n")));
        cases.add(
                Arguments.of(
                        "a changed index",
                        (Change) in -> write(in.root.resolve(".git/index"), "DIRC-two")));
        cases.add(
                Arguments.of(
                        "a new pack file",
                        (Change)
                                in ->
                                        write(
                                                in.root.resolve(".git/objects/pack/pack-1.pack"),
                                                "PACK")));
        cases.add(
                Arguments.of(
                        "a changed bundle",
                        (Change)
                                in ->
                                        write(
                                                in.bundle.resolve(
                                                        "META-INF/mcpsec/policies/acme.drl"),
                                                "rule \"y\" end")));
        cases.add(
                Arguments.of(
                        "a changed jar on the plugin's class path (engine, built-in rules)",
                        (Change) in -> write(in.jar, "jar-two")));
        cases.add(
                Arguments.of(
                        "an edited baseline",
                        (Change) in -> write(in.baseline, "{\"accepted\":[\"x\"]}")));
        cases.add(
                Arguments.of(
                        "an edited advisory file",
                        (Change) in -> write(in.advisories, "{\"id\":\"GHSA-2\"}")));
        cases.add(Arguments.of("another day", (Change) in -> in.today = in.today.plusDays(1)));
        cases.add(
                Arguments.of(
                        "a changed parameter: failOn",
                        (Change) in -> in.settings.failOn("medium")));
        cases.add(
                Arguments.of(
                        "a changed parameter: formats",
                        (Change) in -> in.settings.formats(List.of("console", "html"))));
        cases.add(
                Arguments.of(
                        "a changed parameter: history", (Change) in -> in.settings.history(false)));
        cases.add(
                Arguments.of(
                        "a changed parameter: projectPolicies",
                        (Change) in -> in.settings.projectPolicies(true)));
        cases.add(
                Arguments.of(
                        "a changed parameter: excludeRules",
                        (Change) in -> in.settings.excludeRules(List.of("MCP-SEC-001"))));
        cases.add(
                Arguments.of(
                        "a changed parameter: includeRules",
                        (Change) in -> in.settings.includeRules(List.of("MCP-SEC-001"))));
        cases.add(
                Arguments.of(
                        "a changed parameter: severityOverrides",
                        (Change)
                                in ->
                                        in.settings.severityOverrides(
                                                Map.of("pinned-versions", "low"))));
        cases.add(
                Arguments.of(
                        "a changed parameter: limits",
                        (Change) in -> in.settings.limits(Map.of("maxFileBytes", "4MiB"))));
        cases.add(
                Arguments.of(
                        "a changed parameter: advisoriesMaxAge",
                        (Change) in -> in.settings.advisoriesMaxAge(30)));
        cases.add(
                Arguments.of(
                        "a changed parameter: outputDirectory",
                        (Change) in -> in.extra.put("outputDirectory", "/elsewhere")));
        cases.add(
                Arguments.of(
                        "a changed parameter: localRepository",
                        (Change) in -> in.settings.localRepository(new File("/other/repo"))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void everyInputChangesTheKey(String name, Change change) throws IOException {
        Inputs in = new Inputs(dir);
        String before = in.key();
        assertThat(in.key()).as("the key is stable while nothing changes").isEqualTo(before);

        change.apply(in);

        assertThat(in.key()).as(name).isNotEqualTo(before);
    }

    @Test
    void aFileInAFolderNoScannerEnters_leavesTheKeyAlone() throws IOException {
        Inputs in = new Inputs(dir);
        String before = in.key();

        write(in.root.resolve("target/classes/Other.class"), "cafebabe");
        write(in.root.resolve("node_modules/x/package.json"), "{}");

        assertThat(in.key()).isEqualTo(before);
    }

    @Test
    void aWorktreeGitdirFile_isFollowedToItsCommonDirectory() throws IOException {
        Inputs in = new Inputs(dir);
        Path common = Files.createDirectories(dir.resolve("main.git"));
        Path gitdir = common.resolve("worktrees/wt");
        write(gitdir.resolve("HEAD"), "ref: refs/heads/wt\n");
        write(gitdir.resolve("commondir"), "../..\n");
        write(common.resolve("refs/heads/wt"), "1111111111111111111111111111111111111111\n");
        deleteTree(in.root.resolve(".git"));
        write(in.root.resolve(".git"), "gitdir: " + gitdir + "\n");
        String before = in.key();

        write(common.resolve("refs/heads/wt"), "2222222222222222222222222222222222222222\n");

        assertThat(in.key()).isNotEqualTo(before);
    }

    @Test
    void userConfigsAndExternalGit_areNeverReused() {
        VerifySettings.Builder base = VerifySettings.builder(dir.toFile(), dir.toFile());
        assertThat(UpToDateKey.notReusable(base.build())).isEmpty();
        assertThat(UpToDateKey.notReusable(base.includeUserConfigs(true).build()))
                .hasValueSatisfying(why -> assertThat(why).contains("<includeUserConfigs>"));
        assertThat(
                        UpToDateKey.notReusable(
                                VerifySettings.builder(dir.toFile(), dir.toFile())
                                        .allowExternalGit(true)
                                        .build()))
                .hasValueSatisfying(why -> assertThat(why).contains("<allowExternalGit>"));
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Changes the last character, keeping the size and the modification time. */
    static void sameSizeEdit(Path file) throws IOException {
        FileTime mtime = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        int last = bytes.length - 2;
        bytes[last] = (byte) (bytes[last] == '1' ? '3' : bytes[last] == '}' ? ']' : '1');
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, mtime);
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
