package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gitleaks-style true and false positives per provider detector; true positives are generated at
 * run time.
 */
class SecretDetectorTest {

    private final SecretDetector detector = new SecretDetector();

    static Stream<Arguments> truePositives() {
        return Stream.of(
                // fake kind, carrying name, expected kind, expected tier, expected provider
                Arguments.of("stripe-live", "STRIPE_API_KEY", "stripe-secret", "live", "stripe"),
                Arguments.of("stripe-test", "STRIPE_SECRET_KEY", "stripe-secret", "test", "stripe"),
                Arguments.of(
                        "stripe-restricted-live",
                        "STRIPE_KEY",
                        "stripe-restricted",
                        "live",
                        "stripe"),
                Arguments.of(
                        "stripe-publishable-live",
                        "STRIPE_PK",
                        "stripe-publishable",
                        "public",
                        "stripe"),
                Arguments.of(
                        "stripe-webhook",
                        "STRIPE_WEBHOOK_SECRET",
                        "stripe-webhook-secret",
                        "unknown",
                        "stripe"),
                Arguments.of(
                        "github-classic", "GITHUB_TOKEN", "github-classic", "unknown", "github"),
                Arguments.of("github-oauth", null, "github-oauth", "unknown", "github"),
                Arguments.of(
                        "github-fine-grained",
                        "GITHUB_PERSONAL_ACCESS_TOKEN",
                        "github-fine-grained",
                        "unknown",
                        "github"),
                Arguments.of(
                        "supabase-pat",
                        "SUPABASE_ACCESS_TOKEN",
                        "supabase-access-token",
                        "admin",
                        "supabase"),
                Arguments.of(
                        "supabase-secret",
                        "SUPABASE_KEY",
                        "supabase-secret-key",
                        "live",
                        "supabase"),
                Arguments.of(
                        "supabase-service-role-jwt",
                        "SUPABASE_SERVICE_ROLE_KEY",
                        "supabase-service-role-jwt",
                        "live",
                        "supabase"),
                Arguments.of(
                        "supabase-anon-jwt",
                        "SUPABASE_ANON_KEY",
                        "supabase-anon-jwt",
                        "public",
                        "supabase"),
                Arguments.of(
                        "aws-access-key", "AWS_ACCESS_KEY_ID", "aws-access-key", "unknown", "aws"),
                Arguments.of(
                        "aws-secret-key",
                        "AWS_SECRET_ACCESS_KEY",
                        "aws-secret-key",
                        "unknown",
                        "aws"),
                Arguments.of("openai", "OPENAI_API_KEY", "openai-api-key", "unknown", "openai"),
                Arguments.of(
                        "openai-legacy", "OPENAI_API_KEY", "openai-api-key", "unknown", "openai"),
                Arguments.of(
                        "openai-admin", "OPENAI_ADMIN_KEY", "openai-admin-key", "admin", "openai"),
                Arguments.of(
                        "anthropic",
                        "ANTHROPIC_API_KEY",
                        "anthropic-api-key",
                        "unknown",
                        "anthropic"),
                Arguments.of(
                        "anthropic-admin",
                        "ANTHROPIC_ADMIN_KEY",
                        "anthropic-admin-key",
                        "admin",
                        "anthropic"),
                Arguments.of("slack-bot", "SLACK_BOT_TOKEN", "slack-bot-token", "unknown", "slack"),
                Arguments.of("slack-app", "SLACK_APP_TOKEN", "slack-app-token", "unknown", "slack"),
                Arguments.of("google", "GOOGLE_API_KEY", "google-api-key", "unknown", "google"),
                Arguments.of(
                        "gitlab",
                        "GITLAB_PERSONAL_ACCESS_TOKEN",
                        "gitlab-pat",
                        "unknown",
                        "gitlab"),
                Arguments.of("npm", "NPM_TOKEN", "npm-token", "unknown", "npm"),
                Arguments.of("linear", "LINEAR_API_KEY", "linear-api-key", "unknown", "linear"),
                Arguments.of("notion", "NOTION_TOKEN", "notion-token", "unknown", "notion"),
                Arguments.of(
                        "notion-legacy", "NOTION_API_KEY", "notion-token", "unknown", "notion"),
                Arguments.of("sentry", "SENTRY_AUTH_TOKEN", "sentry-token", "unknown", "sentry"),
                Arguments.of("brave", "BRAVE_API_KEY", "brave-search-key", "unknown", "brave"),
                Arguments.of(
                        "brave", "X-Subscription-Token", "brave-search-key", "unknown", "brave"),
                Arguments.of("private-key", "SSH_PRIVATE_KEY", "private-key", "unknown", "unknown"),
                Arguments.of("generic-base62", "ACME_API_KEY", "generic", "unknown", "unknown"),
                Arguments.of("generic-hex40", "clientSecret", "generic", "unknown", "unknown"));
    }

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @MethodSource("truePositives")
    void generatedSecret_isDetectedWithKindTierAndProvider(
            String fake, String name, String kind, String tier, String provider) {
        for (long seed = 0; seed < 25; seed++) {
            String secret = FakeSecrets.generate(fake, new Random(seed));
            ValueAnalysis a = detector.analyze(name, secret, ValueContext.ENV);
            assertThat(a.detections()).as("seed %d: %s", seed, a.explanation()).hasSize(1);
            Detection d = a.detections().get(0);
            assertThat(d.kind()).isEqualTo(kind);
            assertThat(d.tier()).isEqualTo(tier);
            assertThat(d.provider()).isEqualTo(provider);
            assertThat(d.secret()).isEqualTo(secret);
            int mid = secret.length() / 2;
            assertThat(d.masked()).doesNotContain(secret.substring(mid - 6, mid + 6));
        }
    }

