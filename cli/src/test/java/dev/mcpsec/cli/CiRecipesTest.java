package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mcpsec.testsupport.ReportSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the script steps of the CI recipes kept in the repository ({@code action.yml} through the
 * ready workflow {@code ci/github/mcpsec.yml}, {@code ci/gitlab/mcpsec.gitlab-ci.yml}, {@code
 * ci/jenkins/Jenkinsfile}) locally with bash, the way each CI system runs them, on copies of the
 * bundled examples. No network: the recipes fetch mcpsec only when {@code $MCPSEC_HOME/mcpsec} is
 * missing, and here it is a stand-in for the launcher that runs the CLI on this test's class path
 * (as {@code PreCommitHookTest} does); {@code uses:} steps of other actions (setup-java,
 * upload-sarif) are not run but their inputs are checked.
 */
class CiRecipesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A password in examples/leaky-demo/.mcp.json (a fake): no report may print it. */
    private static final String DEMO_SECRET = "Wq8zR2mK5vT9xL4p";

    @TempDir Path tmp;
    private Path home;

    @BeforeEach
    void launcherStandIn() throws IOException {
        home = tmp.resolve("mcpsec-home");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        writeExecutable(
                home.resolve("mcpsec"),
                "#!/bin/sh\nexec "
                        + quote(java)
                        + " -cp "
                        + quote(System.getProperty("java.class.path"))
                        + " dev.mcpsec.cli.Main \"$@\"\n");
    }

    // ---- GitHub: the ready workflow, through the action it uses

    @Test
    void githubWorkflowAndAction_onTheLeakyDemo_uploadSarif_writeTheSummary_andFail()
            throws Exception {
        Path ws = workspace("leaky-demo");
        GithubRun run = runGithub(ws);
        assertThat(run.failed).as(run.log).isTrue();
        assertThat(run.outputs).containsEntry("exit-code", "1");
        Map<String, String> upload = run.uses.get("github/codeql-action/upload-sarif@v3");
        assertThat(upload).as("the SARIF upload step ran").isNotNull();
        JsonNode sarif = JSON.readTree(ws.resolve(upload.get("sarif_file")).toFile());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.at("/runs/0/results")).isNotEmpty();
        assertThat(upload).containsEntry("category", "mcpsec");
        assertThat(Files.readString(run.summary)).contains("mcpsec");
        assertThat(run.log).contains("::error::mcpsec found problems at or above high");
        assertNoSecretIn(ws.resolve("mcpsec-reports"));
    }

    @Test
    void githubWorkflowAndAction_onTheCleanProject_pass() throws Exception {
        Path ws = workspace("clean-project");
        GithubRun run = runGithub(ws);
        assertThat(run.failed).as(run.log).isFalse();
        assertThat(run.outputs).containsEntry("exit-code", "0");
        assertThat(run.uses).containsKey("github/codeql-action/upload-sarif@v3");
    }

    // ---- GitLab

    @Test
    void gitlabTemplate_onTheLeakyDemo_failsTheJob_andWritesTheJunitAndSecretDetectionReports()
            throws Exception {
        Path ws = workspace("leaky-demo");
        JsonNode job = gitlabJob();
        Result r = runGitlab(ws, job);
        assertThat(r.exit).as(r.output).isEqualTo(1);
        Path junit = ws.resolve(job.at("/artifacts/reports/junit").asText());
        Path gitlab = ws.resolve(job.at("/artifacts/reports/secret_detection").asText());
        assertThat(junit).isRegularFile();
        assertThat(Files.readString(junit)).contains("<testsuites>", "<failure");
        JsonNode report = JSON.readTree(gitlab.toFile());
        assertThat(report.at("/scan/type").asText()).isEqualTo("secret_detection");
        assertThat(report.get("vulnerabilities")).isNotEmpty();
        assertThat(job.at("/artifacts/when").asText())
                .as("reports are kept when the job fails")
                .isEqualTo("always");
        assertThat(ReportSchemas.assertValidReportsIn(ws.resolve("mcpsec-reports")))
                .as("the JUnit and GitLab reports, each valid against its schema")
                .isEqualTo(2);
        assertNoSecretIn(ws.resolve("mcpsec-reports"));
    }

    @Test
    void gitlabTemplate_onTheCleanProject_passes() throws Exception {
        Path ws = workspace("clean-project");
        Result r = runGitlab(ws, gitlabJob());
        assertThat(r.exit).as(r.output).isZero();
        assertThat(ws.resolve("mcpsec-reports/mcpsec.junit.xml")).isRegularFile();
        assertThat(ReportSchemas.assertValidReportsIn(ws.resolve("mcpsec-reports"))).isEqualTo(2);
    }

    // ---- Jenkins

    @Test
    void jenkinsfile_onTheLeakyDemo_failsTheScanStage_andLeavesTheFilesItsPostStepsPublish()
            throws Exception {
        Path ws = workspace("leaky-demo");
        String jenkinsfile = Files.readString(ROOT.resolve("ci/jenkins/Jenkinsfile"));
        List<Result> steps = runJenkins(ws, jenkinsfile);
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).exit).as(steps.get(0).output).isZero();
        assertThat(steps.get(1).exit).as(steps.get(1).output).isEqualTo(1);
        for (String pattern : match(jenkinsfile, "(?:testResults|pattern):\\s*'([^']+)'")) {
            assertThat(ws.resolve(pattern)).as("published by a post step").isRegularFile();
        }
        assertThat(ReportSchemas.assertValidReportsIn(ws.resolve("mcpsec-reports")))
                .as("the JUnit report, valid against the JUnit XSD")
                .isEqualTo(1);
        assertNoSecretIn(ws.resolve("mcpsec-reports"));
    }

    @Test
    void jenkinsfile_onTheCleanProject_passes() throws Exception {
        Path ws = workspace("clean-project");
        List<Result> steps =
                runJenkins(ws, Files.readString(ROOT.resolve("ci/jenkins/Jenkinsfile")));
        assertThat(steps).allSatisfy(s -> assertThat(s.exit).as(s.output).isZero());
    }

    // ---- GitHub runner emulation

    private static final class GithubRun {
        final Map<String, Map<String, String>> uses = new LinkedHashMap<>();
        final Map<String, String> outputs = new LinkedHashMap<>();
        boolean failed;
        String log = "";
        Path summary;
    }

    private GithubRun runGithub(Path ws) throws Exception {
        JsonNode workflow =
                new YAMLMapper().readTree(ROOT.resolve("ci/github/mcpsec.yml").toFile());
        JsonNode actionStep = null;
        for (JsonNode step : workflow.at("/jobs/mcpsec/steps")) {
            if (step.path("uses").asText().matches("[^/]+/mcpsec@.+")) {
                actionStep = step;
            }
        }
        assertThat(actionStep).as("the workflow uses the mcpsec action").isNotNull();
        JsonNode action = new YAMLMapper().readTree(ROOT.resolve("action.yml").toFile());
        assertThat(action.at("/runs/using").asText()).isEqualTo("composite");
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        action.get("inputs").properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            inputs.put(e.getKey(), e.getValue().path("default").asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        actionStep.path("with").properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(inputs).as("the workflow sets a declared input").containsKey(e.getKey());
            inputs.put(e.getKey(), e.getValue().asText());
        }
        GithubRun run = new GithubRun();
        run.summary = tmp.resolve("step-summary.md");
        Files.writeString(run.summary, "");
        StringBuilder log = new StringBuilder();
        for (JsonNode step : action.at("/runs/steps")) {
            String condition = step.path("if").asText("");
            if (!condition(condition, inputs, run)) {
                continue;
            }
            if (step.has("uses")) {
                Map<String, String> with = new LinkedHashMap<>();
                step.path("with")
                        .properties()
                        .iterator()
                        .forEachRemaining(
                                e ->
                                        with.put(
                                                e.getKey(),
                                                expand(e.getValue().asText(), inputs, run)));
                run.uses.put(step.get("uses").asText(), with);
                continue;
            }
            assertThat(step.path("shell").asText()).isEqualTo("bash");
            Path output = tmp.resolve("github-output");
            Files.writeString(output, "");
            Map<String, String> env = new LinkedHashMap<>();
            step.path("env")
                    .properties()
                    .iterator()
                    .forEachRemaining(
                            e -> env.put(e.getKey(), expand(e.getValue().asText(), inputs, run)));
            env.put("GITHUB_ACTION_PATH", home.toString());
            env.put("GITHUB_OUTPUT", output.toString());
            env.put("GITHUB_STEP_SUMMARY", run.summary.toString());
            env.put("GITHUB_WORKSPACE", ws.toString());
            // GitHub runs a bash step as: bash --noprofile --norc -eo pipefail {0}
            Result r =
                    run(
                            ws,
                            env,
                            "bash",
                            "--noprofile",
                            "--norc",
                            "-eo",
                            "pipefail",
                            "-c",
                            step.get("run").asText());
            log.append(r.output);
            if (step.has("id")) {
                for (String line : Files.readAllLines(output)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        run.outputs.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            }
            if (r.exit != 0) {
                run.failed = true;
            }
        }
        run.log = log.toString();
        return run;
    }

    /**
     * The subset of GitHub's expression syntax the action uses: always(), ==, != and && over inputs
     * and outputs.
     */
    private static boolean condition(String expression, Map<String, String> inputs, GithubRun run) {
        if (expression.isBlank()) {
            return !run.failed;
        }
        boolean statusFunction = false;
        boolean result = true;
        for (String term : expression.split("&&")) {
            term = term.trim();
            if (term.equals("always()")) {
                statusFunction = true;
                continue;
            }
            Matcher m = Pattern.compile("(\\S+)\\s*(==|!=)\\s*'([^']*)'").matcher(term);
            assertThat(m.matches()).as("a condition this test understands: " + term).isTrue();
            String value = value(m.group(1), inputs, run);
            result &=
                    m.group(2).equals("==") ? value.equals(m.group(3)) : !value.equals(m.group(3));
        }
        return result && (statusFunction || !run.failed);
    }

    private static String expand(String text, Map<String, String> inputs, GithubRun run) {
        Matcher m = Pattern.compile("\\$\\{\\{\\s*([^}]+?)\\s*}}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), inputs, run)));
        }
        return m.appendTail(out).toString();
    }

    private static String value(String reference, Map<String, String> inputs, GithubRun run) {
        if (reference.startsWith("inputs.")) {
            String name = reference.substring("inputs.".length());
            assertThat(inputs).as("declared input").containsKey(name);
            return inputs.get(name);
        }
        Matcher step = Pattern.compile("steps\\.scan\\.outputs\\.(\\S+)").matcher(reference);
        assertThat(step.matches()).as("an expression this test understands: " + reference).isTrue();
        return run.outputs.getOrDefault(step.group(1), "");
    }

    // ---- GitLab runner emulation

    private static JsonNode gitlabJob() throws IOException {
        JsonNode template =
                new YAMLMapper().readTree(ROOT.resolve("ci/gitlab/mcpsec.gitlab-ci.yml").toFile());
        JsonNode job = template.get("mcpsec");
        assertThat(job).as("job mcpsec in the GitLab template").isNotNull();
        ((com.fasterxml.jackson.databind.node.ObjectNode) job)
                .set("globalVariables", template.get("variables"));
        return job;
    }

    private Result runGitlab(Path ws, JsonNode job) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CI_SERVER_URL", "https://gitlab.invalid");
        env.put("CI_PROJECT_DIR", ws.toString());
        job.get("globalVariables")
                .properties()
                .iterator()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        job.get("variables")
                .properties()
                .iterator()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        // a CI/CD variable of the project overrides the template's, as GitLab does: mcpsec is
        // already there
        env.put("MCPSEC_HOME", home.toString());
        List<String> lines = new ArrayList<>();
        job.get("before_script").forEach(l -> lines.add(l.asText()));
        job.get("script").forEach(l -> lines.add(l.asText()));
        // the runner stops at the first failing line of before_script and script, which run in one
        // shell
        return run(ws, env, "bash", "-e", "-c", String.join("\n", lines));
    }

    // ---- Jenkins emulation

    private List<Result> runJenkins(Path ws, String jenkinsfile) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher environment =
                Pattern.compile("environment\\s*\\{(.*?)\\n\\s*}", Pattern.DOTALL)
                        .matcher(jenkinsfile);
        assertThat(environment.find()).isTrue();
        Matcher assignment =
                Pattern.compile("(\\w+)\\s*=\\s*'([^']*)'").matcher(environment.group(1));
        while (assignment.find()) {
            env.put(assignment.group(1), assignment.group(2));
        }
        env.put("WORKSPACE", ws.toString());
        env.put("MCPSEC_HOME", home.toString());
        List<Result> results = new ArrayList<>();
        for (String script : match(jenkinsfile, "\\bsh\\s+'((?:[^'\\\\]|\\\\.)*)'")) {
            // Jenkins runs an sh step as: sh -xe script
            Result r = run(ws, env, "sh", "-xe", "-c", script);
            results.add(r);
            if (r.exit != 0) {
                break;
            }
        }
        return results;
    }

    // ---- helpers

    private record Result(int exit, String output) {}

    private Result run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("HOME", tmp.resolve("user-home").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private Path workspace(String example) throws IOException {
        Path source = ROOT.resolve("examples").resolve(example);
        Path target = tmp.resolve("ws-" + example);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    private static void assertNoSecretIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f))
                        .as(f.getFileName() + " holds no whole secret")
                        .doesNotContain(DEMO_SECRET);
            }
        }
    }

    private static List<String> match(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void writeExecutable(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
