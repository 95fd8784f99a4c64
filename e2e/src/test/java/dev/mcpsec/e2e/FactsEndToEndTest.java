package dev.mcpsec.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.FactRecord;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.report.FactsReport;
import dev.mcpsec.secrets.FakeSecrets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcpsec facts} shows every fact the rules see, and never a whole secret. */
class FactsEndToEndTest {
    @TempDir Path dir;

    @Test
    void everyFactTheRulesSee_isListed_withSecretsMaskedEverywhere() throws Exception {
        String key = FakeSecrets.generate("stripe-live", new Random(7));
        Path project = dir.resolve("project");
        Files.createDirectories(project);
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(
                project.resolve(".mcp.json"),
                """
                {"mcpServers": {
                  "stripe": {"command": "npx", "args": ["-y", "@stripe/mcp@0.2.4", "--api-key=%s"]},
                  "files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/"]}
                }}
                """
                        .formatted(key));
        List<FactRecord> facts =
                Mcpsec.create()
                        .facts(
                                ScanRequest.builder(project)
                                        .home(dir.resolve("home"))
                                        .history(false)
                                        .build());

        assertThat(facts)
                .extracting(FactRecord::type)
                .contains("ConfigFile", "McpServer", "Credential", "FilesystemRoot", "PolicyData");
        FactRecord stripe =
                facts.stream()
                        .filter(
                                f ->
                                        f.type().equals("McpServer")
                                                && "stripe".equals(f.fields().get("name")))
                        .findFirst()
                        .orElseThrow();
        assertThat(stripe.fields())
                .containsEntry("packageName", "@stripe/mcp")
                .containsEntry("packageVersion", "0.2.4");
        assertThat(stripe.fields().get("args").toString())
                .contains("--api-key=sk_live_")
                .doesNotContain(key);

        for (boolean json : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FactsReport.write(facts, out, json);
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text)
                    .contains("McpServer")
                    .contains("@stripe/mcp")
                    .doesNotContain(key)
                    .doesNotContain(key.substring(8, key.length() - 4));
        }
    }

    @Test
    void aNameBasedPolicy_isOneRule_overServerInputs_whateverTheValueForm() throws Exception {
        Path bundle = dir.resolve("acme/META-INF/mcpsec");
        Files.createDirectories(bundle.resolve("policies"));
        Files.writeString(
                bundle.resolve("bundle.json"), "{\"id\": \"acme\", \"version\": \"1.0.0\"}");
        Files.writeString(
                bundle.resolve("policies/acme.drl"),
                """
                package org.acme
                import dev.mcpsec.facts.ServerInput
                import dev.mcpsec.facts.ReviewRecord
                rule "ACME-AWS no AWS secret for MCP servers"
                    @id("ACME-AWS") @severity("high") @checklist("least-privilege")
                    @title("AWS secret key given to a server") @message("{server} receives {name} ({form})")
                when
                    $i : ServerInput( name == "AWS_SECRET_ACCESS_KEY" )
                then
                end
                rule "ACME-STALE stale review"
                    @id("ACME-STALE") @severity("low") @checklist("source-reviewed")
                    @title("Review older than a year") @message("{server} was reviewed {ageDays} days ago")
                when
                    $r : ReviewRecord( ageDays > 365 )
                then
                end
                """);
        Path project = dir.resolve("inputs");
        Files.createDirectories(project.resolve(".mcpsec"));
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(
                project.resolve(".mcp.json"),
                """
                {"mcpServers": {
                  "literal": {"command": "npx", "args": ["-y", "aws-mcp@1.0.0"], "env": {"AWS_SECRET_ACCESS_KEY": "not-a-real-value-1234"}},
                  "ref": {"command": "npx", "args": ["-y", "aws-mcp@1.0.0"], "env": {"AWS_SECRET_ACCESS_KEY": "${AWS_SECRET_ACCESS_KEY}"}},
                  "empty": {"command": "npx", "args": ["-y", "aws-mcp@1.0.0"], "env": {"AWS_SECRET_ACCESS_KEY": ""}},
                  "docker": {"command": "docker", "args": ["run", "-i", "--rm", "-e", "AWS_SECRET_ACCESS_KEY", "aws/mcp:1.0"]},
                  "other": {"command": "npx", "args": ["-y", "aws-mcp@1.0.0", "--region", "eu-west-1"], "env": {"AWS_REGION": "eu-west-1"}}
                }}
                """);
        Files.writeString(
                project.resolve(".mcpsec/reviewed.json"),
                """
                {"reviews": [{"server": "other", "package": "aws-mcp", "version": "1.0.0", "reviewer": "alice", "date": "2020-01-01"}]}
                """);
        ScanRequest request =
                ScanRequest.builder(project)
                        .home(dir.resolve("home"))
                        .history(false)
                        .bundles(List.of(dir.resolve("acme").toString()))
                        .build();

        List<FactRecord> inputs =
                Mcpsec.create().facts(request).stream()
                        .filter(f -> f.type().equals("ServerInput"))
                        .toList();
        assertThat(inputs)
                .extracting(
                        f ->
                                f.fields().get("server")
                                        + " "
                                        + f.fields().get("kind")
                                        + " "
                                        + f.fields().get("name")
                                        + " "
                                        + f.fields().get("form"))
                .contains(
                        "literal env AWS_SECRET_ACCESS_KEY literal",
                                "ref env AWS_SECRET_ACCESS_KEY reference",
                        "empty env AWS_SECRET_ACCESS_KEY empty",
                                "docker env AWS_SECRET_ACCESS_KEY passthrough",
                        "other option --region literal", "other env AWS_REGION literal")
                .noneMatch(s -> s.contains(" option -y "));

        var findings = Mcpsec.create().scan(request).findings();
        assertThat(findings)
                .filteredOn(f -> f.ruleId().equals("ACME-AWS"))
                .extracting(f -> f.server())
                .containsExactlyInAnyOrder("literal", "ref", "empty", "docker");
        assertThat(findings)
                .filteredOn(f -> f.ruleId().equals("ACME-STALE"))
                .singleElement()
                .satisfies(
                        f -> assertThat(f.message()).matches("other was reviewed \\d{4} days ago"));
    }
}
