package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No output ever holds a raw secret, and hostile input ends in an analysis, not an exception. */
class SecretDetectorRobustnessTest {

    private final SecretDetector detector = new SecretDetector();

    @Test
    void noToStringOrExplanationOrMask_containsTheSecret() {
        Random rnd = new Random(99);
        for (String kind : FakeSecrets.KINDS) {
            String secret = FakeSecrets.generate(kind, rnd);
            for (ValueContext ctx : ValueContext.values()) {
                ValueAnalysis a = detector.analyze("SECRET_TOKEN", secret, ctx);
                List<String> texts = new ArrayList<>(a.explanation());
                texts.add(a.toString());
                for (Detection d : a.detections()) {
                    texts.add(d.toString());
                    texts.add(d.masked());
                    texts.add(d.detector());
                }
                for (DbUrl db : a.databases()) {
                    texts.add(db.toString());
                }
                String sensitive = sensitivePart(a, secret);
                assertThat(texts).as(kind).noneMatch(t -> t.contains(sensitive));
            }
        }
    }

    private static String sensitivePart(ValueAnalysis a, String value) {
        String s =
                a.detections().isEmpty()
                        ? a.databases().isEmpty() || a.databases().get(0).password() == null
                                ? value
                                : a.databases().get(0).password().secret()
                        : a.detections().get(0).secret();
        int mid = s.length() / 2;
        return s.substring(Math.max(0, mid - 5), Math.min(s.length(), mid + 5));
    }

    @Test
    void argValueAndEnvEntryToString_hideValues() {
        String secret = FakeSecrets.generate("stripe-live", new Random(1));
        assertThat(ArgScanner.scan(List.of("--api-key", secret)).get(0).toString())
                .doesNotContain(secret);
        assertThat(EnvFileParser.parse("K=" + secret).entries().get(0).toString())
                .doesNotContain(secret);
    }

    @Test
    void badInput_neverThrows() {
        List<String> hostile =
                List.of(
                        "eyJhbGciOi.eyJyb2xlIjoic2VydmljZV9yb2xlI.###", // invalid JWT segments
                        "eyJ"
                                + "A".repeat(20)
                                + ".eyJ"
                                + "%%%%".repeat(5)
                                + ".x", // undecodable payload
                        "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.", // JWT without
                        // signature
                        "sk_live_abc", // truncated Stripe key
                        "ghp_", // prefix only
                        "postgres://",
                        "postgres://@",
                        "postgres://:@/",
                        "mysql://u:p@[::1",
                        "jdbc:mysql://;password=",
                        "https://user:@host",
                        "://",
                        "Basic !!!",
                        "Basic ",
                        "Bearer",
                        "-----BEGIN PRIVATE KEY-----",
                        "${",
                        "${{",
                        "{env:",
                        "%",
                        "$",
                        "\u0000\u0001\uFFFF",
                        "\uD800",
                        "x".repeat(70_000),
                        new String(
                                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0x41},
                                StandardCharsets.UTF_8));
        for (String v : hostile) {
            for (ValueContext ctx : ValueContext.values()) {
                assertThatCode(() -> detector.analyze("API_KEY", v, ctx))
                        .doesNotThrowAnyException();
                assertThatCode(() -> detector.analyze(null, v, ctx)).doesNotThrowAnyException();
            }
            assertThatCode(() -> ArgScanner.scan(List.of("--token", v, "-e", v, v)))
                    .doesNotThrowAnyException();
            assertThatCode(() -> EnvFileParser.parse(v)).doesNotThrowAnyException();
        }
    }

    @Test
    void valueLongerThanTheLimit_isSkippedWithANote() {
        SecretDetector small =
                new SecretDetector(DetectorOptions.defaults().withMaxValueLength(100));
        String key = FakeSecrets.generate("stripe-live", new Random(2));
        ValueAnalysis a = small.analyze("STRIPE_KEY", key + " ".repeat(100), ValueContext.ENV);
        assertThat(a.detections()).isEmpty();
        assertThat(a.explanation())
                .singleElement()
                .asString()
                .startsWith("skipped: value of 207 characters");
    }

    @Test
    void nullAndBlankValues_giveEmptyAnalyses() {
        assertThat(detector.analyze("API_KEY", null, ValueContext.ENV).hasSecret()).isFalse();
        assertThat(detector.analyze(null, "   ", ValueContext.ENV).explanation()).isEmpty();
    }
}
