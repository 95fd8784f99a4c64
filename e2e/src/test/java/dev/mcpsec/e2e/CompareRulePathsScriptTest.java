package dev.mcpsec.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.report.ReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/compare-rule-paths.sh}, which compares the reports of the precompiled built-in
 * rules and of the DRL compiled at run time on folders from outside the tree (the acceptance
 * scenarios, the corpus of real configs; docs/benchmarks.md): once with the real CLI on the leaky
 * demo in a git repository of its own, in every report format, and with a stand-in CLI (a shell
 * script) for what it must catch: a difference between the paths, a scan that is not deterministic,
 * built-in rules that did not come from the precompiled model.
 */
class CompareRulePathsScriptTest {
    private static final Path SCRIPT =
            Path.of("../scripts/compare-rule-paths.sh").toAbsolutePath().normalize();

    @TempDir Path tmp;

    private record Run(int exit, String out, String err) {}

    private Run script(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().remove("MCPSEC_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = tmp.resolve("script.out");
        Path err = tmp.resolve("script.err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("compare-rule-paths.sh did not finish in 10 minutes");
        }
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /**
     * The CLI as the launcher runs it (its JVM flags, {@code MCPSEC_JAVA_OPTS}), from this test's
     * class path: the cli module's classes with the engine and the policies jar (with its
     * precompiled model).
     */
    private Path realCli() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path argfile = tmp.resolve("classpath.args");
        String classpath = System.getProperty("java.class.path");
        assertThat(classpath).contains("picocli");
        Files.writeString(
                argfile,
                "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n",
                StandardCharsets.UTF_8);
        return executable(
                tmp.resolve("mcpsec"),
                "#!/bin/sh\n"
                        + "exec '"
                        + java
                        + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 $MCPSEC_JAVA_OPTS @'"
                        + argfile
                        + "' dev.mcpsec.cli.Main \"$@\"\n");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void realCli_leakyDemoWithHistory_sameOnBothPathsInEveryFormat() throws Exception {
        Path demo = tmp.resolve("leaky-demo");
        copyTree(Path.of("../examples/leaky-demo").toAbsolutePath().normalize(), demo);
        try (Git git = Git.init().setDirectory(demo.toFile()).setInitialBranch("main").call()) {
            PersonIdent who = new PersonIdent("t", "t@example.invalid");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("demo").setAuthor(who).setCommitter(who).call();
        }
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path work = tmp.resolve("work");

        Run run =
                script(
                        Map.of("HOME", home.toString()),
                        "--cli",
                        realCli().toString(),
                        "--combined-only",
                        "--keep",
                        "--work",
                        work.toString(),
                        demo.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        String every =
                Arrays.stream(ReportFormat.values())
                        .map(ReportFormat::id)
                        .collect(Collectors.joining(","));
        // the formats came from the CLI itself: every format it has
        assertThat(run.out())
                .contains("formats " + every + ";")
                .contains("same " + demo.toRealPath() + " (")
                .contains("exit status 1)")
                .contains(": 0 difference(s)");
        for (String path : List.of("model", "drl")) {
            Path out = work.resolve("1/combined/" + path + "/out");
            for (ReportFormat format : ReportFormat.values()) {
                assertThat(out.resolve("mcpsec" + format.extension()))
                        .as("%s report on the %s path", format.id(), path)
                        .isNotEmptyFile();
            }
        }
        // the duration was there to normalise, and only it: the finding lines are compared as
        // written
        String json =
                Files.readString(work.resolve("1/combined/model/out/mcpsec.json")).replace(" ", "");
        assertThat(json).contains("\"durationMs\":<duration>").contains("\"ruleId\":\"MCP-");
        assertThat(Files.readString(work.resolve("1/combined/drl/out/mcpsec.junit.xml")))
                .contains("timestamp=\"<time>\"");
        assertThat(Files.readString(work.resolve("1/combined/model/stderr")))
                .doesNotContain("mcpsec diagnostics:")
                .contains("findings");
    }

    /**
     * A stand-in for mcpsec: answers {@code --version} and the unknown-format probe, says which
     * path compiled the built-in rules as {@code -Dmcpsec.diagnostics=true} does, and writes a text
     * and a JSON report whose duration changes every run. {@code FAKE} picks what goes wrong:
     * {@code severity} (the DRL path rates a finding critical), {@code random} (every run differs),
     * {@code drl-only} (the built-ins never come from the model), or nothing.
     */
    private Path fakeCli() throws IOException {
        return executable(
                tmp.resolve("fake-mcpsec"),
                """
                #!/bin/sh
                [ "$1" = --version ] && { echo "mcpsec 0.0.0-fake"; exit 0; }
                shift
                dir= format= output=
                while [ $# -gt 0 ]; do
                  case $1 in
                    --format) format=$2; shift 2 ;;
                    --output) output=$2; shift 2 ;;
                    -*) shift ;;
                    *) dir=$1; shift ;;
                  esac
                done
                case $format in text|json|text,json) ;; *)
                  echo "mcpsec: Invalid value for option '--format' (FORMAT): '$format' is not a report format; use one of text, json" >&2
                  exit 2 ;;
                esac
                case $MCPSEC_JAVA_OPTS in
                  *rules.compile=drl*) path=drl; how="DRL (forced by -Dmcpsec.rules.compile=drl)" ;;
                  *) path=model; how="precompiled model" ;;
                esac
                [ "$FAKE" = drl-only ] && how="DRL: no precompiled model matches its DRL"
                echo "mcpsec diagnostics: bundle builtin@0.1.0: $how" >&2
                severity=high
                [ "$FAKE" = severity ] && [ $path = drl ] && severity=critical
                [ "$FAKE" = random ] && severity="high $(od -An -N4 -tu4 /dev/urandom | tr -d ' ')"
                ms=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
                text() {
                  echo ".mcp.json:3 [$severity] MCP-FAKE-001 a finding in $dir"
                  echo "1 finding (1 $severity) in 1 file, 1 server scanned in $ms ms"
                }
                json() {
                  printf '{\\n  "findings": [{"severity": "%s"}],\\n  "summary": {\\n    "durationMs": %s\\n  }\\n}\\n' "$severity" "$ms"
                }
                if [ -n "$output" ]; then
                  mkdir -p "$output"; text > "$output/mcpsec.txt"; json > "$output/mcpsec.json"
                  echo "mcpsec: 1 finding; wrote $output/mcpsec.txt, $output/mcpsec.json" >&2
                elif [ "$format" = json ]; then json; else text; fi
                exit 1
                """);
    }

    private Run fake(String what, Path dir) throws Exception {
        return script(
                Map.of("FAKE", what),
                "--cli",
                fakeCli().toString(),
                "--work",
                tmp.resolve("work-" + what).toString(),
                dir.toString());
    }

    @Test
    void onlyDurationsDiffer_exitsZero_andCountsEveryOutput() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Run run = fake("none", dir);
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        // combined (rc, stdout, stderr, 2 files) + text and json alone (rc, stdout, stderr each)
        assertThat(run.out())
                .contains("formats text,json;")
                .contains("same " + dir.toRealPath() + " (11 outputs compared, exit status 1)");
        assertThat(tmp.resolve("work-none")).doesNotExist();
    }

    @Test
    void aDifferenceBetweenThePaths_exitsOne_showsTheDifferingLines_andKeepsTheOutputs()
            throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Run run = fake("severity", dir);
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("DIFFERENT " + dir.toRealPath());
        assertThat(run.err())
                .contains("DIFFERENCE in " + dir.toRealPath() + ", run 'combined'")
                .contains("-.mcp.json:3 [high] MCP-FAKE-001")
                .contains("+.mcp.json:3 [critical] MCP-FAKE-001")
                .contains("the paths differ")
                .contains("outputs kept in");
        assertThat(tmp.resolve("work-severity/1/combined/drl/out/mcpsec.txt")).exists();
    }

    @Test
    void aScanThatIsNotDeterministic_isToldApartFromADifferenceBetweenThePaths() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Run run = fake("random", dir);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("the scan is not deterministic here");
    }

    @Test
    void builtinRulesNotFromThePrecompiledModel_isAnError() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Run run = fake("drl-only", dir);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "the built-in rules did not come from the precompiled model"
                                + " (diagnostics: 'DRL: no precompiled model matches its DRL'");
    }

    @Test
    void usageErrors_exitTwo() throws Exception {
        assertThat(script(Map.of()).exit()).isEqualTo(2);
        Run missing = script(Map.of(), tmp.resolve("no-such-folder").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("not a directory:");
        Run option = script(Map.of(), "--no-such-option", tmp.toString());
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("unknown option: --no-such-option");
    }
}
