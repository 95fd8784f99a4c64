package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpsec.testsupport.ReportSchemas;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

    private final JsonNode json =
            parse(ReportFixtures.render(ReportFormat.JSON, ReportFixtures.sample()));

    @Test
    void topLevelFields_followTheContractOrder() {
        assertThat(names(json))
                .containsExactly(
                        "schemaVersion",
                        "tool",
                        "root",
                        "files",
                        "servers",
                        "credentials",
                        "findings",
                        "suppressed",
                        "warnings",
                        "policy",
                        "summary");
        assertThat(names(json.get("credentials").get(0)))
                .containsExactly(
                        "file",
                        "line",
                        "server",
                        "client",
                        "location",
                        "kind",
                        "tier",
                        "masked",
                        "tracked");
        assertThat(names(json.get("findings").get(0)))
                .containsExactly(
                        "ruleId",
                        "checklist",
                        "severity",
                        "title",
                        "message",
                        "file",
                        "line",
                        "column",
                        "server",
                        "client",
                        "commit",
                        "remediation",
                        "fingerprint",
                        "bundle");
        assertThat(names(json.get("files").get(0)))
                .containsExactly(
                        "file", "client", "scope", "tracked", "ignored", "servers", "error");
        assertThat(names(json.get("servers").get(0)))
                .containsExactly(
                        "file",
                        "name",
                        "client",
                        "transport",
                        "command",
                        "url",
                        "packageName",
                        "packageVersion");
    }

    @Test
    void
            policy_listsTheAppliedBundlesAndEveryOverrideWithSourceAndReason_andSuppressionsTheirSource() {
        JsonNode policy = json.get("policy");
        assertThat(policy.get("bundles").get(1).toString())
                .isEqualTo(
                        "{\"id\":\"acme\",\"version\":\"1.2.0\","
                                + "\"origin\":\"/home/dev/.m2/acme-mcp-policies-1.2.0.jar\",\"sha256\":"
                                + "\"0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9\"}");
        assertThat(policy.get("overrides").get(0).toString())
                .isEqualTo(
                        "{\"kind\":\"disable\",\"ruleId\":\"MCP-ROT-001\","
                                + "\"via\":\"key-rotation\",\"from\":null,\"to\":null,\"source\":\".mcpsec/config.json\","
                                + "\"reason\":\"tokens are minted per CI run\"}");
        assertThat(policy.get("overrides").get(1).get("from").textValue()).isEqualTo("low");
        assertThat(policy.get("overrides").get(1).get("to").textValue()).isEqualTo("medium");
        assertThat(json.get("suppressed").get(0).get("source").textValue()).isNotBlank();
    }

    @Test
    void summary_listsAllFiveSeveritiesAndTheDuration() {
        JsonNode summary = json.get("summary");
        assertThat(names(summary.get("bySeverity")))
                .containsExactly("critical", "high", "medium", "low", "info");
        assertThat(summary.get("bySeverity").get("info").intValue()).isZero();
        assertThat(summary.get("findings").intValue()).isEqualTo(7);
        assertThat(summary.get("files").intValue()).isEqualTo(4);
        assertThat(summary.get("servers").intValue()).isEqualTo(4);
        assertThat(summary.get("durationMs").longValue()).isEqualTo(412);
    }

    @Test
    void absentServerAndCommit_areNull() {
        JsonNode autoApprove = json.get("findings").get(4);
        assertThat(autoApprove.get("checklist").textValue()).isEqualTo("client-auto-approve");
        assertThat(autoApprove.get("server").isNull()).isTrue();
        assertThat(autoApprove.get("commit").isNull()).isTrue();
    }

    @Test
    void suppressedFindings_carryTheirReason() {
        JsonNode first = json.get("suppressed").get(0);
        assertThat(first.get("ruleId").textValue()).isEqualTo("MCP-REVIEW-001");
        assertThat(first.get("reason").textValue()).isEqualTo("accepted in baseline");
    }

    @Test
    void warnings_haveFileLineAndMessage() {
        assertThat(names(json.get("warnings").get(1))).containsExactly("file", "line", "message");
        assertThat(json.get("warnings").get(1).get("file").isNull()).isTrue();
    }

    @Test
    void reporters_leaveTheCallersStreamOpen() throws Exception {
        for (ReportFormat format : ReportFormat.values()) {
            boolean[] closed = {false};
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            FilterOutputStream out =
                    new FilterOutputStream(bytes) {
                        @Override
                        public void close() {
                            closed[0] = true;
                        }
                    };
            Reporters.get(format).write(ReportFixtures.sample(), out, ReportOptions.plain());
            assertThat(closed[0]).as(format.id()).isFalse();
            ReportSchemas.assertValid(
                    format.id(), bytes.toString(StandardCharsets.UTF_8), "written to a stream");
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
