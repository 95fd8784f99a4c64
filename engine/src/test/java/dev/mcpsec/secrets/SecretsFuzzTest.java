package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Fuzz targets for the env-file parser, the argument scanner, the placeholder classifier and the
 * credential detector. Inputs may hold {@code @@FAKE:<kind>@@} tokens, expanded with a fixed seed,
 * so committed seeds carry no secret-shaped value yet the fuzzer starts from real credential
 * shapes. The detector's property: no field of its output except {@link Detection#secret()} holds a
 * detected secret.
 */
class SecretsFuzzTest {

    private static final SecretDetector DETECTOR =
            new SecretDetector(DetectorOptions.defaults().withMaxValueLength(4096));

    @FuzzTest(maxDuration = "90s")
    void envFile(byte[] data) {
        EnvFile file = EnvFileParser.parse(text(data));
        for (EnvEntry e : file.entries()) {
            assertThat(e.name()).isNotEmpty();
            assertThat(e.line()).isPositive();
            assertThat(e.value()).isNotNull();
        }
    }

    /** One argument per line. */
    @FuzzTest(maxDuration = "90s")
    void argScanner(byte[] data) {
        List<String> args = Arrays.asList(text(data).split("\n", -1));
        for (ArgValue v : ArgScanner.scan(args)) {
            assertThat(v.argIndex()).isBetween(0, args.size() - 1);
            assertThat(v.value()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "90s")
    void classify(byte[] data) {
        String value = text(data);
        PlaceholderClassifier classifier = DETECTOR.classifier();
        Classification c = classifier.classify(value);
        assertThat(c.verdict()).isNotNull();
        assertThat(classifier.references(value)).isNotNull();
        assertThat(classifier.classifyPassword(value).verdict()).isNotNull();
    }

    /** First line: the name carrying the value; the rest: the value, analysed in every context. */
    @FuzzTest(maxDuration = "90s")
    void analyze(byte[] data) {
        String text = text(data);
        int nl = text.indexOf('\n');
        String name = nl < 0 ? null : text.substring(0, nl);
        String value = nl < 0 ? text : text.substring(nl + 1);
        for (ValueContext context : ValueContext.values()) {
            assertNoLeak(value, DETECTOR.analyze(name, value, context));
        }
    }

    /**
     * {@link Masker#display} over any text (a URL, a package spec, an image name, a command line):
     * no exception, the same result when applied twice, and no 12-character piece of the private
     * part of a planted fake secret (one written once in the text) survives, wherever the fuzzer
     * glued it.
     */
    @FuzzTest(maxDuration = "90s")
    void display(byte[] data) {
        String raw = new String(data, StandardCharsets.UTF_8);
        Map<String, String> planted = new HashMap<>();
        String text;
        try {
            text = FakeSecrets.expandFakes(raw, new Random(42), planted);
        } catch (IllegalArgumentException unknownKind) {
            text = raw;
            planted.clear();
        }
        String shown = Masker.display(text);
        assertThat(Masker.display(shown)).as("display is stable").isEqualTo(shown);
        for (String secret : planted.values()) {
            if (text.indexOf(secret) != text.lastIndexOf(secret)) {
                continue;
            }
            String body = privatePart(secret);
            for (int i = 0; i + 12 <= body.length(); i++) {
                String piece = body.substring(i, i + 12);
                if (text.indexOf(piece) == text.lastIndexOf(piece)) {
                    assertThat(shown)
                            .as("display of a text holding a %s", secret.substring(0, 3))
                            .doesNotContain(piece);
                }
            }
        }
    }

    /**
     * What must never be shown of a fake secret: all but its public prefix (PEM: the body; URL: the
     * password).
     */
    private static String privatePart(String secret) {
        if (secret.startsWith("-----BEGIN")) {
            return secret.substring(secret.indexOf('\n') + 1, secret.lastIndexOf("-----END"));
        }
        if (secret.startsWith("postgresql://")) {
            return secret.substring(secret.indexOf(':', 13) + 1, secret.indexOf('@'));
        }
        return secret.substring(KnownPrefixes.of(secret).length());
    }

    /**
     * A secret written once in the value must not show in any output field. A secret that also
     * occurs elsewhere in the value (a password equal to part of the scheme or the user name, in
     * any case) may show through that other occurrence: schemes are shown lower-cased.
     */
    static void assertNoLeak(String value, ValueAnalysis a) {
        List<String> secrets = new ArrayList<>();
        for (Detection d : a.detections()) {
            secrets.add(d.secret());
        }
        for (DbUrl db : a.databases()) {
            if (db.password() != null) {
                secrets.add(db.password().secret());
            }
        }
        List<String> shown = new ArrayList<>(a.explanation());
        for (Detection d : allDetections(a)) {
            shown.addAll(
                    List.of(
                            d.kind(),
                            d.tier(),
                            d.provider(),
                            d.masked(),
                            d.confidence(),
                            d.detector(),
                            d.toString()));
        }
        for (String secret : secrets) {
            assertThat(secret).isNotEmpty();
            String lower = value.toLowerCase(Locale.ROOT);
            String secretLower = secret.toLowerCase(Locale.ROOT);
            if (secret.length() < 8
                    || lower.indexOf(secretLower) != lower.lastIndexOf(secretLower)) {
                continue;
            }
            for (String s : shown) {
                assertThat(s).as("detector output field").doesNotContain(secret);
            }
        }
    }

    private static List<Detection> allDetections(ValueAnalysis a) {
        List<Detection> all = new ArrayList<>(a.detections());
        a.databases().stream()
                .filter(db -> db.password() != null)
                .forEach(db -> all.add(db.password()));
        return all;
    }

    /** UTF-8 text with fake-secret tokens expanded deterministically. */
    static String text(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        return s.contains("@@FAKE:") ? expand(s) : s;
    }

    private static String expand(String s) {
        try {
            return FakeSecrets.expandFakes(s, new Random(42));
        } catch (IllegalArgumentException unknownKind) {
            return s;
        }
    }
}
