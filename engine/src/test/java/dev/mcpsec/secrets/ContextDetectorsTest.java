package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Database URLs, private keys, Authorization values, URL credentials, generic names and production
 * markers.
 */
class ContextDetectorsTest {

    private final SecretDetector detector = new SecretDetector();
    private final Random rnd = new Random(42);

    private String password() {
        return FakeSecrets.generate("generic-base62", rnd).substring(0, 20);
    }

    @Test
    void postgresUrlWithRealPassword_givesTargetAndPasswordDetection() {
        String pw = password();
        ValueAnalysis a =
                detector.analyze(
                        "DATABASE_URL",
                        "postgresql://app_user:"
                                + pw
                                + "@db.prod.acme.io:6543/orders?sslmode=require",
                        ValueContext.ENV);
        assertThat(a.databases()).hasSize(1);
        DbUrl db = a.databases().get(0);
        assertThat(db.scheme()).isEqualTo("postgresql");
        assertThat(db.host()).isEqualTo("db.prod.acme.io");
        assertThat(db.port()).isEqualTo(6543);
        assertThat(db.database()).isEqualTo("orders");
        assertThat(db.user()).isEqualTo("app_user");
        assertThat(db.hasPassword()).isTrue();
        assertThat(db.loopback()).isFalse();
        assertThat(db.password().kind()).isEqualTo("database-password");
        assertThat(db.password().tier()).isEqualTo("live");
        assertThat(db.password().secret()).isEqualTo(pw);
        assertThat(a.hasSecret()).isTrue();
    }

    @Test
    void everyDatabaseScheme_isParsed() {
        for (String scheme :
                List.of(
                        "postgres",
                        "mysql",
                        "mariadb",
                        "mongodb",
                        "mongodb+srv",
                        "redis",
                        "rediss",
                        "amqp",
                        "amqps",
                        "mssql",
                        "sqlserver")) {
            ValueAnalysis a =
                    detector.analyze(
                            null,
                            scheme + "://u:" + password() + "@h.example.net/db",
                            ValueContext.ARG);
            assertThat(a.databases()).as(scheme).extracting(DbUrl::scheme).containsExactly(scheme);
            assertThat(a.databases().get(0).password()).as(scheme).isNotNull();
        }
    }

    @Test
    void loopbackDatabaseWithDefaultPassword_isATargetWithoutSecret() {
        ValueAnalysis a =
                detector.analyze(
                        null,
                        "postgresql://postgres:postgres@127.0.0.1/postgres",
                        ValueContext.ARG);
        assertThat(a.databases().get(0).loopback()).isTrue();
        assertThat(a.databases().get(0).hasPassword()).isTrue();
        assertThat(a.databases().get(0).password()).isNull();
        assertThat(a.explanation()).anyMatch(e -> e.contains("step 4 default password 'postgres'"));
    }

    @Test
    void databaseUrlWithReferencedPassword_hasPasswordButNoDetection() {
        ValueAnalysis a =
                detector.analyze(null, "mysql://root:${DB_PASSWORD}@db:3306/app", ValueContext.ARG);
        assertThat(a.references()).extracting(Reference::variable).containsExactly("DB_PASSWORD");
        assertThat(a.databases().get(0).hasPassword()).isTrue();
        assertThat(a.hasSecret()).isFalse();
    }

    @Test
    void jdbcUrlsWithPasswordParameterOrUserinfo_areDetected() {
        String pw = password();
        DbUrl q =
                detector.analyze(
                                null,
                                "jdbc:postgresql://db.internal:5432/shop?user=svc&password=" + pw,
                                ValueContext.ARG)
                        .databases()
                        .get(0);
        assertThat(q.scheme()).isEqualTo("jdbc:postgresql");
        assertThat(q.user()).isEqualTo("svc");
        assertThat(q.database()).isEqualTo("shop");
        assertThat(q.password().secret()).isEqualTo(pw);
        DbUrl u =
                detector.analyze(
                                null,
                                "jdbc:mysql://svc:" + pw + "@db.internal/shop",
                                ValueContext.ARG)
                        .databases()
                        .get(0);
        assertThat(u.password().secret()).isEqualTo(pw);
        DbUrl s =
                detector.analyze(
                                null,
                                "jdbc:sqlserver://sql.internal:1433;databaseName=crm;user=sa;password="
                                        + pw,
                                ValueContext.ARG)
                        .databases()
                        .get(0);
        assertThat(s.database()).isEqualTo("crm");
        assertThat(s.password().secret()).isEqualTo(pw);
    }

    @Test
    void privateKeyWithJsonEscapedNewlines_isDetected() {
        String key = FakeSecrets.generate("private-key", rnd).replace("\n", "\\n");
        Detection d =
                detector.analyze("GOOGLE_PRIVATE_KEY", key, ValueContext.ENV).detections().get(0);
        assertThat(d.kind()).isEqualTo("private-key");
        assertThat(d.confidence()).isEqualTo("high");
        assertThat(d.masked()).isEqualTo("-----BEGIN PRIVATE KEY-----…");
    }

    @Test
    void encryptedPrivateKey_hasLowerConfidence() {
        String key =
                FakeSecrets.generate("private-key", rnd)
                        .replace("BEGIN PRIVATE", "BEGIN ENCRYPTED PRIVATE")
                        .replace("END PRIVATE", "END ENCRYPTED PRIVATE");
        assertThat(detector.analyze(null, key, ValueContext.OTHER).detections().get(0).confidence())
                .isEqualTo("medium");
    }

