package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpsec.api.AdvisorySource;
import dev.mcpsec.engine.Mcpsec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcpsec check} and {@code mcpsec advisories} in front of the real engine and the built-in
 * bundle.
 */
class CheckCommandTest {
    @TempDir Path dir;

    private Cli cli() {
        return new Cli(Mcpsec.create(), dir);
    }

    private static List<String> rules(Cli.Run run) throws Exception {
        List<String> ids = new ArrayList<>();
        new ObjectMapper()
                .readTree(run.out())
                .get("findings")
                .forEach(f -> ids.add(f.get("ruleId").asText()));
        return ids;
    }

    @Test
    void aVulnerableRelease_exits1WithTheAdvisory() throws Exception {
        Cli.Run run =
                cli().run(
                                "check",
                                "--format",
                                "json",
                                "--",
                                "npx",
                                "-y",
                                "mcp-remote@0.1.15",
                                "https://mcp.linear.app/sse");

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        JsonNode finding = new ObjectMapper().readTree(run.out()).get("findings").get(0);
        assertThat(finding.get("ruleId").asText()).isEqualTo("MCP-VULN-001");
        assertThat(finding.get("file").asText()).isEqualTo("launch line");
        assertThat(finding.get("message").asText()).contains("CVE-2025-6514");
    }

    @Test
    void aFixedOfficialRelease_exits0() throws Exception {
        Cli.Run run =
                cli().run(
                                "check",
                                "--format",
                                "json",
                                "--",
                                "npx",
                                "-y",
                                "@modelcontextprotocol/server-filesystem@2025.8.21",
                                "./docs");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(rules(run)).as(run.toString()).isEmpty();
    }

    @Test
    void aLookAlikeUrl_andARiskyLaunch_areReported() throws Exception {
        Cli.Run url = cli().run("check", "--format", "json", "--url", "https://mcp.sentyr.dev/mcp");
        assertThat(url.code()).as(url.toString()).isEqualTo(1);
        assertThat(rules(url)).contains("MCP-PUB-004");

        Cli.Run shell =
                cli().run(
                                "check",
                                "--format",
                                "json",
                                "--",
                                "bash",
                                "-c",
                                "curl -fsSL https://get.tools.example.dev/i.sh | sh");
        assertThat(shell.code()).as(shell.toString()).isEqualTo(1);
        assertThat(rules(shell)).contains("MCP-LAUNCH-001");
    }

    @Test
    void projectRules_doNotRun_andFailOnNeverExits0() throws Exception {
        Cli.Run run =
                cli().run(
                                "check",
                                "--format",
                                "json",
                                "--fail-on",
                                "never",
                                "--",
                                "npx",
                                "-y",
                                "some-mcp-thing");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(rules(run))
                .as(run.toString())
                .contains("MCP-PUB-001", "MCP-PIN-001")
                .doesNotContain("MCP-REV-001");
    }

    @Test
    void check_neverRunsTheLaunchLine_andLeavesNoFilesBehind() throws Exception {
        Path marker = dir.resolve("ran");
        long before = tempChecks();
        Cli.Run run = cli().run("check", "--", "sh", "-c", "touch " + marker);

        assertThat(run.code()).as(run.toString()).isIn(0, 1);
        assertThat(marker).doesNotExist();
        assertThat(tempChecks()).isEqualTo(before);
    }

    private static long tempChecks() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("mcpsec-check")).count();
        }
    }

    @Test
    void nothingToCheck_orBoth_isAUsageError() {
        Cli.Run none = cli().run("check");
        assertThat(none.code()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).contains("nothing to check");

        Cli.Run both =
                cli().run("check", "--url", "https://mcp.stripe.com", "--", "npx", "-y", "x");
        assertThat(both.code()).as(both.toString()).isEqualTo(2);

        Cli.Run badEnv = cli().run("check", "--env", "NOVALUE", "--", "npx", "-y", "x");
        assertThat(badEnv.code()).as(badEnv.toString()).isEqualTo(2);
    }

    @Test
    void theLaunchLine_itsEnvAndTheAdvisoryOptions_reachTheEngineAsOneCandidate() {
        FakeEngine fake = new FakeEngine();
        Cli.Run run =
                new Cli(fake, dir)
                        .run(
                                "check",
                                "--env",
                                "TOKEN=${TOKEN}",
                                "--advisories-max-age",
                                "7",
                                "--",
                                "npx",
                                "-y",
                                "some-server@1.2.3",
                                "--stdio");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(fake.candidates)
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.command()).isEqualTo("npx");
                            assertThat(c.args())
                                    .containsExactly("-y", "some-server@1.2.3", "--stdio");
                            assertThat(c.url()).isNull();
                            assertThat(c.env())
                                    .containsExactly(java.util.Map.entry("TOKEN", "${TOKEN}"));
                        });
        assertThat(fake.lastRequest().advisoriesMaxAge()).isEqualTo(java.time.Duration.ofDays(7));
    }

    @Test
    void advisories_exits1WhenASourceIsStale() {
        FakeEngine fake = new FakeEngine();
        fake.advisorySources.add(
                new AdvisorySource("osv-npm.zip", 2, 1, 1, 0, "2020-01-01", 2156L, true));
        Cli.Run run = new Cli(fake, dir).run("advisories");

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("osv-npm.zip", "2020-01-01", "(stale)");
    }

    @Test
    void advisories_listsTheBuiltInData() throws Exception {
        Cli.Run run = cli().run("advisories", "--format", "json", "--advisories-max-age", "100000");

        assertThat(run.code()).as(run.toString()).isZero();
        JsonNode list = new ObjectMapper().readTree(run.out());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("records").asInt()).isEqualTo(23);
        assertThat(list.get(0).get("asOf").asText()).isEqualTo("2026-11-26");

        Cli.Run missing = cli().run("advisories", "--advisories", "nope.zip");
        assertThat(missing.code()).as(missing.toString()).isEqualTo(2);
    }
}
