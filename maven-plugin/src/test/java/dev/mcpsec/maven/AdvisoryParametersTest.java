package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.ScanRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <advisories>} and {@code <advisoriesMaxAge>} of the verify goal, as they reach the engine.
 */
class AdvisoryParametersTest {
    @TempDir Path dir;

    private VerifySettings settings(List<String> advisories, Integer maxAge) {
        return VerifySettings.builder(dir.toFile(), dir.toFile())
                .formats(List.of("json"))
                .advisories(advisories)
                .advisoriesMaxAge(maxAge)
                .build();
    }

    @Test
    void relativePathsResolveAgainstTheProject_andTheMaximumAgeIsInDays() throws IOException {
        Files.createDirectories(dir.resolve("osv"));
        Files.writeString(dir.resolve("osv/all.zip"), "");

        ScanRequest request =
                RequestAdapter.toPlan(
                                settings(List.of("osv/all.zip", dir.resolve("osv").toString()), 30))
                        .request();

        assertThat(request.advisories())
                .containsExactly(
                        dir.resolve("osv/all.zip").toAbsolutePath().normalize(),
                        dir.resolve("osv").toAbsolutePath().normalize());
        assertThat(request.advisoriesMaxAge()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void defaults_areNoExtraDataAndNinetyDays() {
        ScanRequest request = RequestAdapter.toPlan(settings(null, null)).request();

        assertThat(request.advisories()).isEmpty();
        assertThat(request.advisoriesMaxAge()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void aMissingPathOrANegativeAge_namesTheElement() {
        assertThatThrownBy(() -> RequestAdapter.toPlan(settings(List.of("osv/missing.zip"), null)))
                .isInstanceOf(PluginParameterException.class)
                .hasMessageContaining("<advisories>")
                .hasMessageContaining("missing.zip");
        assertThatThrownBy(() -> RequestAdapter.toPlan(settings(null, -1)))
                .isInstanceOf(PluginParameterException.class)
                .hasMessageContaining("<advisoriesMaxAge>");
    }
}
