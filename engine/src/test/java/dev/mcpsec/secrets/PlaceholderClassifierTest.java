package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each of the nine ordered steps, with the reason it gives. */
class PlaceholderClassifierTest {

    private final PlaceholderClassifier classifier = new PlaceholderClassifier();

    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of("${GITHUB_TOKEN}", "GITHUB_TOKEN", "env"),
                Arguments.of("${API_BASE:-https://api.example.com}", "API_BASE", "env"),
                Arguments.of("${env:SOME_API_KEY}", "SOME_API_KEY", "env"),
                Arguments.of("Bearer ${input:gh-pat}", "gh-pat", "input"),
                Arguments.of("${workspaceFolder}/.env", "workspaceFolder", "other"),
                Arguments.of("${file:/run/secrets/key}", "/run/secrets/key", "file"),
                Arguments.of("{env:OPENAI_API_KEY}", "OPENAI_API_KEY", "env"),
                Arguments.of("{file:~/.secrets/key}", "~/.secrets/key", "file"),
                Arguments.of(
                        "${{ secrets.SUPABASE_ACCESS_TOKEN }}", "SUPABASE_ACCESS_TOKEN", "secret"),
                Arguments.of("${{ inputs.token }}", "token", "input"),
                Arguments.of("{{apiKey}}", "apiKey", "other"),
                Arguments.of("$(cat ~/.token)", "cat ~/.token", "other"),
                Arguments.of("$BRAVE_API_KEY", "BRAVE_API_KEY", "env"),
                Arguments.of("%APPDATA%\\npm", "APPDATA", "env"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void interpolation_isAReferenceWithItsVariableAndSyntax(
            String value, String variable, String syntax) {
        Classification c = classifier.classify(value);
        assertThat(c.verdict()).isEqualTo(Verdict.REFERENCE);
        assertThat(c.step()).isEqualTo(1);
        assertThat(c.references()).first().isEqualTo(new Reference(variable, syntax));
    }

    static Stream<Arguments> placeholders() {
        return Stream.of(
                Arguments.of("<YOUR_API_KEY>", 2, "wrapped in <>"),
                Arguments.of("[REDACTED_API_KEY]", 2, "wrapped in []"),
                Arguments.of("sk-proj-abc...xyz0", 2, "masked with '...'"),
                Arguments.of("ghp_••••••••1234", 2, "masked with '••'"),
                Arguments.of("REDACTED", 2, "says 'redacted'"),
                Arguments.of("abc123", 3, "shorter than 8"),
                Arguments.of(
                        "postgres://app:changeme@db.example.net/app",
                        4,
                        "default password 'changeme'"),
                Arguments.of("AKIA" + "IOSFODNN7EXAMPLE", 5, "published example"),
                Arguments.of("sk_test_your_test_key_here", 6, "body word 'your'"),
                Arguments.of("YOUR_BRAVE_API_KEY", 6, "body word 'your'"),
                Arguments.of("myApiKeyGoesHere", 6, "body word 'my'"),
                Arguments.of("xoxb-XXXXXXXXXXXX-XXXXXXXXXXXXX", 6, "body word 'xxx'"),
                Arguments.of("change_me_please", 6, "'change_me'"),
                Arguments.of("sk_live_" + "Ab1".repeat(3) + "Q".repeat(10), 7, "repeated"),
                Arguments.of("token_abcdefghijklmnopq", 7, "ascending run"),
                Arguments.of("sbp_" + "fa4e0".repeat(8), 7, "entropy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placeholders")
    void placeholder_isDecidedByTheExpectedStepWithAReason(
            String value, int step, String reasonPart) {
        Classification c = classifier.classify(value);
        assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.PLACEHOLDER);
        assertThat(c.step()).isEqualTo(step);
        assertThat(c.reason()).startsWith("step " + step).contains(reasonPart);
    }

    @Test
    void randomTokens_areLiteralsAcrossManySeeds() {
        Random rnd = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            for (String kind :
                    new String[] {
                        "stripe-live",
                        "github-classic",
                        "npm",
                        "supabase-pat",
                        "openai",
                        "generic-base62",
                        "generic-hex40",
                        "aws-access-key",
                        "slack-bot"
                    }) {
                String v = FakeSecrets.generate(kind, rnd);
                assertThat(classifier.classify(v).verdict())
                        .as(kind + " " + classifier.classify(v).reason())
                        .isEqualTo(Verdict.LITERAL);
            }
        }
    }

    @Test
    void checksumBearingPrefixes_reportTheChecksumAtStep8() {
        Random rnd = new Random(5);
        Classification valid = classifier.classify(FakeSecrets.generate("npm", rnd));
        Classification invalid =
                classifier.classify(FakeSecrets.generate("github-classic-bad-checksum", rnd));
        assertThat(valid.step()).isEqualTo(8);
        assertThat(valid.checksum()).isEqualTo(Checksum.VALID);
        assertThat(invalid.checksum()).isEqualTo(Checksum.INVALID);
        assertThat(invalid.verdict()).isEqualTo(Verdict.LITERAL);
    }

    @Test
    void otherLiterals_endAtStep9WithoutChecksum() {
        Classification c = classifier.classify(FakeSecrets.generate("stripe-live", new Random(1)));
        assertThat(c.step()).isEqualTo(9);
        assertThat(c.checksum()).isEqualTo(Checksum.NOT_APPLICABLE);
    }

    @Test
    void urlPasswords_areShortAllowedButDefaultsArePlaceholders() {
        assertThat(classifier.classifyPassword("k9#Q").verdict()).isEqualTo(Verdict.LITERAL);
        assertThat(classifier.classifyPassword("abc").step()).isEqualTo(3);
        assertThat(classifier.classifyPassword("Postgres").reason())
                .isEqualTo("step 4 default password 'postgres'");
        assertThat(classifier.classify("postgresql://u:Zq8vLk2pWx4r@db.example.net/x").verdict())
                .isEqualTo(Verdict.LITERAL);
    }

    @Test
    void reasons_neverContainTheValue() {
        String secret = FakeSecrets.generate("stripe-live", new Random(9));
        assertThat(classifier.classify(secret).reason()).doesNotContain(secret.substring(8));
        assertThat(classifier.classify("<" + secret + ">").reason())
                .doesNotContain(secret.substring(8));
    }
}
