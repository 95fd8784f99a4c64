package dev.mcpsec.secrets;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One provider format: a cheap literal anchor checked before the regex, and how a match maps to
 * kind and tier.
 *
 * @param anchors literal substrings at least one of which every match contains (the prefilter)
 * @param needsChecksum the body ends with a CRC32/base62 checksum
 */
record ProviderRule(
        String detector,
        String provider,
        List<String> anchors,
        Pattern pattern,
        Mapper mapper,
        boolean needsChecksum) {

    /** Kind, tier and expiry of one match. */
    record Shape(String kind, String tier, boolean expiring) {}

    /** Maps a regex match to its shape. */
    interface Mapper {
        Shape shape(Matcher m);
    }

    boolean mayMatch(String value) {
        for (String a : anchors) {
            if (value.indexOf(a) >= 0) {
                return true;
            }
        }
        return false;
    }

    static ProviderRule of(
            String detector,
            String provider,
            String anchor,
            String regex,
            String kind,
            String tier,
            boolean expiring) {
        return new ProviderRule(
                detector,
                provider,
                List.of(anchor),
                Pattern.compile(regex),
                m -> new Shape(kind, tier, expiring),
                false);
    }

    /** The built-in rules, in the order they claim a span of the value. */
    static List<ProviderRule> builtIn() {
        return List.of(
                new ProviderRule(
                        "stripe",
                        "stripe",
                        List.of("k_live_", "k_test_"),
                        Pattern.compile("\\b([rsp])k_(live|test)_[A-Za-z0-9]{24,247}\\b"),
                        m -> {
                            String kind =
                                    switch (m.group(1)) {
                                        case "s" -> "stripe-secret";
                                        case "r" -> "stripe-restricted";
                                        default -> "stripe-publishable";
                                    };
                            String tier = m.group(1).equals("p") ? "public" : m.group(2);
                            return new Shape(kind, tier, false);
                        },
                        false),
                new ProviderRule(
                        "braintree",
                        "braintree",
                        List.of("access_token$"),
                        Pattern.compile(
                                "\\baccess_token\\$(production|sandbox)\\$[0-9a-z]{16}\\$[0-9a-f]{32}\\b"),
                        m ->
                                new Shape(
                                        "braintree-access-token",
                                        m.group(1).equals("production") ? "live" : "test",
                                        false),
                        false),
                new ProviderRule(
                        "square-legacy",
                        "square",
                        List.of("sq0atp-", "sq0atb-", "sq0csp-", "sq0csb-"),
                        Pattern.compile("(?<![\\w-])(sandbox-)?sq0(at|cs)[pb]-[\\w-]{22,43}"),
                        m ->
                                new Shape(
                                        m.group(2).equals("at")
                                                ? "square-access-token"
                                                : "square-application-secret",
                                        m.group(1) != null ? "test" : "unknown",
                                        false),
                        false),
                of(
                        "stripe-webhook",
                        "stripe",
                        "whsec_",
                        "\\bwhsec_[A-Za-z0-9]{32,}\\b",
                        "stripe-webhook-secret",
                        "unknown",
                        false),
                new ProviderRule(
                        "github-classic",
                        "github",
                        List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
                        Pattern.compile("\\bgh([pousr])_[A-Za-z0-9]{36,251}\\b"),
                        m ->
                                switch (m.group(1)) {
                                    case "p" -> new Shape("github-classic", "unknown", false);
                                    case "o" -> new Shape("github-oauth", "unknown", false);
                                    case "u" -> new Shape("github-user-to-server", "unknown", true);
                                    case "s" ->
                                            new Shape("github-server-to-server", "unknown", true);
                                    default -> new Shape("github-refresh", "unknown", true);
                                },
                        true),
                of(
                        "github-fine-grained",
                        "github",
                        "github_pat_",
                        "\\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\\b",
                        "github-fine-grained",
                        "unknown",
                        true),
                of(
                        "supabase-access-token",
                        "supabase",
                        "sbp_",
                        "\\bsbp_(?:v0_)?[a-f0-9]{40}\\b",
                        "supabase-access-token",
                        "admin",
                        false),
                of(
                        "supabase-secret-key",
                        "supabase",
                        "sb_secret_",
                        "\\bsb_secret_[A-Za-z0-9-]{22}_[A-Za-z0-9-]{8}\\b",
                        "supabase-secret-key",
                        "live",
                        false),
                of(
                        "supabase-publishable-key",
                        "supabase",
                        "sb_publishable_",
                        "\\bsb_publishable_[A-Za-z0-9-]{22}_[A-Za-z0-9-]{8}\\b",
                        "supabase-publishable-key",
                        "public",
                        false),
                new ProviderRule(
                        "aws-access-key",
                        "aws",
                        List.of("AKIA", "ASIA", "ABIA", "ACCA"),
                        Pattern.compile("\\b(AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\\b"),
                        m -> new Shape("aws-access-key", "unknown", m.group(1).equals("ASIA")),
                        false),
                of(
                        "anthropic",
                        "anthropic",
                        "sk-ant-api03-",
                        "\\bsk-ant-api03-[\\w-]{80,}",
                        "anthropic-api-key",
                        "unknown",
                        false),
                of(
                        "anthropic-admin",
                        "anthropic",
                        "sk-ant-admin01-",
                        "\\bsk-ant-admin01-[\\w-]{80,}",
                        "anthropic-admin-key",
                        "admin",
                        false),
                new ProviderRule(
                        "openai",
                        "openai",
                        List.of("sk-proj-", "sk-svcacct-", "sk-admin-"),
                        Pattern.compile("\\bsk-(proj|svcacct|admin)-[\\w-]{20,}"),
                        m ->
                                new Shape(
                                        m.group(1).equals("admin")
                                                ? "openai-admin-key"
                                                : "openai-api-key",
                                        m.group(1).equals("admin") ? "admin" : "unknown",
                                        false),
                        false),
                of(
                        "openai-legacy",
                        "openai",
                        "T3BlbkFJ",
                        "\\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\\b",
                        "openai-api-key",
                        "unknown",
                        false),
                new ProviderRule(
                        "slack",
                        "slack",
                        List.of("xoxb-", "xoxp-", "xoxa-", "xoxs-"),
                        Pattern.compile("\\bxox([bpas])-[0-9A-Za-z-]{20,}"),
                        m ->
                                switch (m.group(1)) {
                                    case "b" -> new Shape("slack-bot-token", "unknown", false);
                                    case "p" -> new Shape("slack-user-token", "unknown", false);
                                    case "a" ->
                                            new Shape("slack-workspace-token", "unknown", false);
                                    default -> new Shape("slack-session-token", "unknown", false);
                                },
                        false),
                of(
                        "slack-app",
                        "slack",
                        "xapp-",
                        "\\bxapp-\\d-[A-Z0-9]+-\\d+-[a-f0-9]+",
                        "slack-app-token",
                        "unknown",
                        false),
                of(
                        "google-api-key",
                        "google",
                        "AIza",
                        "\\bAIza[\\w-]{35}\\b",
                        "google-api-key",
                        "unknown",
                        false),
                of(
                        "gitlab-pat",
                        "gitlab",
                        "glpat-",
                        "\\bglpat-[\\w-]{20,}",
                        "gitlab-pat",
                        "unknown",
                        false),
                new ProviderRule(
                        "npm",
                        "npm",
                        List.of("npm_"),
                        Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b"),
                        m -> new Shape("npm-token", "unknown", false),
                        true),
                of(
                        "linear",
                        "linear",
                        "lin_api_",
                        "\\blin_api_[A-Za-z0-9]{40}\\b",
                        "linear-api-key",
                        "unknown",
                        false),
                of(
                        "notion",
                        "notion",
                        "ntn_",
                        "\\bntn_[A-Za-z0-9]{40,}\\b",
                        "notion-token",
                        "unknown",
                        false),
                of(
                        "sentry",
                        "sentry",
                        "sntry",
                        "\\bsntry[us]_[\\w=+/-]{40,}",
                        "sentry-token",
                        "unknown",
                        false));
    }

    /** Rules that only apply when the value's name points at the provider. */
    static final ProviderRule NOTION_LEGACY =
            of(
                    "notion-legacy",
                    "notion",
                    "secret_",
                    "\\bsecret_[A-Za-z0-9]{43}\\b",
                    "notion-token",
                    "unknown",
                    false);

    /**
     * Formats that share Stripe's {@code sk_live_}/{@code sk_test_} shape or are too plain to match
     * alone ({@code live_…}, {@code EAAA…}): they apply, before the built-in rules, only when a
     * word of the value's name names the provider ({@code PAYSTACK_SECRET_KEY}, {@code
     * CLERK_SECRET_KEY}, {@code MOLLIE_API_KEY}, {@code SQUARE_ACCESS_TOKEN}).
     */
    static final Map<String, ProviderRule> BY_NAME =
            Map.of(
                    "paystack", liveTest("paystack", "paystack-secret", "paystack-public"),
                    "clerk", liveTest("clerk", "clerk-secret", "clerk-publishable"),
                    "mollie",
                            new ProviderRule(
                                    "mollie",
                                    "mollie",
                                    List.of("live_", "test_"),
                                    Pattern.compile("\\b(live|test)_[A-Za-z0-9]{30,}\\b"),
                                    m -> new Shape("mollie-api-key", m.group(1), false),
                                    false),
                    "square",
                            of(
                                    "square",
                                    "square",
                                    "EAAA",
                                    "\\bEAAA[\\w-]{60,}",
                                    "square-access-token",
                                    "unknown",
                                    false));

    /**
     * A provider whose keys say live or test the way Stripe's do: {@code sk_live_}, {@code
     * pk_test_}.
     */
    private static ProviderRule liveTest(String provider, String secretKind, String publicKind) {
        return new ProviderRule(
                provider,
                provider,
                List.of("k_live_", "k_test_"),
                Pattern.compile("\\b([sp])k_(live|test)_[A-Za-z0-9]{20,}\\b"),
                m ->
                        m.group(1).equals("p")
                                ? new Shape(publicKind, "public", false)
                                : new Shape(secretKind, m.group(2), false),
                false);
    }

    /** Providers whose key format states live or test: a name or host marker never overrides it. */
    static final Set<String> FORMAT_TIERED =
            Set.of("stripe", "paystack", "clerk", "mollie", "braintree");

    static final ProviderRule BRAVE =
            of(
                    "brave",
                    "brave",
                    "BSA",
                    "\\bBSA[\\w-]{20,}\\b",
                    "brave-search-key",
                    "unknown",
                    false);
}
