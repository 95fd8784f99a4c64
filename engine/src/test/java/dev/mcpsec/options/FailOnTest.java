package dev.mcpsec.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.Severity;
import org.junit.jupiter.api.Test;

class FailOnTest {

    @Test
    void parse_takesASeverityOrNever_andNamesTheAllowedValuesOtherwise() {
        assertThat(FailOn.parse("high").severity()).isEqualTo(Severity.HIGH);
        assertThat(FailOn.parse(" Never ").severity()).isNull();
        assertThatThrownBy(() -> FailOn.parse("loud"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'loud' is not a severity; use one of")
                .hasMessageContaining("never");
    }

    @Test
    void toString_isTheRecordsUsualForm() {
        assertThat(new FailOn(Severity.HIGH)).hasToString("FailOn[severity=HIGH]");
        assertThat(new FailOn(null)).hasToString("FailOn[severity=null]");
    }
}
