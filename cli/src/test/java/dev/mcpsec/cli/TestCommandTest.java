package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.BundleTestReport.CaseResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
    @TempDir Path dir;

    private final FakeEngine engine = new FakeEngine();

    @Test
    void everyCasePassing_exits0() {
        engine.testReport =
                new BundleTestReport(
                        "acme@1.0.0", List.of(new CaseResult("leaky", true, List.of())));

        Cli.Run run = new Cli(engine, dir).run("test");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("bundle acme@1.0.0", "PASS leaky", "1 cases, 0 failed");
    }

    @Test
    void failingCase_exits1AndShowsMissingAndUnexpectedAsADiff() {
        engine.testReport =
                new BundleTestReport(
                        "acme@1.0.0",
                        List.of(
                                new CaseResult("clean", true, List.of()),
                                new CaseResult(
                                        "leaky",
                                        false,
                                        List.of(
                                                "missing: ACME-001 at .mcp.json:4",
                                                "unexpected: ACME-002 at .mcp.json:9"))));

        Cli.Run run = new Cli(engine, dir).run("test");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .contains(
                        "PASS clean",
                        "FAIL leaky",
                        "    - missing: ACME-001 at .mcp.json:4",
                        "    + unexpected: ACME-002 at .mcp.json:9",
                        "2 cases, 1 failed");
    }

    @Test
    void coverage_listsEveryRule_andStrictFailsOnARuleWithoutBothKindsOfCase() {
        engine.testReport =
                new BundleTestReport(
                        "acme@1.0.0",
                        List.of(new CaseResult("leaky", true, List.of())),
                        List.of(
                                new BundleTestReport.RuleCoverage(
                                        "ACME-001",
                                        "trusted-publishers",
                                        List.of("leaky"),
                                        List.of("clean")),
                                new BundleTestReport.RuleCoverage(
                                        "ACME-002", "key-rotation", List.of("leaky"), List.of())));

        Cli.Run plain = new Cli(engine, dir).run("test");
        assertThat(plain.code()).isZero();
        assertThat(plain.out()).doesNotContain("coverage");

        Cli.Run coverage = new Cli(engine, dir).run("test", "--coverage");
        assertThat(coverage.code()).isZero();
        assertThat(coverage.out())
                .contains("  ok      ACME-001: leaky | clean", "  MISSING ACME-002: leaky | -");

        Cli.Run strict = new Cli(engine, dir).run("test", "--strict");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.out())
                .contains(
                        "--strict: 1 rule(s) without both an expect and an expect-not case: ACME-002");
    }

    @Test
    void verbose_showsEachCasesFindings() {
        engine.testReport =
                new BundleTestReport(
                        "acme@1.0.0",
                        List.of(
                                new CaseResult(
                                        "leaky",
                                        true,
                                        List.of(),
                                        List.of(
                                                "ACME-001 trusted-publishers high .mcp.json:3 server=weather")),
                                new CaseResult("clean", true, List.of(), List.of())));

        Cli.Run run = new Cli(engine, dir).run("test", "-v");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains(
                        "PASS leaky\n    found ACME-001 trusted-publishers high .mcp.json:3 server=weather",
                        "PASS clean\n    found nothing");
    }

    @Test
    void bundleWithoutCases_exits1() {
        engine.testReport = new BundleTestReport("acme@1.0.0", List.of());

        Cli.Run run = new Cli(engine, dir).run("test");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("no test cases");
    }

    @Test
    void missingBundleDir_exits2() {
        Cli.Run run = new Cli(engine, dir).run("test", "nowhere");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("path does not exist: nowhere");
    }
}
