package dev.mcpsec.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.report.ReportFormat;
import dev.mcpsec.report.ReportOptions;
import dev.mcpsec.report.Reporters;
import dev.mcpsec.secrets.FakeSecrets;
import dev.mcpsec.testsupport.ReportSchemas;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pull request that adds {@code "exclude": ["**"]} (or leaves out most configs) to {@code
 * .mcpsec/config.json} silences the gate: every report format, not only verbose output, says so.
 */
class SilentExcludeTest {

    @TempDir Path tmp;

    private Tree leaky() {
        Tree t = new Tree(tmp);
        String key = FakeSecrets.generate("stripe-live", new Random(7));
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"-y\",\"pkg@1.0.0\"],"
                        + "\"env\":{\"STRIPE_SECRET_KEY\":\""
                        + key
                        + "\"}}}}");
        t.write(
                ".cursor/mcp.json",
                "{\"mcpServers\":{\"c\":{\"command\":\"npx\",\"args\":[\"-y\",\"pkg@1.0.0\"]}}}");
        t.write(
                ".vscode/mcp.json",
                "{\"servers\":{\"v\":{\"command\":\"npx\",\"args\":[\"-y\",\"pkg@1.0.0\"]}}}");
        return t;
    }

    @ParameterizedTest(name = "exclude {0}")
    @ValueSource(strings = {"[\"**\"]", "[\"*\", \"**/*\"]", "[\".mcp.json\", \".cursor\"]"})
    void anExcludeThatSilencesTheGate_isSaidInEveryReportFormat(String exclude) throws Exception {
        Tree t = leaky();
        t.write(".mcpsec/config.json", "{\"exclude\": " + exclude + "}");

        ScanResult result = Mcpsec.create().scan(t.request().build());

        assertThat(result.warnings())
                .as("the scan warns about its own configuration")
                .anyMatch(
                        w ->
                                w.file().equals(".mcpsec/config.json")
                                        && w.message().startsWith("exclude "));
        for (ReportFormat format : ReportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Reporters.get(format).write(result, out, new ReportOptions(false, false, null));
            ReportSchemas.assertValid(
                    format.id(), out.toString(StandardCharsets.UTF_8), "of SilentExcludeTest");
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .as("%s report, not verbose", format)
                    .containsPattern("exclude (leaves out|\\\\?\\[)");
        }
    }

    @Test
    void aNarrowExclude_isNotWarnedAbout() {
        Tree t = leaky();
        t.write("fixtures/.mcp.json", "{\"mcpServers\":{}}");
        t.write(".mcpsec/config.json", "{\"exclude\": [\"fixtures\"]}");

        ScanResult result = Mcpsec.create().scan(t.request().build());

        assertThat(result.warnings()).noneMatch(w -> w.message().startsWith("exclude "));
        assertThat(result.findings()).isNotEmpty();
    }
}
