package dev.mcpsec.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared validation cannot pass vacuously: what is not a valid mcpsec JSON report is rejected,
 * with a reason. Valid reports are the engine's, CLI's, end-to-end tests' and plugin ITs' own.
 */
class ReportSchemasTest {

    @Test
    void notJson_notAnObject_andNoSchemaVersion_areViolations() {
        assertThat(ReportSchemas.jsonViolations("{ not json"))
                .singleElement()
                .asString()
                .startsWith("not JSON");
        assertThat(ReportSchemas.jsonViolations("[]")).containsExactly("not a JSON object");
        assertThat(ReportSchemas.jsonViolations("{\"findings\": []}"))
                .singleElement()
                .asString()
                .contains("schemaVersion: missing");
    }

    @Test
    void aSchemaVersionWithoutPublishedSchema_isAViolation() {
        assertThat(ReportSchemas.jsonViolations("{\"schemaVersion\": \"0.0-never\"}"))
                .singleElement()
                .asString()
                .contains("has no published schema")
                .contains("report-0.0-never.json");
    }

    @Test
    void aReportMissingRequiredFields_failsThePublishedSchema() {
        assertThat(ReportSchemas.jsonSchemaFile("1.0")).isRegularFile();
        assertThat(ReportSchemas.jsonViolations("{\"schemaVersion\": \"1.0\"}")).isNotEmpty();
        assertThatThrownBy(
                        () ->
                                ReportSchemas.assertValidJsonReport(
                                        "{\"schemaVersion\": \"1.0\"}", "in this test"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the JSON report in this test does not validate");
    }

    @Test
    void reportsInAFolder_areCheckedByFileName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.json"), "not a report, not checked");
        assertThat(ReportSchemas.assertValidReportsIn(dir)).isZero();
        Files.writeString(dir.resolve("mcpsec.gitlab.json"), "{}");
        assertThatThrownBy(() -> ReportSchemas.assertValidReportsIn(dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "mcpsec.gitlab.json does not validate against GitLab's schema");
    }

    @Test
    void theGitlabAndJunitSchemas_rejectEmptyDocuments() {
        assertThat(ReportSchemas.gitlabViolations("{}")).isNotEmpty();
        assertThat(ReportSchemas.junitViolation("<testsuites><bogus/></testsuites>")).isNotNull();
    }
}
