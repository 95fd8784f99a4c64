package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Key tiers of the providers that say live or test in the key itself, and credentials known by the
 * name they are given: true positives (fakes generated at test time) and false positives
 * (placeholders, references, publishable keys).
 */
class KeyTiersTest {
    private final SecretDetector detector = new SecretDetector();
    private final Random rnd = new Random(13);

    private Detection only(String name, String value) {
        List<Detection> d = detector.analyze(name, value, ValueContext.ENV).detections();
        assertThat(d).as(name + " detections").hasSize(1);
        return d.get(0);
    }

    private void none(String name, String value) {
        assertThat(detector.analyze(name, value, ValueContext.ENV).detections())
                .as(name + "=" + value)
                .isEmpty();
    }

    @Test
    void paystack_liveAndTest_underAPaystackName() {
        Detection live = only("PAYSTACK_SECRET_KEY", FakeSecrets.generate("paystack-live", rnd));
        assertThat(live.kind()).isEqualTo("paystack-secret");
        assertThat(live.tier()).isEqualTo("live");
        assertThat(live.provider()).isEqualTo("paystack");
        assertThat(only("PAYSTACK_SECRET_KEY", FakeSecrets.generate("paystack-test", rnd)).tier())
                .isEqualTo("test");
        // without a Paystack name the same shape is read as Stripe's, with the same tier
        assertThat(only("SECRET_KEY", FakeSecrets.generate("paystack-live", rnd)).tier())
                .isEqualTo("live");
    }

    @Test
    void clerk_secretAndPublishable() {
        Detection live = only("CLERK_SECRET_KEY", FakeSecrets.generate("clerk-live", rnd));
        assertThat(live.kind()).isEqualTo("clerk-secret");
        assertThat(live.tier()).isEqualTo("live");
        assertThat(only("CLERK_SECRET_KEY", FakeSecrets.generate("clerk-test", rnd)).tier())
                .isEqualTo("test");
        Detection pk =
                only("CLERK_PUBLISHABLE_KEY", "pk_" + "test_Y2xlcmsuYWNtZS1zaG9wLmV4YW1wbGUk");
        assertThat(pk.kind()).isEqualTo("clerk-publishable");
        assertThat(pk.tier()).isEqualTo("public");
    }

