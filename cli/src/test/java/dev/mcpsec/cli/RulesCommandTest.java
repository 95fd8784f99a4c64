package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
    @TempDir Path dir;

    private final FakeEngine engine = new FakeEngine();

    @BeforeEach
    void twoRules() {
        engine.rules.add(
                new RuleInfo(
                        "MCP-STRIPE-001",
                        "stripe-test-keys",
                        Severity.CRITICAL,
                        "Live Stripe key in a config",
                        "d",
                        "r",
                        null,
                        "builtin@0.1.0",
                        "stripe.drl"));
        engine.rules.add(
                new RuleInfo(
                        "ACME-001",
                        "trusted-publishers",
                        Severity.HIGH,
                        "Experimental packages",
                        "d",
                        "r",
                        null,
                        "acme@1.0.0",
                        "acme.drl"));
    }

    @Test
    void text_isATableOfIdChecklistSeverityTitleAndBundle() {
        Cli.Run run = new Cli(engine, dir).run("rules");

        assertThat(run.code()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        "ID              CHECKLIST           SEVERITY  TITLE                        BUNDLE",
                        "MCP-STRIPE-001  stripe-test-keys    critical  Live Stripe key in a config  builtin@0.1.0",
                        "ACME-001        trusted-publishers  high      Experimental packages        acme@1.0.0");
    }

    @Test
    void json_isAnArrayOfRules() throws Exception {
        Cli.Run run = new Cli(engine, dir).run("rules", "--format", "json");

        JsonNode rules = new ObjectMapper().readTree(run.out());
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).get("id").asText()).isEqualTo("MCP-STRIPE-001");
        assertThat(rules.get(0).get("severity").asText()).isEqualTo("critical");
        assertThat(rules.get(1).get("bundle").asText()).isEqualTo("acme@1.0.0");
    }

    @Test
    void reportOnlyFormat_isAUsageError() {
        Cli.Run run = new Cli(engine, dir).run("rules", "--format", "sarif");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("'sarif'", "text, json");
    }

    @Test
    void bundles_reachTheRequest() {
        new Cli(engine, dir).run("rules", "--bundle", "g:a:1");

        assertThat(engine.lastRequest().bundles()).containsExactly("g:a:1");
    }
}
