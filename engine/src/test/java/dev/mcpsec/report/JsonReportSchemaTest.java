package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.testsupport.ReportSchemas;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published schema docs/schema/report-1.0.json: valid reports pass, broken ones fail, every
 * field is documented.
 */
class JsonReportSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyReport_carriesTheSchemaVersionOfThePublishedFile() throws Exception {
        JsonNode report =
                MAPPER.readTree(ReportFixtures.render(ReportFormat.JSON, ReportFixtures.sample()));
        assertThat(report.get("schemaVersion").textValue()).isEqualTo(JsonReporter.SCHEMA_VERSION);
        JsonNode schema =
                MAPPER.readTree(ReportSchemas.jsonSchemaFile(JsonReporter.SCHEMA_VERSION).toFile());
        assertThat(schema.at("/properties/schemaVersion/const").textValue())
                .isEqualTo(JsonReporter.SCHEMA_VERSION);
    }

    @Test
    void emptyScan_isValid() {
        ScanResult empty =
                new ScanResult(
                        "0.1.0", "/tmp/p", List.of(), List.of(), List.of(), List.of(), List.of(),
                        List.of(), 0, List.of(), List.of(), List.of());
        assertThat(ReportSchemas.jsonViolations(ReportFixtures.render(ReportFormat.JSON, empty)))
                .isEmpty();
    }

    @Test
    void brokenReports_fail() throws Exception {
        ObjectNode report =
                (ObjectNode)
                        MAPPER.readTree(
                                ReportFixtures.render(ReportFormat.JSON, ReportFixtures.sample()));
        ObjectNode noVersion = report.deepCopy();
        noVersion.remove("schemaVersion");
        assertThat(ReportSchemas.jsonViolations(noVersion.toString())).isNotEmpty();
        ObjectNode extra = report.deepCopy();
        extra.put("undocumented", 1);
        assertThat(ReportSchemas.jsonViolations(extra.toString())).isNotEmpty();
        ObjectNode badSeverity = report.deepCopy();
        ((ObjectNode) badSeverity.get("findings").get(0)).put("severity", "severe");
        assertThat(ReportSchemas.jsonViolations(badSeverity.toString())).isNotEmpty();
    }

    @Test
    void everyFieldOfTheSchema_isDocumentedInTheSchemaReadme() throws Exception {
        String readme = Files.readString(ReportSchemas.docs().resolve("schema/README.md"));
        JsonNode schema =
                MAPPER.readTree(ReportSchemas.jsonSchemaFile(JsonReporter.SCHEMA_VERSION).toFile());
        List<String> missing = new ArrayList<>();
        collect(schema, "", missing, readme);
        assertThat(missing)
                .as(
                        "fields of report-%s.json without a row in docs/schema/README.md",
                        JsonReporter.SCHEMA_VERSION)
                .isEmpty();
    }

    /**
     * Each property path, e.g. {@code findings[].ruleId}, must appear as {@code `path`} in the
     * README.
     */
    private static void collect(JsonNode node, String prefix, List<String> missing, String readme) {
        JsonNode props = node.get("properties");
        if (props == null) {
            JsonNode items = node.get("items");
            if (items != null) {
                collect(items, prefix + "[]", missing, readme);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (!readme.contains("`" + path + "`")) {
                missing.add(path);
            }
            collect(e.getValue(), path, missing, readme);
        }
    }
}