    @Test
    void privateKeyHeaderWithPlaceholderBody_isNotDetected() {
        ValueAnalysis a =
                detector.analyze(
                        null,
                        "-----BEGIN RSA PRIVATE KEY-----\\n...\\n-----END RSA PRIVATE KEY-----",
                        ValueContext.ENV);
        assertThat(a.detections()).isEmpty();
    }

    @Test
    void bearerWithUnknownRandomToken_isABearerToken() {
        String token = FakeSecrets.generate("generic-base62", rnd);
        Detection d =
                detector.analyze("Authorization", "Bearer " + token, ValueContext.HEADER)
                        .detections()
                        .get(0);
        assertThat(d.kind()).isEqualTo("bearer-token");
        assertThat(d.secret()).isEqualTo(token);
    }

    @Test
    void bearerWithProviderToken_isTheProviderKind() {
        String token = FakeSecrets.generate("github-classic", rnd);
        ValueAnalysis a = detector.analyze("Authorization", "Bearer " + token, ValueContext.HEADER);
        assertThat(a.detections()).extracting(Detection::kind).containsExactly("github-classic");
    }

    @Test
    void basicWithRealPassword_isBasicAuth() {
        String b64 =
                java.util.Base64.getEncoder().encodeToString(("deploy:" + password()).getBytes());
        Detection d =
                detector.analyze("Authorization", "Basic " + b64, ValueContext.HEADER)
                        .detections()
                        .get(0);
        assertThat(d.kind()).isEqualTo("basic-auth");
        assertThat(d.secret()).isEqualTo(b64);
    }

    @Test
    void urlUserinfoAndQueryTokens_areDetected() {
        String pw = password();
        String token = FakeSecrets.generate("generic-base62", rnd);
        ValueAnalysis a =
                detector.analyze(
                        "url",
                        "https://bot:" + pw + "@mcp.acme.dev/sse?api_key=" + token + "&mode=full",
                        ValueContext.URL);
        assertThat(a.detections())
                .extracting(Detection::kind)
                .containsExactly("url-password", "url-query-token");
        assertThat(a.detections()).extracting(Detection::secret).containsExactly(pw, token);
    }

    @Test
    void urlQueryWithProviderKey_isTheProviderKindOnce() {
        String key = FakeSecrets.generate("google", rnd);
        ValueAnalysis a =
                detector.analyze(null, "https://maps.example.net/v1?key=" + key, ValueContext.URL);
        assertThat(a.detections()).extracting(Detection::kind).containsExactly("google-api-key");
    }

    @Test
    void productionMarkerInName_makesAnUnknownTierLive() {
        String token = FakeSecrets.generate("generic-base62", rnd);
        assertThat(
                        detector.analyze("ACME_PROD_API_KEY", token, ValueContext.ENV)
                                .detections()
                                .get(0)
                                .tier())
                .isEqualTo("live");
        assertThat(
                        detector.analyze("ACME_STAGING_API_KEY", token, ValueContext.ENV)
                                .detections()
                                .get(0)
                                .tier())
                .isEqualTo("dev");
        assertThat(
                        detector.analyze("PRODUCT_API_KEY", token, ValueContext.ENV)
                                .detections()
                                .get(0)
                                .tier())
                .isEqualTo("unknown");
    }

    @Test
    void stripeTestKeyUnderAProductionName_staysTest() {
        String key = FakeSecrets.generate("stripe-test", rnd);
        assertThat(
                        detector.analyze("STRIPE_LIVE_KEY", key, ValueContext.ENV)
                                .detections()
                                .get(0)
                                .tier())
                .isEqualTo("test");
    }

    @Test
    void productionMarkers_canBeExtended() {
        SecretDetector org =
                new SecretDetector(
                        DetectorOptions.defaults().withProductionMarkers(List.of("blue")));
        String token = FakeSecrets.generate("generic-base62", rnd);
        assertThat(org.analyze("BLUE_API_KEY", token, ValueContext.ENV).detections().get(0).tier())
                .isEqualTo("live");
        assertThat(org.analyze("PROD_API_KEY", token, ValueContext.ENV).detections().get(0).tier())
                .isEqualTo("unknown");
    }

    @Test
    void serviceRoleKeyMarkedDev_isDevTier() {
        String jwt = FakeSecrets.generate("supabase-service-role-jwt", rnd);
        assertThat(
                        detector.analyze("SUPABASE_DEV_SERVICE_ROLE_KEY", jwt, ValueContext.ENV)
                                .detections()
                                .get(0)
                                .tier())
                .isEqualTo("dev");
    }

    @Test
    void genericNames_coverCommonSpellings() {
        String token = FakeSecrets.generate("generic-base62", rnd);
        for (String name :
                List.of(
                        "API_KEY",
                        "apiKey",
                        "X-API-Key",
                        "authToken",
                        "CLIENT_SECRET",
                        "PASSWORD",
                        "GITLAB_PAT",
                        "--api-key",
                        "db_password")) {
            assertThat(detector.analyze(name, token, ValueContext.ENV).detections())
                    .as(name)
                    .extracting(Detection::kind)
                    .containsExactly("generic");
        }
        for (String name :
                List.of("SUPABASE_PUBLISHABLE_KEY", "PUBLIC_KEY", "TOKEN_URL", "KEY_ID")) {
            assertThat(detector.analyze(name, token, ValueContext.ENV).detections())
                    .as(name)
                    .isEmpty();
        }
    }

    @Test
    void genericPlaceholder_isExplainedByStep() {
        ValueAnalysis a = detector.analyze("API_KEY", "your-api-key-goes-here", ValueContext.ENV);
        assertThat(a.detections()).isEmpty();
        assertThat(a.explanation())
                .containsExactly("generic candidate is a placeholder: step 6 body word 'your'");
    }
}
