package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mcpsec.secrets.FakeSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercises the repository's {@code .pre-commit-hooks.yaml} without the pre-commit framework (a
 * PyPI package, not available to the build): the hook's entry, parsed from the file, is installed
 * as {@code .git/hooks/pre-commit} the way the framework runs it (for {@code language: script}, the
 * entry's first word is a script in the hook repository; no file names; from the repository root),
 * and real {@code git commit}s go through it.
 */
class PreCommitHookTest {
    private static final Path HOOKS_FILE = Path.of("../.pre-commit-hooks.yaml");
    private static JsonNode hook;

    @TempDir Path tmp;
    private Path repo;
    private Path home;

    @BeforeAll
    static void readHookDefinition() throws IOException {
        JsonNode hooks = new YAMLMapper().readTree(HOOKS_FILE.toFile());
        assertThat(hooks.isArray()).as(HOOKS_FILE + " is a list of hooks").isTrue();
        for (JsonNode h : hooks) {
            if ("mcpsec".equals(h.path("id").asText())) {
                hook = h;
            }
        }
        assertThat(hook).as("hook id mcpsec in " + HOOKS_FILE).isNotNull();
    }

    @BeforeEach
    void createRepositoryWithHook() throws IOException, InterruptedException {
        home = Files.createDirectories(tmp.resolve("home"));
        repo = Files.createDirectories(tmp.resolve("project"));
        git("init", "-q");
        git("config", "user.name", "mcpsec test");
        git("config", "user.email", "test@example.invalid");
        git("config", "commit.gpgsign", "false");
        Path script = tmp.resolve("hook-repo").resolve(entry().get(0));
        writeExecutable(script, launcherStandIn());
        writeExecutable(repo.resolve(".git/hooks/pre-commit"), preCommitScript(script));
    }

    @Test
    void hookDefinition_runsOnceForTheWholeRepositoryWithoutFileNames() {
        assertThat(hook.path("language").asText()).isIn("script", "system");
        assertThat(hook.path("pass_filenames").asBoolean(true)).isFalse();
        assertThat(hook.path("always_run").asBoolean(false)).isTrue();
        assertThat(entry()).startsWith("mcpsec", "scan").contains("--fail-on");
    }

    @Test
    void scriptEntry_isAnExecutableOfTheHookRepository() {
        assertThat(hook.path("language").asText()).isEqualTo("script");
        assertThat(HOOKS_FILE.resolveSibling(entry().get(0)))
                .as("the framework runs it from the repository root")
                .isRegularFile()
                .isExecutable();
    }

    @Test
    void commitOfALeakyMcpJson_isRefused() throws IOException, InterruptedException {
        String key = FakeSecrets.generate("stripe-live", new SecureRandom());
        Files.writeString(repo.resolve(".mcp.json"), config("\"" + key + "\""));
        git("add", ".mcp.json");

        Result commit = git("commit", "-m", "add stripe server");

        assertThat(commit.exit()).as(commit.output()).isNotZero();
        assertThat(commit.output()).contains("stripe").contains("CRITICAL").doesNotContain(key);
        assertThat(git("rev-parse", "--verify", "-q", "HEAD").exit())
                .as("nothing was committed")
                .isNotZero();
    }

    @Test
    void commitOfACleanMcpJson_passes() throws IOException, InterruptedException {
        Files.writeString(repo.resolve(".mcp.json"), config("\"${STRIPE_SECRET_KEY}\""));
        git("add", ".mcp.json");

        Result commit = git("commit", "-m", "add stripe server");

        assertThat(commit.exit()).as(commit.output()).isZero();
        assertThat(git("log", "--oneline").output()).contains("add stripe server");
    }

    @Test
    void leakyCommit_goesThroughOnceTheKeyIsReplacedByAReference()
            throws IOException, InterruptedException {
        Files.writeString(
                repo.resolve(".mcp.json"),
                config("\"" + FakeSecrets.generate("stripe-live", new SecureRandom()) + "\""));
        git("add", ".mcp.json");
        assertThat(git("commit", "-m", "first try").exit()).isNotZero();

        Files.writeString(repo.resolve(".mcp.json"), config("\"${STRIPE_SECRET_KEY}\""));
        git("add", ".mcp.json");
        Result commit = git("commit", "-m", "second try");

        assertThat(commit.exit()).as(commit.output()).isZero();
        assertThat(git("show", "HEAD:.mcp.json").output()).contains("${STRIPE_SECRET_KEY}");
    }

    /**
     * The hook's entry split into words; quoting is not needed by the entry, so it is not allowed
     * either.
     */
    private static List<String> entry() {
        String entry = hook.path("entry").asText();
        assertThat(entry).doesNotContain("\"", "'", "\\");
        return Arrays.asList(entry.trim().split("\\s+"));
    }

    private static String config(String stripeKey) {
        return """
                {
                  "mcpServers": {
                    "stripe": {
                      "command": "npx",
                      "args": ["-y", "@stripe/mcp@0.2.4", "--tools=customers.read"],
                      "env": {"STRIPE_SECRET_KEY": %s}
                    }
                  }
                }
                """
                .formatted(stripeKey);
    }

    /**
     * What the framework runs from the hook: the entry with the script resolved in the hook
     * repository for {@code language: script}, or looked up on PATH for {@code language: system},
     * from the work tree's top.
     */
    private String preCommitScript(Path script) {
        List<String> words = new ArrayList<>(entry());
        String language = hook.path("language").asText();
        if ("script".equals(language)) {
            words.set(0, script.toString());
        }
        StringBuilder sb =
                new StringBuilder("#!/bin/sh\n")
                        .append("# pre-commit framework equivalent: hook mcpsec, language ")
                        .append(language)
                        .append(", pass_filenames false, always_run true\n")
                        .append("cd \"$(git rev-parse --show-toplevel)\" || exit 2\n")
                        .append("PATH=")
                        .append(quote(script.getParent().toString()))
                        .append(":$PATH\n")
                        .append("exec");
        for (String w : words) {
            sb.append(' ').append(quote(w));
        }
        return sb.append('\n').toString();
    }

    /**
     * Stands in for the repository's {@code mcpsec} launcher, which ends in {@code exec java ...
     * -jar mcpsec.jar "$@"} once its jar is built: here the jar is the CLI on this test's class
     * path.
     */
    private static String launcherStandIn() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "#!/bin/sh\nexec "
                + quote(java)
                + " -cp "
                + quote(System.getProperty("java.class.path"))
                + " dev.mcpsec.cli.Main \"$@\"\n";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void writeExecutable(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int exit, String output) {}

    private Result git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
        env.put("NO_COLOR", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS))
                .as("git " + String.join(" ", args) + " finished")
                .isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
