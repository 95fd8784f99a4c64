package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GoldenReportTest {
    /**
     * Fixed version, threshold and time, so that time-stamped formats (JUnit, GitLab) are golden
     * too.
     */
    static final ReportOptions GOLDEN_OPTIONS =
            new ReportOptions(
                    false, false, "0.1.0", Severity.HIGH, Instant.parse("2026-01-15T10:00:00Z"));

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void sampleScan_rendersExactlyAsTheGoldenFile(ReportFormat format) throws IOException {
        String actual = ReportFixtures.render(format, ReportFixtures.sample(), GOLDEN_OPTIONS);
        String golden = "golden/report" + format.extension();

        // Written next to the build output so a changed report can be diffed and, after review,
        // copied over.
        Path written = Path.of("target", "golden-actual", "report" + format.extension());
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual, StandardCharsets.UTF_8);

        try (InputStream in = getClass().getClassLoader().getResourceAsStream(golden)) {
            assertThat(in)
                    .as("golden file %s (actual output in %s)", golden, written.toAbsolutePath())
                    .isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
