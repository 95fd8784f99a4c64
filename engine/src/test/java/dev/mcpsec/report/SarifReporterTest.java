package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.Severity;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SarifReporterTest {

    private static final String SCHEMA_ID =
            "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/";
    private static final JsonSchema SCHEMA =
            JsonSchemaFactory.getInstance(
                            SpecVersion.VersionFlag.V7,
                            builder ->
                                    builder
                                            // The schema's $id is a GitHub URL: map it to the copy
                                            // in the test resources, and fail
                                            // loudly rather than fetch anything over the network.
                                            .schemaMappers(
                                                    mappers ->
                                                            mappers.mapPrefix(
                                                                    SCHEMA_ID, "classpath:"))
                                            .schemaLoaders(
                                                    loaders ->
                                                            loaders.add(
                                                                    iri -> {
                                                                        if (iri.toString()
                                                                                .startsWith(
                                                                                        "http")) {
                                                                            throw new AssertionError(
                                                                                    "schema validation tried to fetch "
                                                                                            + iri);
                                                                        }
                                                                        return null;
                                                                    })))
                    .getSchema(SchemaLocation.of(SCHEMA_ID + "sarif-schema-2.1.0.json"));

    @Test
    void sampleReport_isValidSarif210() {
        assertValid(ReportFixtures.render(ReportFormat.SARIF, ReportFixtures.sample()));
    }

    @Test
    void emptyScan_isValidSarif210() {
        ScanResult empty =
                new ScanResult(
                        "0.1.0",
                        "/tmp/empty project",
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        3,
                        List.of(),
                        List.of(),
                        List.of());
        JsonNode sarif = assertValid(ReportFixtures.render(ReportFormat.SARIF, empty));
        assertThat(run(sarif).get("originalUriBaseIds").get("%SRCROOT%").get("uri").textValue())
                .isEqualTo("file:///tmp/empty%20project/");
    }

    @Test
    void schemaValidation_rejectsABrokenLog() throws Exception {
        JsonNode broken =
                new ObjectMapper()
                        .readTree("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}");
        assertThat(SCHEMA.validate(broken)).isNotEmpty();
    }

    @Test
    void rules_carrySecuritySeverityAsAStringWithTagsAndLevel() {
        JsonNode rule = run(sarif()).get("tool").get("driver").get("rules").get(0);
        assertThat(rule.get("id").textValue()).isEqualTo("MCP-STRIPE-001");
        assertThat(rule.get("shortDescription").get("text").textValue())
                .isEqualTo("Stripe key is not a test key");
        assertThat(rule.get("help").get("markdown").textValue())
                .contains("**Fix:** Give MCP servers");
        assertThat(rule.get("defaultConfiguration").get("level").textValue()).isEqualTo("error");
        assertThat(rule.get("properties").get("security-severity").isTextual()).isTrue();
        assertThat(rule.get("properties").get("security-severity").textValue()).isEqualTo("9.5");
        assertThat(rule.get("properties").get("tags").toString())
                .isEqualTo("[\"security\",\"stripe-test-keys\"]");
        assertThat(rule.has("helpUri")).isFalse();
    }

    @Test
    void helpUri_isWrittenOnlyWhenTheRuleHasOne() {
        RuleInfo documented =
                new RuleInfo(
                        "R-DOC",
                        "pinned-versions",
                        Severity.LOW,
                        "t",
                        "d",
                        "r",
                        "https://docs.example.org/rules/R-DOC",
                        "b",
                        "s");
        ScanResult result =
                new ScanResult(
                        "0.1.0",
                        "/p",
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(documented),
                        0,
                        List.of(),
                        List.of(),
                        List.of());
        JsonNode rule =
                run(assertValid(ReportFixtures.render(ReportFormat.SARIF, result)))
                        .get("tool")
                        .get("driver")
                        .get("rules")
                        .get(0);
        assertThat(rule.get("helpUri").textValue())
                .isEqualTo("https://docs.example.org/rules/R-DOC");
    }

    @Test
    void resultsPointAtTheirRuleAndMapSeverityToLevel() {
        JsonNode run = run(sarif());
        JsonNode rules = run.get("tool").get("driver").get("rules");
        for (JsonNode result : run.get("results")) {
            assertThat(rules.get(result.get("ruleIndex").intValue()).get("id").textValue())
                    .isEqualTo(result.get("ruleId").textValue());
        }
        assertThat(run.get("results").findValuesAsText("level"))
                .containsExactly(
                        "error", "note", "error", "error", "warning", "error", "warning", "note",
                        "warning", "note");
    }

    @Test
    void ruleMissingFromTheMetadata_isDescribedFromItsFinding() {
        JsonNode rules = run(sarif()).get("tool").get("driver").get("rules");
        JsonNode derived = rules.get(rules.size() - 1);
        assertThat(derived.get("id").textValue()).isEqualTo("MCP-HIST-001");
        assertThat(derived.get("properties").get("security-severity").textValue()).isEqualTo("8.0");
    }

    @Test
    void locations_areRelativeToSrcrootOrUserHome() {
        JsonNode results = run(sarif()).get("results");
        JsonNode project = results.get(0).get("locations").get(0).get("physicalLocation");
        assertThat(project.get("artifactLocation").toString())
                .isEqualTo("{\"uri\":\".mcp.json\",\"uriBaseId\":\"%SRCROOT%\"}");
        assertThat(project.get("region").toString())
                .isEqualTo("{\"startLine\":7,\"startColumn\":30}");
        JsonNode user = results.get(6).get("locations").get(0).get("physicalLocation");
        assertThat(user.get("artifactLocation").toString())
                .isEqualTo("{\"uri\":\".claude.json\",\"uriBaseId\":\"USERHOME\"}");
    }

    @Test
    void unknownLine_becomesLineOneWithoutColumn() {
        Finding fileLevel =
                ReportFixtures.finding(
                        "R-1",
                        "config-ignored",
                        Severity.HIGH,
                        "t",
                        "m",
                        "a dir\\.mcp.json",
                        0,
                        0,
                        null,
                        null,
                        "fix");
        JsonNode result =
                run(assertValid(
                                ReportFixtures.render(
                                        ReportFormat.SARIF,
                                        ReportFixtures.withFindings(List.of(fileLevel)))))
                        .get("results")
                        .get(0);
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("region").toString()).isEqualTo("{\"startLine\":1}");
        assertThat(location.get("artifactLocation").get("uri").textValue())
                .isEqualTo("a%20dir/.mcp.json");
    }

    @Test
    void fingerprintsAndChecklist_areCarriedOnEveryResult() {
        JsonNode result = run(sarif()).get("results").get(0);
        assertThat(result.get("partialFingerprints").get("mcpsecFingerprint/v1").textValue())
                .isEqualTo(ReportFixtures.sample().findings().get(0).fingerprint());
        assertThat(result.get("properties").toString())
                .isEqualTo(
                        "{\"checklist\":\"stripe-test-keys\",\"severity\":\"critical\",\"server\":\"stripe\","
                                + "\"client\":\"claude-code\"}");
    }

    @Test
    void suppressedFindings_areResultsWithAnAcceptedExternalSuppression() {
        JsonNode results = run(sarif()).get("results");
        assertThat(results).hasSize(10);
        assertThat(results.get(9).get("suppressions").toString())
                .isEqualTo(
                        "[{\"kind\":\"external\",\"status\":\"accepted\",\"justification\":\"internal docs server\","
                                + "\"properties\":{\"source\":\"config\"}}]");
        assertThat(results.get(6).has("suppressions")).isFalse();
    }

    @Test
    void appliedBundles_areToolExtensionsWithVersionAndSha256_andOverridesAreInTheRunProperties() {
        JsonNode sarif =
                assertValid(ReportFixtures.render(ReportFormat.SARIF, ReportFixtures.sample()));
        JsonNode extensions = run(sarif).get("tool").get("extensions");
        assertThat(extensions).hasSize(2);
        assertThat(extensions.get(1).get("name").textValue()).isEqualTo("acme");
        assertThat(extensions.get(1).get("version").textValue()).isEqualTo("1.2.0");
        assertThat(extensions.get(1).get("properties").get("sha256").textValue()).hasSize(64);
        JsonNode overrides = run(sarif).get("properties").get("mcpsecRuleOverrides");
        assertThat(overrides.get(0).get("ruleId").textValue()).isEqualTo("MCP-ROT-001");
        assertThat(overrides.get(0).get("reason").textValue())
                .isEqualTo("tokens are minted per CI run");
        assertThat(overrides.get(1).get("source").textValue()).isEqualTo("bundle acme@1.2.0");
    }

    @Test
    void relativeUris_neverReadAsASchemeOrAnAbsolutePath() {
        assertThat(SarifReporter.relativeUri("c:odd/.mcp.json")).isEqualTo("./c:odd/.mcp.json");
        assertThat(SarifReporter.relativeUri("/abs/.mcp.json")).isEqualTo("abs/.mcp.json");
        assertThat(SarifReporter.relativeUri("sub/ü.json")).isEqualTo("sub/%C3%BC.json");
    }

    private static JsonNode sarif() {
        return assertValid(ReportFixtures.render(ReportFormat.SARIF, ReportFixtures.sample()));
    }

    private static JsonNode run(JsonNode sarif) {
        return sarif.get("runs").get(0);
    }

    static JsonNode assertValid(String text) {
        try {
            JsonNode node = new ObjectMapper().readTree(text);
            Set<ValidationMessage> errors = SCHEMA.validate(node);
            assertThat(
                            errors.stream()
                                    .map(ValidationMessage::getMessage)
                                    .collect(Collectors.toList()))
                    .as("SARIF schema violations")
                    .isEmpty();
            return node;
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
