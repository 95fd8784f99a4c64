package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportFormatTest {

    @Test
    void formatIds_parseCaseInsensitivelyAndTrimmed() {
        assertThat(ReportFormat.parse("sarif")).isEqualTo(ReportFormat.SARIF);
        assertThat(ReportFormat.parse(" Markdown ")).isEqualTo(ReportFormat.MARKDOWN);
        assertThat(ReportFormat.parse("HTML")).isEqualTo(ReportFormat.HTML);
    }

    @Test
    void unknownFormat_isRejectedWithTheAllowedValues() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReportFormat.parse("xml"))
                .withMessage(
                        "'xml' is not a report format; use one of text, json, sarif, markdown, html, cyclonedx, "
                                + "junit, gitlab");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReportFormat.parse(null))
                .withMessageContaining("text, json, sarif, markdown, html");
    }

    @Test
    void everyFormat_hasItsOwnFileExtension() {
        assertThat(Arrays.stream(ReportFormat.values()).map(ReportFormat::extension))
                .containsExactly(
                        ".txt",
                        ".json",
                        ".sarif",
                        ".md",
                        ".html",
                        ".cdx.json",
                        ".junit.xml",
                        ".gitlab.json");
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyFormat_hasADistinctReporter(ReportFormat format) {
        assertThat(Reporters.get(format)).isNotNull();
        assertThat(
                        Arrays.stream(ReportFormat.values())
                                .filter(other -> other != format)
                                .map(Reporters::get))
                .doesNotContain(Reporters.get(format));
    }
}
