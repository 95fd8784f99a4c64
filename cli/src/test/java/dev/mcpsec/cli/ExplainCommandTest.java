package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.Explanation;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
    @TempDir Path dir;

    private final FakeEngine engine = new FakeEngine();

    @Test
    void knownId_showsWhatWhyFixAndBothExamples() {
        engine.explanation =
                new Explanation(
                        "npx-unpinned",
                        "checklist",
                        "Unpinned npx packages",
                        "Servers started with npx without a version.",
                        "A new release runs unreviewed.",
                        "Pin the version: @scope/pkg@1.2.3.",
                        "{\"args\": [\"-y\", \"pkg\"]}",
                        "{\"args\": [\"-y\", \"pkg@1.2.3\"]}",
                        List.of(
                                new RuleInfo(
                                        "MCP-NPX-001",
                                        "npx-unpinned",
                                        Severity.MEDIUM,
                                        "npx without version",
                                        "d",
                                        "r",
                                        null,
                                        "builtin@0.1.0",
                                        "npx.drl")));

        Cli.Run run = new Cli(engine, dir).run("explain", "npx-unpinned");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains(
                        "npx-unpinned (checklist): Unpinned npx packages",
                        "What it checks",
                        "  Servers started with npx without a version.",
                        "Why it matters",
                        "How to fix",
                        "Failing example",
                        "  {\"args\": [\"-y\", \"pkg\"]}",
                        "Passing example",
                        "pkg@1.2.3",
                        "MCP-NPX-001  medium  npx without version  [builtin@0.1.0]");
    }

    @Test
    void unknownId_exits2AndPointsToTheRuleList() {
        Cli.Run run = new Cli(engine, dir).run("explain", "NOPE-1");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown rule or checklist id: NOPE-1", "mcpsec rules");
    }

    @Test
    void missingId_isAUsageError() {
        Cli.Run run = new Cli(engine, dir).run("explain");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("ID");
    }
}