    @Test
    void mollie_liveAndTest_onlyUnderAMollieName() {
        Detection live = only("MOLLIE_API_KEY", FakeSecrets.generate("mollie-live", rnd));
        assertThat(live.kind()).isEqualTo("mollie-api-key");
        assertThat(live.tier()).isEqualTo("live");
        assertThat(only("MOLLIE_API_KEY", FakeSecrets.generate("mollie-test", rnd)).tier())
                .isEqualTo("test");
        // live_… alone is too plain to be Mollie's: under another name it is a generic secret
        Detection generic = only("API_KEY", FakeSecrets.generate("mollie-live", rnd));
        assertThat(generic.kind()).isEqualTo("generic");
        none("MOLLIE_API_KEY", "live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        none("MOLLIE_API_KEY", "test_your_mollie_api_key_here_000");
    }

    @Test
    void braintree_productionIsLive_sandboxIsTest_whateverTheName() {
        Detection prod = only("BT_TOKEN", FakeSecrets.generate("braintree-production", rnd));
        assertThat(prod.kind()).isEqualTo("braintree-access-token");
        assertThat(prod.tier()).isEqualTo("live");
        assertThat(only("X", FakeSecrets.generate("braintree-sandbox", rnd)).tier())
                .isEqualTo("test");
        // a development word in the name does not override what the format says
        assertThat(only("BT_DEV_TOKEN", FakeSecrets.generate("braintree-production", rnd)).tier())
                .isEqualTo("live");
        none("BT_TOKEN", "access_token$production$xxxxxxxxxxxxxxxx$" + "0".repeat(32));
    }

    @Test
    void square_tokensUnderASquareName_andSandboxPrefixedLegacyTokens() {
        Detection token = only("SQUARE_ACCESS_TOKEN", FakeSecrets.generate("square-token", rnd));
        assertThat(token.kind()).isEqualTo("square-access-token");
        assertThat(token.tier()).isEqualTo("unknown");
        Detection sandbox = only("TOKEN", FakeSecrets.generate("square-sandbox", rnd));
        assertThat(sandbox.kind()).isEqualTo("square-access-token");
        assertThat(sandbox.tier()).isEqualTo("test");
        none("SQUARE_ACCESS_TOKEN", "EAAA-your-square-access-token-here");
    }

    @Test
    void supabaseSecretIsLive_unlessADevelopmentMarker_publishableIsPublic() {
        assertThat(only("SUPABASE_SECRET_KEY", FakeSecrets.generate("supabase-secret", rnd)).tier())
                .isEqualTo("live");
        assertThat(
                        only(
                                        "SUPABASE_DEV_SECRET_KEY",
                                        FakeSecrets.generate("supabase-secret", rnd))
                                .tier())
                .isEqualTo("dev");
        Detection pub = only("SUPABASE_KEY", FakeSecrets.generate("supabase-publishable", rnd));
        assertThat(pub.kind()).isEqualTo("supabase-publishable-key");
        assertThat(pub.tier()).isEqualTo("public");
    }

    @Test
    void stripeRestrictedKeys_haveTheirTiers() {
        assertThat(only("STRIPE_KEY", FakeSecrets.generate("stripe-restricted-live", rnd)))
                .extracting(Detection::kind, Detection::tier)
                .containsExactly("stripe-restricted", "live");
        assertThat(only("STRIPE_KEY", "rk_" + "test_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW").tier())
                .isEqualTo("test");
    }

    @Test
    void twilioTestCredentials_areNotProduction() {
        Detection d = only("TWILIO_TEST_AUTH_TOKEN", FakeSecrets.generate("generic-hex40", rnd));
        assertThat(d.tier()).isEqualTo("dev");
    }

    @Test
    void serviceRoleName_makesAJwtWithOddClaimsALiveServiceRoleKey() {
        Detection d =
                only("SUPABASE_SERVICE_ROLE_KEY", FakeSecrets.generate("odd-claims-jwt", rnd));
        assertThat(d.kind()).isEqualTo("supabase-service-role-jwt");
        assertThat(d.tier()).isEqualTo("live");
        assertThat(d.detector()).contains("under a service-role name");
        // the same token under a neutral name is just a JWT
        assertThat(only("AUTH_JWT", FakeSecrets.generate("odd-claims-jwt", rnd)).kind())
                .isEqualTo("jwt");
        // an anon key under a service-role name is still the public anon key its claims say
        assertThat(
                        only(
                                        "SUPABASE_SERVICE_ROLE_KEY",
                                        FakeSecrets.generate("supabase-anon-jwt", rnd))
                                .tier())
                .isEqualTo("public");
    }

    @Test
    void credentialNames_reportValuesOfAnyShape() {
        Detection pass = only("DATABASE_PASSWORD", "correcthorsebatterystaple");
        assertThat(pass.kind()).isEqualTo("generic");
        assertThat(pass.confidence()).isEqualTo("low");
        assertThat(only("APP_SECRET_KEY", "longandlowercasesecretvalue").kind())
                .isEqualTo("generic");
        assertThat(only("JWT_PRIVATE_KEY", "sixteenlowercase").kind()).isEqualTo("generic");
        // a weak name keeps the random-shape test: written words are not generated keys
        none("API_KEY", "correcthorsebatterystaple");
        none("apiKey", "local-only");
        none("apiKey", "sk-no-key-required");
    }

    @Test
    void credentialNames_placeholdersReferencesAndDefaults_areNotSecrets() {
        for (String v :
                List.of(
                        "${DATABASE_PASSWORD}",
                        "<your-key>",
                        "xxxxxxxxxxxx",
                        "changeme",
                        "your-password-here",
                        "",
                        "password",
                        "postgres",
                        "REPLACE_ME",
                        "keys/private.pem",
                        "/run/secrets/db_password",
                        "PROD_DB_PASSWORD")) {
            none("DATABASE_PASSWORD", v);
            none("APP_SECRET_KEY", v);
        }
    }
}
