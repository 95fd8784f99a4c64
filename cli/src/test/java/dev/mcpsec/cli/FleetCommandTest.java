package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.secrets.FakeSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCommandTest {
    @TempDir Path tmp;

    private String key;

    @BeforeEach
    void twoRepositories() throws Exception {
        key = FakeSecrets.generate("stripe-live", new Random(7));
        repo(
                "leaky",
                "{\"mcpServers\":{\"stripe\":{\"command\":\"npx\",\"args\":[\"-y\",\"@stripe/mcp@0.2.4\"],"
                        + "\"env\":{\"STRIPE_SECRET_KEY\":\""
                        + key
                        + "\"}}}}");
        repo(
                "clean",
                "{\"mcpServers\":{\"stripe\":{\"command\":\"npx\",\"args\":[\"-y\",\"@stripe/mcp@0.2.4\"],"
                        + "\"env\":{\"STRIPE_SECRET_KEY\":\"${STRIPE_SECRET_KEY}\"}}}}");
    }

    private void repo(String name, String mcpJson) throws Exception {
        Path dir = tmp.resolve("repos").resolve(name);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve(".mcp.json"), mcpJson);
            git.add().addFilepattern(".").call();
            PersonIdent who =
                    new PersonIdent(
                            "T",
                            "t@example.invalid",
                            Instant.parse("2026-01-01T00:00:00Z"),
                            ZoneOffset.UTC);
            git.commit().setMessage("first").setAuthor(who).setCommitter(who).setSign(false).call();
        }
    }

    private Cli cli() {
        return new Cli(Mcpsec.create(), tmp);
    }

    @Test
    void aFleetWithALiveKey_exitsOne_andSaysWhereTheReportIs() {
        Cli.Run run = cli().run("fleet", "repos", "-o", "out");
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out())
                .contains(
                        "2 repositories, 2 with findings, 0 not scanned",
                        "critical     leaky (6 findings)",
                        "low          clean (1 finding)",
                        "report: out/org-report.html and out/org-report.json");
        assertThat(run.out() + run.err()).doesNotContain(key.substring(10, 22));
        assertThat(tmp.resolve("out/org-report.json")).isRegularFile();
        assertThat(tmp.resolve("out/fleet-salt")).isRegularFile();
    }

    @Test
    void failOnNever_exitsZero_andASecondRunTakesUnchangedRepositoriesFromTheCache() {
        assertThat(cli().run("fleet", "repos", "-o", "out", "--fail-on", "never").code()).isZero();
        Cli.Run second = cli().run("fleet", "repos", "-o", "out", "--fail-on", "never");
        assertThat(second.out())
                .contains("(2 unchanged since the last run)", "since the previous report: 0 new");
    }

    @Test
    void shardsWithoutASharedSalt_areAUsageError() {
        Cli.Run run = cli().run("fleet", "repos", "--shard", "1/2");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("MCPSEC_FLEET_SALT");
    }

    @Test
    void aBadShard_isAUsageError() {
        Cli.Run run =
                cli().variable("MCPSEC_FLEET_SALT", "0123456789abcdef0123")
                        .run("fleet", "repos", "--shard", "3/2");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("1 <= I <= N");
    }

    @Test
    void shardsMerged_reportEveryRepositoryOnce() {
        Cli cli = cli().variable("MCPSEC_FLEET_SALT", "0123456789abcdef0123");
        int total = 0;
        for (int i = 1; i <= 2; i++) {
            Cli.Run part =
                    cli.run(
                            "fleet",
                            "repos",
                            "--shard",
                            i + "/2",
                            "-o",
                            "part" + i,
                            "--fail-on",
                            "never");
            assertThat(part.code()).as(part.toString()).isZero();
            total +=
                    Integer.parseInt(
                            part.out().replaceAll("(?s)mcpsec fleet: (\\d+) repositories.*", "$1"));
        }
        assertThat(total).isEqualTo(2);
        Cli.Run merged = cli.run("merge", "part1", "part2", "-o", "all");
        assertThat(merged.code()).as(merged.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(merged.out()).contains("2 repositories, 2 with findings", "critical     leaky");
    }

    @Test
    void userScope_isRefused_andProjectPoliciesAreIgnoredWithANote() {
        assertThat(cli().run("fleet", "repos", "--user").code()).isEqualTo(ExitCodes.USAGE);
        Cli.Run system = cli().run("fleet", "repos", "--system");
        assertThat(system.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(system.err()).contains("--system does not apply to fleet");
        Cli.Run run =
                cli().run(
                                "fleet",
                                "repos",
                                "-o",
                                "out",
                                "--project-policies",
                                "--fail-on",
                                "never");
        assertThat(run.err()).contains("--project-policies is ignored by fleet");
    }

    @Test
    void progress_isShownOnATerminal() {
        Cli.Run run = cli().terminal().run("fleet", "repos", "-o", "out", "--fail-on", "never");
        assertThat(run.err()).contains("2/2 repositories");
    }

    @Test
    void mergingSomethingThatIsNotAReport_isAUsageError() throws Exception {
        Files.writeString(tmp.resolve("bogus.json"), "{\"schema\":\"other\"}");
        Cli.Run run = cli().run("merge", "bogus.json");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("not an mcpsec org report");
    }

    @Test
    void aBundleThatDoesNotCompile_isAPolicyError_notAFailedRepository() throws Exception {
        Path bundle = tmp.resolve("bundle");
        Files.createDirectories(bundle.resolve("policies"));
        Files.writeString(
                bundle.resolve("bundle.json"),
                "{\"id\":\"broken\",\"version\":\"1.0.0\",\"engine\":\"0.1\"}");
        Files.writeString(
                bundle.resolve("policies/broken.drl"),
                "rule \"X\" when McpServer( nosuchfield == 1 ) then end");
        Cli.Run run = cli().run("fleet", "repos", "-o", "out", "--bundle", "./bundle");
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("broken.drl");
    }
}