    static Stream<Arguments> falsePositives() {
        return Stream.of(
                // the documented Stripe placeholder: known prefix + "your ... here" (step 6)
                Arguments.of("STRIPE_SECRET_KEY", "sk_test_your_test_key_here"),
                // GitHub's README placeholder (step 6 'your')
                Arguments.of(
                        "GITHUB_PERSONAL_ACCESS_TOKEN", "ghp_your_github_personal_access_token"),
                // Slack's placeholder matches the Slack regex, but the body says 'your' (step 6)
                Arguments.of("SLACK_BOT_TOKEN", "xoxb-your-slack-bot-token"),
                // wrapped in angle brackets (step 2)
                Arguments.of("API_KEY", "<YOUR_TOKEN>"),
                Arguments.of("API_KEY", "[api-key]"),
                Arguments.of("API_KEY", "{secret}"),
                // references of every client syntax (step 1)
                Arguments.of("API_KEY", "${API_KEY}"),
                Arguments.of("API_KEY", "${API_KEY:-}"),
                Arguments.of("API_KEY", "${env:API_KEY}"),
                Arguments.of("API_KEY", "${input:api-key}"),
                Arguments.of("API_KEY", "{env:API_KEY}"),
                Arguments.of("API_KEY", "$API_KEY"),
                Arguments.of("API_KEY", "%API_KEY%"),
                Arguments.of("API_KEY", "${{ secrets.API_KEY }}"),
                Arguments.of("Authorization", "Bearer ${GITHUB_TOKEN}"),
                // AWS's published documentation key (step 5)
                Arguments.of("AWS_ACCESS_KEY_ID", "AKIA" + "IOSFODNN7EXAMPLE"),
                Arguments.of(
                        "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY"),
                // the default local Postgres login (step 4)
                Arguments.of(
                        "DATABASE_URL", "postgresql://postgres:postgres@localhost:5432/postgres"),
                // masked values (step 2)
                Arguments.of("API_KEY", "sk_live_…"),
                Arguments.of("API_KEY", "sk-proj-..."),
                Arguments.of("API_KEY", "********************"),
                Arguments.of("API_KEY", "REDACTED"),
                // repeated characters and ascending runs (step 6 'xxx' / step 7)
                Arguments.of("GITHUB_TOKEN", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
                Arguments.of("STRIPE_KEY", "sk_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                Arguments.of("API_KEY", "abcdefghijklmnopqrstuvwxyz0123"),
                Arguments.of("API_KEY", "0123456789012345678901234567890"),
                // low-entropy body: a repeated word, like the corpus fakes (step 7)
                Arguments.of("STRIPE_KEY", "sk_live_" + "FAKE0".repeat(6)),
                Arguments.of("SUPABASE_ACCESS_TOKEN", "sbp_" + "fa4e0".repeat(8)),
                // short values (step 3)
                Arguments.of("API_KEY", "abc123"),
                // secret-named but not random: a word, a path, a URL
                Arguments.of("API_KEY", "changeme"),
                Arguments.of("SSH_KEY", "~/.ssh/id_ed25519"),
                Arguments.of("TOKEN", "https://auth.example.org/token"),
                Arguments.of("PASSWORD", "your-password-here"),
                // not a secret-named key at all, random or not
                Arguments.of("PROJECT_ID", "f9a8c7e6d5b4a3928171"),
                // Liferay's demo login test@liferay.com:test (Basic with a default password, step
                // 4)
                Arguments.of("Authorization", "Basic dGVzdEBsaWZlcmF5LmNvbTp0ZXN0"),
                // the Supabase local-dev sample key (step 5)
                Arguments.of("SUPABASE_KEY", demoJwt()));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("falsePositives")
    void placeholderOrReference_isNotDetected(String name, String value) {
        ValueAnalysis a = detector.analyze(name, value, ValueContext.ENV);
        assertThat(a.hasSecret()).as(String.join("; ", a.explanation())).isFalse();
    }

    @Test
    void githubTokenWithInvalidChecksum_isReportedAtLowConfidence() {
        String token = FakeSecrets.generate("github-classic-bad-checksum", new Random(7));
        Detection d = detector.analyze("GITHUB_TOKEN", token, ValueContext.ENV).detections().get(0);
        assertThat(d.confidence()).isEqualTo("low");
        assertThat(d.detector()).contains("step 8 checksum invalid");
    }

    @Test
    void githubTokenWithValidChecksum_isHighConfidence() {
        Detection d =
                detector.analyze(
                                null,
                                FakeSecrets.generate("github-classic", new Random(7)),
                                ValueContext.ARG)
                        .detections()
                        .get(0);
        assertThat(d.confidence()).isEqualTo("high");
        assertThat(d.detector()).contains("step 8 checksum valid");
    }

    @Test
    void temporaryAwsKeyAndFineGrainedPat_areExpiring() {
        Random rnd = new Random(3);
        assertThat(
                        detector.analyze(
                                        null,
                                        FakeSecrets.generate("aws-temporary-key", rnd),
                                        ValueContext.ENV)
                                .detections()
                                .get(0)
                                .expiring())
                .isTrue();
        assertThat(
                        detector.analyze(
                                        null,
                                        FakeSecrets.generate("github-fine-grained", rnd),
                                        ValueContext.ENV)
                                .detections()
                                .get(0)
                                .expiring())
                .isTrue();
        assertThat(
                        detector.analyze(
                                        null,
                                        FakeSecrets.generate("github-classic", rnd),
                                        ValueContext.ENV)
                                .detections()
                                .get(0)
                                .expiring())
                .isFalse();
    }

    @Test
    void providerKeyInsideLongerText_isFoundAtItsOffset() {
        String key = FakeSecrets.generate("stripe-live", new Random(1));
        String value = "--api-key=" + key + " --verbose";
        Detection d = detector.analyze(null, value, ValueContext.ARG).detections().get(0);
        assertThat(value.substring(d.start(), d.end())).isEqualTo(key);
    }

    @Test
    void literalDefaultOfAReference_isStillDetected() {
        String key = FakeSecrets.generate("stripe-live", new Random(2));
        ValueAnalysis a =
                detector.analyze("STRIPE_KEY", "${STRIPE_KEY:-" + key + "}", ValueContext.ENV);
        assertThat(a.references()).extracting(Reference::variable).containsExactly("STRIPE_KEY");
        assertThat(a.detections()).extracting(Detection::kind).containsExactly("stripe-secret");
    }

    @Test
    void braveKeyWithoutBraveName_isNotAProviderDetection() {
        String key = FakeSecrets.generate("brave", new Random(4));
        assertThat(detector.analyze("SEARCH_ID", key, ValueContext.ENV).detections()).isEmpty();
    }

    static String demoJwt() {
        java.util.Base64.Encoder enc = java.util.Base64.getUrlEncoder().withoutPadding();
        return enc.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes())
                + "."
                + enc.encodeToString(
                        "{\"iss\":\"supabase-demo\",\"role\":\"service_role\",\"exp\":1983812996}"
                                .getBytes())
                + "."
                + "EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU";
    }
}
