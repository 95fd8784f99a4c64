package dev.mcpsec.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanWarning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanDeadlineTest {

    @Test
    void spentBudget_expiresWithOneWarningNamingTheLimit() {
        List<ScanWarning> warnings = new ArrayList<>();
        ScanDeadline deadline = new ScanDeadline(Duration.ZERO, warnings);

        assertThat(deadline.expired("3 config files not parsed")).isTrue();
        assertThat(deadline.expired("git history not read")).isTrue();

        assertThat(warnings)
                .singleElement()
                .extracting(ScanWarning::message)
                .asString()
                .contains("(scanTimeout)")
                .contains("3 config files not parsed");
        assertThat(deadline.remaining()).isEqualTo(Duration.ZERO);
    }

    @Test
    void generousBudget_doesNotExpire_evenWhenTooLongForNanoseconds() {
        List<ScanWarning> warnings = new ArrayList<>();
        ScanDeadline deadline = new ScanDeadline(Duration.ofDays(365L * 1000), warnings);

        assertThat(deadline.expired("anything")).isFalse();
        assertThat(deadline.remaining()).isPositive();
        assertThat(warnings).isEmpty();
    }
}
