package dev.mcpsec.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds secret-shaped values at run time so that no fixture or test source holds one: fixtures say
 * {@code @@FAKE:stripe-live@@} and {@link #expandFakes} fills in a fresh value of that shape.
 */
public final class FakeSecrets {

    /** Every kind {@link #generate} accepts. */
    public static final List<String> KINDS =
            List.of(
                    "stripe-live",
                    "stripe-test",
                    "stripe-restricted-live",
                    "stripe-publishable-live",
                    "stripe-webhook",
                    "github-classic",
                    "github-classic-bad-checksum",
                    "github-oauth",
                    "github-fine-grained",
                    "supabase-pat",
                    "supabase-secret",
                    "supabase-service-role-jwt",
                    "supabase-anon-jwt",
                    "slack-bot",
                    "slack-app",
                    "notion",
                    "notion-legacy",
                    "openai",
                    "openai-legacy",
                    "openai-admin",
                    "anthropic",
                    "anthropic-admin",
                    "aws-access-key",
                    "aws-temporary-key",
                    "aws-secret-key",
                    "gitlab",
                    "npm",
                    "linear",
                    "brave",
                    "google",
                    "sentry",
                    "private-key",
                    "postgres-url",
                    "generic-hex40",
                    "generic-base62",
                    "paystack-live",
                    "paystack-test",
                    "clerk-live",
                    "clerk-test",
                    "mollie-live",
                    "mollie-test",
                    "braintree-production",
                    "braintree-sandbox",
                    "square-token",
                    "square-sandbox",
                    "supabase-publishable",
                    "odd-claims-jwt");

    private static final String ALNUM =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final String LOWER_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String AWS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String URLSAFE = ALNUM + "-_";
    private static final Pattern TOKEN = Pattern.compile("@@FAKE:([a-z0-9-]+)@@");

    private FakeSecrets() {}

    /** A fresh value of the given kind; unknown kinds are an {@link IllegalArgumentException}. */
    public static String generate(String kind, Random rnd) {
        return switch (kind) {
            case "stripe-live" -> "sk_" + "live_" + random(ALNUM, 99, rnd);
            case "stripe-test" -> "sk_" + "test_" + random(ALNUM, 99, rnd);
            case "stripe-restricted-live" -> "rk_" + "live_" + random(ALNUM, 99, rnd);
            case "stripe-publishable-live" -> "pk_" + "live_" + random(ALNUM, 99, rnd);
            case "stripe-webhook" -> "whsec_" + random(ALNUM, 32, rnd);
            case "github-classic" -> withChecksum("gh" + "p_", random(ALNUM, 30, rnd));
            case "github-oauth" -> withChecksum("gh" + "o_", random(ALNUM, 30, rnd));
            case "github-classic-bad-checksum" -> badChecksum("gh" + "p_", rnd);
            case "github-fine-grained" ->
                    "github_" + "pat_" + random(ALNUM, 22, rnd) + "_" + random(ALNUM, 59, rnd);
            case "supabase-pat" -> "sb" + "p_" + random(HEX, 40, rnd);
            case "supabase-secret" ->
                    "sb_" + "secret_" + random(ALNUM, 22, rnd) + "_" + random(ALNUM, 8, rnd);
            case "supabase-service-role-jwt" -> jwt("service_role", "supabase", rnd);
            case "supabase-anon-jwt" -> jwt("anon", "supabase", rnd);
            case "slack-bot" ->
                    "xo"
                            + "xb-"
                            + digits(12, rnd)
                            + "-"
                            + digits(13, rnd)
                            + "-"
                            + random(ALNUM, 24, rnd);
            case "slack-app" ->
                    "xa"
                            + "pp-1-A"
                            + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10, rnd)
                            + "-"
                            + digits(13, rnd)
                            + "-"
                            + random(HEX, 64, rnd);
            case "notion" -> "nt" + "n_" + random(ALNUM, 46, rnd);
            case "notion-legacy" -> "secret" + "_" + random(ALNUM, 43, rnd);
            case "openai" -> "sk-" + "proj-" + random(URLSAFE, 120, rnd);
            case "openai-legacy" ->
                    "sk-" + random(ALNUM, 20, rnd) + "T3Blbk" + "FJ" + random(ALNUM, 20, rnd);
            case "openai-admin" -> "sk-" + "admin-" + random(URLSAFE, 80, rnd);
            case "anthropic" -> "sk-" + "ant-api03-" + random(URLSAFE, 93, rnd) + "AA";
            case "anthropic-admin" -> "sk-" + "ant-admin01-" + random(URLSAFE, 93, rnd) + "AA";
            case "aws-access-key" -> "AK" + "IA" + random(AWS, 16, rnd);
            case "aws-temporary-key" -> "AS" + "IA" + random(AWS, 16, rnd);
            case "aws-secret-key" -> random(ALNUM + "/+", 40, rnd);
            case "gitlab" -> "gl" + "pat-" + random(URLSAFE, 20, rnd);
            case "npm" -> withChecksum("np" + "m_", random(ALNUM, 30, rnd));
            case "linear" -> "lin_" + "api_" + random(ALNUM, 40, rnd);
            case "brave" -> "BS" + "A" + random(ALNUM, 27, rnd);
            case "google" -> "AI" + "za" + random(URLSAFE, 35, rnd);
            case "sentry" -> "sntr" + "ys_" + random(ALNUM, 60, rnd);
            case "private-key" -> privateKey(rnd);
            case "postgres-url" ->
                    "postgresql://app:"
                            + random(ALNUM, 20, rnd)
                            + "@db.internal.example.net:5432/app";
            case "generic-hex40" -> random(HEX, 40, rnd);
            case "generic-base62" -> random(ALNUM, 32, rnd);
            case "paystack-live" -> "sk_" + "live_" + random(HEX, 40, rnd);
            case "paystack-test" -> "sk_" + "test_" + random(HEX, 40, rnd);
            case "clerk-live" -> "sk_" + "live_" + random(ALNUM, 42, rnd);
            case "clerk-test" -> "sk_" + "test_" + random(ALNUM, 42, rnd);
            case "mollie-live" -> "live" + "_" + random(ALNUM, 30, rnd);
            case "mollie-test" -> "test" + "_" + random(ALNUM, 30, rnd);
            case "braintree-production" ->
                    "access_token$"
                            + "production$"
                            + random(LOWER_DIGITS, 16, rnd)
                            + "$"
                            + random(HEX, 32, rnd);
            case "braintree-sandbox" ->
                    "access_token$"
                            + "sandbox$"
                            + random(LOWER_DIGITS, 16, rnd)
                            + "$"
                            + random(HEX, 32, rnd);
            case "square-token" -> "EA" + "AA" + random(URLSAFE, 60, rnd);
            case "square-sandbox" -> "sandbox-" + "sq0atb-" + random(URLSAFE, 22, rnd);
            case "supabase-publishable" ->
                    "sb_" + "publishable_" + random(ALNUM, 22, rnd) + "_" + random(ALNUM, 8, rnd);
            case "odd-claims-jwt" -> jwt("backend", "acme-auth", rnd);
            default ->
                    throw new IllegalArgumentException(
                            "unknown fake secret kind '" + kind + "', known: " + KINDS);
        };
    }

    /**
     * Replaces every {@code @@FAKE:<kind>@@} token in {@code text}; the same token text gets the
     * same value within one call, so a fixture can reuse one key in two files' worth of text.
     */
    public static String expandFakes(String text, Random rnd) {
        return expandFakes(text, rnd, new HashMap<>());
    }

    /**
     * As {@link #expandFakes(String, Random)}, sharing token values across calls through {@code
     * values}.
     */
    public static String expandFakes(String text, Random rnd, Map<String, String> values) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            String value = values.computeIfAbsent(m.group(), t -> generate(m.group(1), rnd));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String withChecksum(String prefix, String payload) {
        return prefix + payload + GithubChecksum.compute(payload);
    }

    private static String badChecksum(String prefix, Random rnd) {
        String payload = random(ALNUM, 30, rnd);
        String good = GithubChecksum.compute(payload);
        String bad = random(ALNUM, 6, rnd);
        return prefix
                + payload
                + (bad.equals(good) ? "zzzzzz".equals(good) ? "yyyyyy" : "zzzzzz" : bad);
    }

    private static String jwt(String role, String iss, Random rnd) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String header =
                enc.encodeToString(
                        "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long iat = 1_700_000_000L + rnd.nextInt(10_000_000);
        String claims =
                "{\"iss\":\""
                        + iss
                        + "\",\"ref\":\""
                        + random("abcdefghijklmnopqrstuvwxyz", 20, rnd)
                        + "\",\"role\":\""
                        + role
                        + "\",\"iat\":"
                        + iat
                        + ",\"exp\":"
                        + (iat + 315_360_000L)
                        + "}";
        return header
                + "."
                + enc.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "."
                + random(URLSAFE, 43, rnd);
    }

    private static String privateKey(Random rnd) {
        StringBuilder b = new StringBuilder("-----BEGIN " + "PRIVATE KEY-----\n");
        for (int i = 0; i < 8; i++) {
            b.append(random(ALNUM + "+/", 64, rnd)).append('\n');
        }
        return b.append("-----END " + "PRIVATE KEY-----").toString();
    }

    private static String digits(int n, Random rnd) {
        return random("0123456789", n, rnd);
    }

    private static String random(String alphabet, int n, Random rnd) {
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
        }
        return new String(out);
    }
}
