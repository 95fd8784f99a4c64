package dev.mcpsec.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.RuleTrace;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.report.TraceReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --trace} answers why a rule did or did not fire for a server, condition by condition. */
class TraceEndToEndTest {
    @TempDir Path dir;
    ScanRequest request;

    @BeforeEach
    void setUp() throws Exception {
        Path bundle = dir.resolve("acme/META-INF/mcpsec");
        Files.createDirectories(bundle.resolve("policies"));
        Files.createDirectories(bundle.resolve("data"));
        Files.writeString(
                bundle.resolve("bundle.json"), "{\"id\": \"acme\", \"version\": \"1.0.0\"}");
        Files.writeString(bundle.resolve("data/approved.json"), "{\"npm\": [\"@acme/files\"]}");
        Files.writeString(
                bundle.resolve("policies/acme.drl"),
                """
                package org.acme
                import dev.mcpsec.facts.McpServer
                import dev.mcpsec.facts.PolicyData
                rule "ACME-030 unapproved npm package"
                    @id("ACME-030") @severity("high") @checklist("trusted-publishers")
                    @title("Unapproved package") @message("{packageName} is not approved")
                when
                    $s : McpServer( ecosystem == "npm", $p : packageName, packageName != null )
                    not PolicyData( name == "approved", key == "npm", value == $p )
                then
                end
                rule "ACME-031 experimental"
                    @id("ACME-031") @severity("high") @checklist("trusted-publishers")
                    @title("Experimental package") @message("{packageName} is experimental")
                when
                    $s : McpServer( packageName != null, packageName.startsWith("@acme-experimental/") )
                then
                end
                """);
        Path project = dir.resolve("project");
        Files.createDirectories(project);
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(
                project.resolve(".mcp.json"),
                """
                {"mcpServers": {
                  "files": {"command": "npx", "args": ["-y", "@acme/files@1.0.0"]},
                  "weather": {"command": "npx", "args": ["-y", "weather-mcp@2.0.0"]}
                }}
                """);
        request =
                ScanRequest.builder(project)
                        .home(dir.resolve("home"))
                        .history(false)
                        .bundles(List.of(dir.resolve("acme").toString()))
                        .build();
    }

    @Test
    void aRuleThatDidNotFire_showsTheFactThatStoppedIt() throws Exception {
        RuleTrace trace = Mcpsec.create().trace(request, "ACME-030", "files");
        assertThat(trace.findings()).isEmpty();
        assertThat(trace.source()).endsWith("policies/acme.drl:4");
        assertThat(trace.patterns()).hasSize(2);
        RuleTrace.PatternTrace server = trace.patterns().get(0);
        assertThat(server.facts())
                .singleElement()
                .satisfies(
                        f ->
                                assertThat(f.conditions())
                                        .extracting(RuleTrace.Condition::outcome)
                                        .containsExactly("held", "binds", "held"));
        RuleTrace.PatternTrace approved = trace.patterns().get(1);
        assertThat(approved.mode()).isEqualTo("not");
        assertThat(approved.facts().get(0).fact()).contains("value=\"@acme/files\"");
        assertThat(approved.facts().get(0).conditions())
                .extracting(RuleTrace.Condition::outcome)
                .containsExactly("held", "held", "held");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceReport.write(trace, out, false);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "trace ACME-030",
                        "for server files",
                        "fired: no",
                        "pattern 2 (not: the rule needs no fact meeting it)",
                        "yes   value == $p");
    }

    @Test
    void aRuleThatFired_andAConditionThatFailed_areNamed() {
        RuleTrace fired = Mcpsec.create().trace(request, "ACME-030", "weather");
        assertThat(fired.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.server()).isEqualTo("weather"));
        assertThat(fired.patterns().get(1).facts().get(0).conditions())
                .extracting(RuleTrace.Condition::outcome)
                .containsExactly("held", "held", "failed");

        RuleTrace experimental = Mcpsec.create().trace(request, "ACME-031", "weather");
        assertThat(experimental.findings()).isEmpty();
        assertThat(experimental.patterns().get(0).facts())
                .singleElement()
                .satisfies(
                        f ->
                                assertThat(f.conditions())
                                        .extracting(c -> c.text() + " " + c.outcome())
                                        .containsExactly(
                                                "packageName != null held",
                                                "packageName.startsWith(\"@acme-experimental/\") failed"));
    }

    @Test
    void withoutAServer_joinsAreMarked_andAnUnknownRuleIsAConfigurationError() {
        RuleTrace all = Mcpsec.create().trace(request, "ACME-030", null);
        assertThat(all.findings()).hasSize(1);
        assertThat(all.patterns().get(0).facts()).hasSize(2);
        assertThat(all.patterns().get(1).facts().get(0).conditions())
                .extracting(RuleTrace.Condition::outcome)
                .containsExactly("held", "held", "join");
        assertThatThrownBy(() -> Mcpsec.create().trace(request, "ACME-03", null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no loaded rule has the id ACME-03");
    }
}
