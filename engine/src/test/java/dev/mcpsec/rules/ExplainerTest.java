package dev.mcpsec.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.Explanation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Explain over a bundle built in the test: rule and checklist ids, examples from the rule's fixture
 * cases, checklist texts from {@code META-INF/mcpsec/checklist.json} on the class path (this
 * module's test resources hold one).
 */
class ExplainerTest {
    private static final String DRL =
            "package test.explain;\nimport dev.mcpsec.facts.*;\n"
                    + "rule \"T-001 remote server\"\n"
                    + "    @id(\"T-001\") @severity(\"high\") @checklist(\"test-remote\") @title(\"A remote server\")\n"
                    + "    @message(\"{name} is remote\") @remediation(\"Run it locally.\")\n"
                    + "when\n    McpServer( url != null )\nthen\nend\n";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static CompiledPolicies policies() {
        Map<String, Map<String, byte[]>> tests =
                Map.of(
                        "remote-fail",
                                Map.of(
                                        ".mcp.json",
                                        bytes(
                                                "{\"mcpServers\": {\"r\": {\"url\": \"https://x.example\"}}}"),
                                        "expected.json",
                                        bytes("{\"expect\": [{\"ruleId\": \"T-001\"}]}")),
                        "remote-pass",
                                Map.of(
                                        ".mcp.json",
                                        bytes("{\"mcpServers\": {\"l\": {\"command\": \"node\"}}}"),
                                        "expected.json",
                                        bytes("{\"expectNot\": [{\"ruleId\": \"T-001\"}]}")));
        Bundle bundle =
                new Bundle(
                        "explain-test",
                        "1.0.0",
                        "test",
                        "memory",
                        List.of(new Bundle.DrlFile("explain.drl", DRL)),
                        Map.of(),
                        tests);
        return PolicyCompiler.compile(List.of(bundle));
    }

    @Test
    void aRuleId_isExplainedWithItsFixtureExamples() {
        Optional<Explanation> e = Explainer.explain("t-001", policies());

        assertThat(e)
                .hasValueSatisfying(
                        x -> {
                            assertThat(x.kind()).isEqualTo("rule");
                            assertThat(x.id()).isEqualTo("T-001");
                            assertThat(x.fix()).isEqualTo("Run it locally.");
                            assertThat(x.failingExample())
                                    .startsWith("# .mcp.json")
                                    .contains("https://x.example");
                            assertThat(x.passingExample()).contains("\"node\"");
                            assertThat(x.why()).isEqualTo("Test why.");
                        });
    }

    @Test
    void aChecklistId_isExplainedFromTheChecklistTexts() {
        assertThat(Explainer.explain("test-remote", policies()))
                .hasValueSatisfying(
                        x -> {
                            assertThat(x.kind()).isEqualTo("checklist");
                            assertThat(x.title()).isEqualTo("Test remote servers");
                            assertThat(x.what()).isEqualTo("Test what.");
                            assertThat(x.rules()).extracting(r -> r.id()).containsExactly("T-001");
                        });
    }

    @Test
    void anUnknownId_isEmpty() {
        assertThat(Explainer.explain("NOPE-404", policies())).isEmpty();
    }
}
