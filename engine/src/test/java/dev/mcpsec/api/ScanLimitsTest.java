package dev.mcpsec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScanLimitsTest {
    private final ScanLimits defaults = ScanLimits.defaults();

    @Test
    void sizesCountsAndDurations_areParsedByName() {
        ScanLimits l =
                defaults.with("maxFileBytes", "4MiB")
                        .with("maxFiles", "500")
                        .with("historyMaxTime", "90s")
                        .with("scanTimeout", "2m")
                        .with("historyMaxBlobBytes", "512 KiB");
        assertThat(l.maxFileBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(l.maxFiles()).isEqualTo(500);
        assertThat(l.historyMaxTime()).isEqualTo(Duration.ofSeconds(90));
        assertThat(l.scanTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(l.historyMaxBlobBytes()).isEqualTo(512L * 1024);
        assertThat(l.maxNestingDepth()).isEqualTo(defaults.maxNestingDepth());
        assertThat(defaults.with("historyMaxTime", "PT1H").historyMaxTime())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void unknownNames_andBadValues_sayWhatIsAllowed() {
        assertThatThrownBy(() -> defaults.with("maxFilez", "1"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown limit 'maxFilez'")
                .hasMessageContaining("maxFiles, maxWalkDepth");
        assertThatThrownBy(() -> defaults.with("maxFiles", "-3"))
                .hasMessageContaining("a positive whole number");
        assertThatThrownBy(() -> defaults.with("maxFiles", "99999999999"))
                .hasMessageContaining("a positive whole number");
        assertThatThrownBy(() -> defaults.with("scanTimeout", "soon"))
                .hasMessageContaining("a duration such as 90s");
    }
}
