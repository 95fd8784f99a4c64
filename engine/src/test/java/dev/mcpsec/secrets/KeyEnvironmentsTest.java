package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyEnvironmentsTest {
    private final DetectorOptions options =
            DetectorOptions.defaults()
                    .withKeyEnvironments(
                            List.of(
                                    "PAYPAL_ENVIRONMENT=production",
                                    "*=rzp_live_*",
                                    "ADYEN_LIVE_URL_PREFIX=*"),
                            List.of("PAYPAL_ENVIRONMENT=sandbox", "TWILIO_*=+15005550006"));

    private Map<String, String> settings(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aLiveSetting_makesKeysLive_caseInsensitive_optionsReadAsEnvNames() {
        assertThat(KeyEnvironments.of(settings("PAYPAL_ENVIRONMENT", "PRODUCTION"), options))
                .contains(new KeyEnvironments.Verdict("live", "PAYPAL_ENVIRONMENT"));
        assertThat(KeyEnvironments.of(settings("--paypal-environment", "Production"), options))
                .contains(new KeyEnvironments.Verdict("live", "PAYPAL_ENVIRONMENT"));
        assertThat(KeyEnvironments.of(settings("RAZORPAY_KEY_ID", "rzp_live_AbCdEf123"), options))
                .map(KeyEnvironments.Verdict::tier)
                .contains("live");
    }

    @Test
    void aTestSetting_makesKeysTest_andLiveWinsWhenBothMatch() {
        assertThat(KeyEnvironments.of(settings("PAYPAL_ENVIRONMENT", "sandbox"), options))
                .map(KeyEnvironments.Verdict::tier)
                .contains("test");
        assertThat(KeyEnvironments.of(settings("TWILIO_FROM_NUMBER", "+15005550006"), options))
                .map(KeyEnvironments.Verdict::tier)
                .contains("test");
        assertThat(
                        KeyEnvironments.of(
                                settings(
                                        "PAYPAL_ENVIRONMENT",
                                        "sandbox",
                                        "RAZORPAY_KEY_ID",
                                        "rzp_live_x1"),
                                options))
                .map(KeyEnvironments.Verdict::tier)
                .contains("live");
    }

    @Test
    void unsetReferencedOrOtherValues_sayNothing() {
        assertThat(KeyEnvironments.of(settings("PAYPAL_ENVIRONMENT", "${PAYPAL_ENV}"), options))
                .isEmpty();
        assertThat(KeyEnvironments.of(settings("ADYEN_LIVE_URL_PREFIX", ""), options)).isEmpty();
        assertThat(KeyEnvironments.of(settings("ADYEN_LIVE_URL_PREFIX", "${PREFIX}"), options))
                .isEmpty();
        assertThat(KeyEnvironments.of(settings("PAYPAL_ENVIRONMENT", "productionish"), options))
                .isEmpty();
        assertThat(KeyEnvironments.of(settings("PAYPAL_MODE", "production"), options)).isEmpty();
        assertThat(KeyEnvironments.of(settings("X", null), DetectorOptions.defaults())).isEmpty();
    }

    @Test
    void malformedPatterns_areRefusedWithTheEntry() {
        assertThatThrownBy(() -> KeyEnvironments.check("PAYPAL_ENVIRONMENT"))
                .hasMessageContaining("NAME=value")
                .hasMessageContaining("PAYPAL_ENVIRONMENT");
        assertThatThrownBy(() -> KeyEnvironments.check("=live"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                DetectorOptions.defaults()
                                        .withKeyEnvironments(List.of("A="), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
