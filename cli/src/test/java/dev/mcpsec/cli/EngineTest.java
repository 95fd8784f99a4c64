package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpsec.engine.Mcpsec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in front of the real engine and the built-in bundle: what a user gets end to end. */
class EngineTest {
    @TempDir Path dir;

    private Cli cli() {
        return new Cli(Mcpsec.create(), dir);
    }

    @Test
    void leakyProject_exits1AndReportsItsFindingsAsJson() throws Exception {
        Files.writeString(
                dir.resolve(".mcp.json"),
                """
                {"mcpServers": {"files": {"command": "npx",
                  "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.1.14", "/"]}}}
                """);

        Cli.Run run = cli().run("scan", "--format", "json", "--no-history");

        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> checklist = new ArrayList<>();
        report.get("findings").forEach(f -> checklist.add(f.get("checklist").asText()));
        assertThat(checklist).as(run.toString()).contains("filesystem-scope");
        assertThat(report.get("findings").get(0).get("file").asText()).isEqualTo(".mcp.json");
    }

    @Test
    void projectWithoutHighFindings_exits0() throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(
                dir.resolve(".mcp.json"),
                """
                {"mcpServers": {"docs": {"command": "npx",
                  "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "./docs"]}}}
                """);

        Cli.Run run = cli().run("scan", "--no-history");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).contains("mcpsec");
    }

    @Test
    void rules_listsTheBuiltInBundle() {
        Cli.Run run = cli().run("rules");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).contains("filesystem-scope", "stripe-test-keys");
    }

    @Test
    void explainOfAChecklistId_showsTheFix() {
        Cli.Run run = cli().run("explain", "filesystem-scope");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("What it checks", "How to fix");
    }

    @Test
    void explainValues_saysWhichStepDecided_withoutPrintingTheSecret() throws Exception {
        String key = "sk_" + "live_" + "Zq8Lm2Rt5Wx9Kp3Vn7Hd4Fs6";
        Files.writeString(
                dir.resolve(".mcp.json"),
                """
                {"mcpServers": {"pay": {"command": "npx", "args": ["-y", "@stripe/mcp@0.2.4"],
                  "env": {"STRIPE_SECRET_KEY": "%s", "OTHER_KEY": "sk_test_your_test_key_here",
                          "REF": "${STRIPE_KEY}"}}}}
                """
                        .formatted(key));

        Cli.Run run = cli().run("scan", "--no-history", "--explain-values", "--format", "json");

        assertThat(run.err())
                .as(run.toString())
                .contains("env.STRIPE_SECRET_KEY: secret stripe-secret (live")
                .contains("env.OTHER_KEY: no secret")
                .contains("step 6 body word")
                .contains("env.REF: reference to env variable STRIPE_KEY")
                .doesNotContain(key)
                .doesNotContain(key.substring(8, 20));
        assertThat(run.out()).doesNotContain("value .mcp.json");
    }

    private static final Path ORG_BUNDLE =
            Path.of("../examples/org-bundle").toAbsolutePath().normalize();

    @Test
    void exampleOrgBundle_passesItsOwnFixtureTests() {
        Cli.Run run = cli().run("test", ORG_BUNDLE.toString());

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out())
                .as(run.toString())
                .contains("bundle acme@", "PASS banned-package", "0 failed");
    }

    @Test
    void exampleOrgBundle_addsItsRulesToAScan() throws Exception {
        Files.writeString(
                dir.resolve(".mcp.json"),
                """
                {"mcpServers": {"everything": {"command": "npx", "args": ["-y", "@shady-labs/mcp-everything@1.0.3"]}}}
                """);

        Cli.Run run =
                cli().run(
                                "scan",
                                "--no-history",
                                "--format",
                                "json",
                                "--bundle",
                                ORG_BUNDLE.toString());

        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> rules = new ArrayList<>();
        report.get("findings")
                .forEach(f -> rules.add(f.get("ruleId").asText() + "@" + f.get("bundle").asText()));
        assertThat(rules).as(run.toString()).contains("ACME-001@acme@1.0.0");
        assertThat(cli().run("rules", "--bundle", ORG_BUNDLE.toString()).out())
                .contains("ACME-001", "ACME-002");
    }

    @Test
    void bundleCoordinates_neverLoadAFolderOfTheScannedTreeNamedLikeThem() throws Exception {
        Files.writeString(
                dir.resolve(".mcp.json"),
                """
                {"mcpServers": {"s": {"command": "npx", "args": ["-y", "pkg@1.0.0"]}}}
                """);
        Path planted = dir.resolve("com.acme:policies:1.0/META-INF/mcpsec");
        Files.createDirectories(planted.resolve("policies"));
        Files.writeString(planted.resolve("bundle.json"), "{\"id\":\"planted\",\"version\":\"1\"}");
        Files.writeString(
                planted.resolve("policies/planted.drl"),
                """
                package planted;
                import dev.mcpsec.facts.*;
                rule "PLANTED-001"
                    @id("PLANTED-001") @severity("low") @checklist("planted") @title("planted") @message("planted")
                when
                    McpServer()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                end
                """
                        .formatted(dir.resolve("planted-ran").toString().replace("\\", "\\\\")));

        Cli.Run run = cli().run("scan", "--no-history", "--bundle", "com.acme:policies:1.0");

        assertThat(run.code()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("not in the local Maven repository");
        assertThat(dir.resolve("planted-ran")).doesNotExist();
        Cli.Run asPath = cli().run("scan", "--no-history", "--bundle", "./com.acme:policies:1.0");
        assertThat(asPath.code()).as(asPath.toString()).isEqualTo(2);
        assertThat(asPath.err()).contains("inside the scanned tree", "--project-policies");
        assertThat(dir.resolve("planted-ran")).doesNotExist();
    }

    @Test
    void limitFlag_changesALimit_andABadNameIsAUsageError() throws Exception {
        Files.writeString(
                dir.resolve(".mcp.json"),
                """
                {"mcpServers": {"a": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.1.14", "./x"]},
                                "b": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.1.14", "./y"]}}}
                """);

        Cli.Run limited =
                cli().run("scan", "--no-history", "--format", "json", "--limit", "maxServers=1");
        JsonNode report = new ObjectMapper().readTree(limited.out());
        assertThat(report.get("servers")).as(limited.toString()).hasSize(1);
        assertThat(report.get("warnings").toString()).contains("maxServers");

        Cli.Run bad = cli().run("scan", "--no-history", "--limit", "maxServerz=1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown limit 'maxServerz'").contains("--limit");
    }

    @Test
    void theProjectsOwnScanOfItself_isClean_historyIncluded() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();

        Cli.Run run =
                new Cli(Mcpsec.create(), repo).run("scan", repo.toString(), "--format", "json");

        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("findings")).as(run.toString()).isEmpty();
        assertThat(run.code()).isZero();
    }
}
