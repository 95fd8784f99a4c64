package dev.mcpsec.policies;

import static dev.mcpsec.policies.RuleSession.fire;
import static dev.mcpsec.policies.TestFacts.credential;
import static dev.mcpsec.policies.TestFacts.data;
import static dev.mcpsec.policies.TestFacts.database;
import static dev.mcpsec.policies.TestFacts.expiring;
import static dev.mcpsec.policies.TestFacts.occurrence;
import static dev.mcpsec.policies.TestFacts.remote;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules about credentials handed to servers: production-keys, stripe-test-keys,
 * github-fine-grained, dev-database, key-reuse.
 */
class SecretRulesTest {

    private static List<String> fired(String prefix, Object... facts) {
        return fire(facts).stream().filter(id -> id.startsWith(prefix)).toList();
    }

    @Test
    void liveAndAdminTierCredentials_areProductionKeys() {
        assertThat(
                        fired(
                                "MCP-PROD-",
                                credential("stripe", "STRIPE_SECRET_KEY", "stripe-secret", "live"),
                                credential("sb", "SUPABASE_KEY", "supabase-service-role", "admin")))
                .containsExactly("MCP-PROD-001", "MCP-PROD-001");
    }

    @Test
    void testTierCredentials_areNotProductionKeys_evenInAVariableNamedLive() {
        assertThat(
                        fired(
                                "MCP-PROD-",
                                credential("stripe", "STRIPE_LIVE_KEY", "stripe-secret", "test")))
                .isEmpty();
    }

    @Test
    void unknownTierCredentialSentToAProductionHost_isAProductionKey() {
        var cred = credential("api", "Authorization", "generic", "unknown");
        assertThat(fired("MCP-PROD-", remote("api", "https://api.prod.acme.example/mcp"), cred))
                .containsExactly("MCP-PROD-002");
        assertThat(fired("MCP-PROD-", remote("api", "https://api.acme.example/mcp"), cred))
                .isEmpty();
        assertThat(
                        fired(
                                "MCP-PROD-",
                                remote("api", "https://api.acme.example/mcp"),
                                cred,
                                data("production-markers", "host", ".acme.example")))
                .containsExactly("MCP-PROD-002");
    }

    @Test
    void stripeKeysOutsideTestMode_areReported() {
        assertThat(
                        fired(
                                "MCP-STRIPE-",
                                credential("s", "A", "stripe-secret", "live"),
                                credential("s", "B", "stripe-restricted", "live")))
                .hasSize(2);
        assertThat(
                        fired(
                                "MCP-STRIPE-",
                                credential("s", "A", "stripe-secret", "test"),
                                credential("s", "B", "stripe-publishable", "public")))
                .isEmpty();
    }

    @Test
    void githubTokensOtherThanFineGrained_areReported() {
        assertThat(
                        fired(
                                "MCP-GH-",
                                credential("gh", "A", "github-classic", "unknown"),
                                credential("gh", "B", "github-oauth", "unknown"),
                                credential("gh", "C", "github-user-to-server", "unknown")))
                .hasSize(3);
        assertThat(
                        fired(
                                "MCP-GH-",
                                credential("gh", "A", "github-fine-grained", "unknown"),
                                credential("gl", "B", "gitlab", "unknown")))
                .isEmpty();
    }

    @Test
    void productionLookingDatabases_areReported() {
        assertThat(fired("MCP-DB-", database("prod-db.acme.internal", "app", "app", false)))
                .containsExactly("MCP-DB-001");
        assertThat(fired("MCP-DB-", database("db.acme.internal", "app_production", "app", false)))
                .containsExactly("MCP-DB-001");
        assertThat(
                        fired(
                                "MCP-DB-",
                                database("db.acme.internal", "app", "app", false),
                                data("production-markers", "host", "db.acme.internal")))
                .containsExactly("MCP-DB-001");
    }

    @Test
    void managedCloudDatabasesNotMarkedDev_areReported() {
        assertThat(
                        fired(
                                "MCP-DB-",
                                database("db.abcdefghij.supabase.co", "postgres", "app", false)))
                .containsExactly("MCP-DB-002");
        assertThat(
                        fired(
                                "MCP-DB-",
                                database(
                                        "app-staging.cluster-1.eu-west-1.rds.amazonaws.com",
                                        "app",
                                        "app",
                                        false)))
                .isEmpty();
        assertThat(
                        fired(
                                "MCP-DB-",
                                database("db.abcdefghij.supabase.co", "postgres", "app", false),
                                data("dev-hosts", "database-host", "db.abcdefghij.supabase.co")))
                .isEmpty();
    }

    @Test
    void loopbackAndDevDatabases_pass() {
        assertThat(
                        fired(
                                "MCP-DB-",
                                database("localhost", "prod_copy", "app", true),
                                database("dev-db.acme.internal", "app_dev", "app", false)))
                .isEmpty();
    }

    @Test
    void credentialAlsoUsedInAnEnvFile_isReportedOnce() {
        var cred = credential("stripe", "STRIPE_SECRET_KEY", "stripe-secret", "test");
        assertThat(
                        fired(
                                "MCP-REUSE-",
                                cred,
                                occurrence(cred, ".env"),
                                occurrence(cred, "deploy/.env.production")))
                .containsExactly("MCP-REUSE-001");
        assertThat(
                        fired(
                                "MCP-REUSE-",
                                cred,
                                occurrence(credential("x", "Y", "generic", "unknown"), ".env")))
                .isEmpty();
    }

    @Test
    void expiringKinds_doNotNeedARotationEntry() {
        assertThat(
                        fired(
                                "MCP-ROT-",
                                expiring(
                                        credential(
                                                "gh",
                                                "GITHUB_TOKEN",
                                                "github-fine-grained",
                                                "unknown"))))
                .isEmpty();
    }
}
