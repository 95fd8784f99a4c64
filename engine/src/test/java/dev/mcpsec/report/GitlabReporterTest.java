package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.testsupport.ReportSchemas;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitlabReporterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ReportOptions AT =
            new ReportOptions(
                    false,
                    false,
                    "0.1.0",
                    ReportOptions.DEFAULT_FAIL_ON,
                    Instant.parse("2026-01-15T10:00:00Z"));

    @Test
    void sample_isAValidSecretDetectionReport_withEveryUnsuppressedFinding() throws Exception {
        JsonNode report =
                MAPPER.readTree(
                        ReportFixtures.render(ReportFormat.GITLAB, ReportFixtures.sample(), AT));
        assertThat(report.get("version").textValue()).isEqualTo("15.0.7");
        assertThat(report.get("scan").get("type").textValue()).isEqualTo("secret_detection");
        assertThat(report.get("scan").get("end_time").textValue()).isEqualTo("2026-01-15T10:00:00");
        JsonNode vulns = report.get("vulnerabilities");
        assertThat(vulns).hasSize(ReportFixtures.sample().findings().size());
        JsonNode first = vulns.get(0);
        assertThat(first.get("severity").textValue()).isEqualTo("Critical");
        assertThat(first.get("identifiers").get(0).get("value").textValue())
                .isEqualTo("MCP-STRIPE-001");
        assertThat(first.get("location").get("file").textValue()).isEqualTo(".mcp.json");
        assertThat(first.get("location").get("start_line").intValue()).isEqualTo(7);
        // a history finding carries its commit; others the placeholder GitLab's analyzer uses
        assertThat(vulns.findValues("sha"))
                .extracting(JsonNode::textValue)
                .contains("9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807", GitlabReporter.NO_COMMIT);
    }

    @Test
    void ids_areStableAndDistinct() throws Exception {
        JsonNode a =
                MAPPER.readTree(
                        ReportFixtures.render(ReportFormat.GITLAB, ReportFixtures.sample(), AT));
        JsonNode b =
                MAPPER.readTree(
                        ReportFixtures.render(ReportFormat.GITLAB, ReportFixtures.sample(), AT));
        assertThat(a.get("vulnerabilities").findValuesAsText("id"))
                .isEqualTo(b.get("vulnerabilities").findValuesAsText("id"))
                .doesNotHaveDuplicates();
    }

    @Test
    void emptyScan_isValidToo() {
        ScanResult empty =
                new ScanResult(
                        "0.1.0", "/tmp/p", List.of(), List.of(), List.of(), List.of(), List.of(),
                        List.of(), 0, List.of(), List.of(), List.of());
        assertThat(ReportFixtures.render(ReportFormat.GITLAB, empty, AT))
                .contains("\"vulnerabilities\": []");
    }

    @Test
    void theSchema_rejectsAReportWithoutScan() {
        // proves the validation used on every GitLab report can fail
        assertThat(
                        ReportSchemas.gitlabViolations(
                                "{\"version\": \"15.0.7\", \"vulnerabilities\": []}"))
                .isNotEmpty();
        assertThat(
                        ReportSchemas.gitlabViolations(
                                "{\"version\": \"15.0.7\", \"vulnerabilities\": [{\"id\": \"x\"}]}"))
                .isNotEmpty();
    }
}
