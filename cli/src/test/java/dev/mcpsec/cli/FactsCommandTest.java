package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.FactRecord;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsCommandTest {
    @TempDir Path dir;

    private final FakeEngine engine = new FakeEngine();

    private static FactRecord fact(String type, Object... kv) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            fields.put((String) kv[i], kv[i + 1]);
        }
        return new FactRecord(type, fields);
    }

    @Test
    void text_groupsFactsByType_andFiltersByTypeAndServer() {
        engine.facts.addAll(
                List.of(
                        fact(
                                "EnvReference",
                                "file",
                                ".mcp.json",
                                "server",
                                "stripe",
                                "variable",
                                "STRIPE_KEY"),
                        fact("McpServer", "name", "stripe", "args", List.of("-y", "@stripe/mcp")),
                        fact("McpServer", "name", "files", "args", List.of("/"))));

        Cli.Run all = new Cli(engine, dir).run("facts");
        assertThat(all.code()).isZero();
        assertThat(all.out())
                .contains(
                        "EnvReference (1)\n  file=\".mcp.json\" server=\"stripe\" variable=\"STRIPE_KEY\"",
                        "McpServer (2)\n  name=\"stripe\" args=[\"-y\", \"@stripe/mcp\"]");

        Cli.Run stripe = new Cli(engine, dir).run("facts", "--server", "stripe");
        assertThat(stripe.out())
                .contains("EnvReference (1)", "McpServer (1)")
                .doesNotContain("files");

        Cli.Run servers =
                new Cli(engine, dir).run("facts", "--type", "McpServer", "--format", "json");
        assertThat(servers.out())
                .contains("\"type\": \"McpServer\"")
                .doesNotContain("EnvReference");
    }

    @Test
    void scanTrace_printsTheTraceForTheRuleAndServer_andServerAloneIsAUsageError() {
        engine.trace =
                new dev.mcpsec.api.RuleTrace(
                        "ACME-1",
                        "acme.drl:4",
                        "files",
                        true,
                        List.of(),
                        List.of(
                                new dev.mcpsec.api.RuleTrace.PatternTrace(
                                        "$s : McpServer( name == \"x\" )",
                                        "McpServer",
                                        "match",
                                        1,
                                        List.of(
                                                new dev.mcpsec.api.RuleTrace.FactTrace(
                                                        "name=\"files\"",
                                                        List.of(
                                                                new dev.mcpsec.api.RuleTrace
                                                                        .Condition(
                                                                        "name == \"x\"",
                                                                        "failed")))),
                                        0)));

        Cli.Run run = new Cli(engine, dir).run("scan", "--trace", "ACME-1", "--server", "files");
        assertThat(run.code()).isZero();
        assertThat(engine.tracedRule).isEqualTo("ACME-1");
        assertThat(engine.tracedServer).isEqualTo("files");
        assertThat(run.out())
                .contains(
                        "trace ACME-1 (acme.drl:4) for server files",
                        "fired: no",
                        "pattern 1: $s : McpServer( name == \"x\" )",
                        "  name=\"files\"",
                        "      NO    name == \"x\"");

        Cli.Run usage = new Cli(engine, dir).run("scan", "--server", "files");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("--server needs --trace RULE");
    }
}
