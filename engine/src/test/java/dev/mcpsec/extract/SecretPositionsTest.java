package dev.mcpsec.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.discovery.ClientCatalog;
import dev.mcpsec.facts.Credential;
import dev.mcpsec.parse.ConfigDocument;
import dev.mcpsec.parse.ConfigParser;
import dev.mcpsec.secrets.DetectorOptions;
import dev.mcpsec.secrets.FakeSecrets;
import dev.mcpsec.secrets.Fingerprinter;
import dev.mcpsec.secrets.SecretDetector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Secrets wherever a server or the assistant receives them: wrapped launches, JSON-encoded flag
 * values, model-provider keys of assistant configs, and tiers from a server's environment settings.
 */
class SecretPositionsTest {
    private final Random rnd = new Random(21);
    private final FactExtractor extractor =
            new FactExtractor(
                    new SecretDetector(
                            DetectorOptions.defaults()
                                    .withKeyEnvironments(
                                            List.of(
                                                    "PAYPAL_ENVIRONMENT=production",
                                                    "*=rzp_live_*"),
                                            List.of("PLAID_ENV=sandbox"))),
                    new Fingerprinter("test"),
                    Path.of("/nonexistent-positions-root"),
                    null);

    private List<Credential> credentials(String path, String text) {
        ConfigDocument doc =
                ConfigParser.parse(
                        path,
                        ClientCatalog.matchProjectPath(path).orElseThrow(),
                        text.getBytes(StandardCharsets.UTF_8),
                        "project",
                        ScanLimits.defaults());
        return extractor.credentialsOf(doc);
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void positionalKeys_jsonFlagValues_andWrappedCommandLines_areCredentialsOfTheirServer() {
        String stripe = FakeSecrets.generate("stripe-live", rnd);
        String uuid = "3f2c9a7e-81b4-4d0a-9c6e-5b7d1e2f4a90";
        String token = FakeSecrets.generate("generic-base62", rnd);
        List<Credential> c =
                credentials(
                        ".mcp.json",
                        "{\"mcpServers\":{"
                                + "\"pos\":{\"command\":\"npx\",\"args\":[\"-y\",\"some-server@1.0.0\","
                                + json(stripe)
                                + "]},"
                                + "\"exa\":{\"command\":\"npx\",\"args\":[\"-y\",\"@smithery/cli@1.2.4\",\"run\",\"exa\",\"--config\","
                                + json("{\"exaApiKey\":\"" + uuid + "\"}")
                                + "]},"
                                + "\"sh\":{\"command\":\"sh\",\"args\":[\"-c\","
                                + json("npx -y acme-mcp@1.0.0 --api-key " + token)
                                + "]},"
                                + "\"win\":{\"command\":\"cmd\",\"args\":[\"/c\","
                                + json("npx -y acme-mcp@1.0.0 --api-key=" + token)
                                + "]}}}");
        assertThat(c)
                .extracting(Credential::server, Credential::kind, Credential::variable)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("pos", "stripe-secret", null),
                        org.assertj.core.groups.Tuple.tuple("exa", "generic", "exaApiKey"),
                        org.assertj.core.groups.Tuple.tuple("sh", "generic", "--api-key"),
                        org.assertj.core.groups.Tuple.tuple("win", "generic", "--api-key"));
    }

    @Test
    void jsonFlagValues_placeholdersAndReferences_areNotSecrets() {
        List<Credential> c =
                credentials(
                        ".mcp.json",
                        "{\"mcpServers\":{\"exa\":{\"command\":\"npx\",\"args\":[\"-y\",\"@smithery/cli@1.2.4\",\"run\",\"exa\",\"--config\","
                                + json(
                                        "{\"exaApiKey\":\"${EXA_API_KEY}\",\"other\":{\"token\":\"your-token-here\"},\"secret\":\"xxxxxxxxxxxxxxxx\"}")
                                + "]}}}");
        assertThat(c).isEmpty();
    }

    @Test
    void environmentSettings_giveKeysOfUnknownTierTheirTier() {
        String token = FakeSecrets.generate("generic-base62", rnd);
        List<Credential> c =
                credentials(
                        ".mcp.json",
                        "{\"mcpServers\":{"
                                + "\"paypal\":{\"command\":\"npx\",\"args\":[\"-y\",\"@paypal/mcp@1.0.0\"],"
                                + "\"env\":{\"PAYPAL_ACCESS_TOKEN\":"
                                + json(token)
                                + ",\"PAYPAL_ENVIRONMENT\":\"PRODUCTION\"}},"
                                + "\"paypal-flag\":{\"command\":\"npx\",\"args\":[\"-y\",\"@paypal/mcp@1.0.0\",\"--paypal-environment=production\",\"--access-token\","
                                + json(token)
                                + "]},"
                                + "\"razorpay\":{\"command\":\"npx\",\"args\":[\"-y\",\"razorpay-mcp@1.0.0\"],"
                                + "\"env\":{\"RAZORPAY_KEY_ID\":\"rzp_live_AbCdEfGh123456\",\"RAZORPAY_KEY_SECRET\":"
                                + json(token)
                                + "}},"
                                + "\"plaid\":{\"command\":\"npx\",\"args\":[\"-y\",\"plaid-mcp@1.0.0\"],"
                                + "\"env\":{\"PLAID_SECRET\":"
                                + json(token)
                                + ",\"PLAID_ENV\":\"sandbox\"}},"
                                + "\"plain\":{\"command\":\"npx\",\"args\":[\"-y\",\"plaid-mcp@1.0.0\"],"
                                + "\"env\":{\"PLAID_SECRET\":"
                                + json(token)
                                + ",\"PLAID_ENV\":\"${PLAID_ENV}\"}}}}");
        assertThat(c)
                .extracting(Credential::server, Credential::tier)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("paypal", "live"),
                        org.assertj.core.groups.Tuple.tuple("paypal-flag", "live"),
                        org.assertj.core.groups.Tuple.tuple("razorpay", "live"),
                        org.assertj.core.groups.Tuple.tuple("plaid", "test"),
                        org.assertj.core.groups.Tuple.tuple("plain", "unknown"));
        assertThat(c.get(0).detector()).contains("tier live from the server's PAYPAL_ENVIRONMENT");
    }

    @Test
    void anEnvironmentSetting_neverOverridesATierTheKeyStates() {
        String test = FakeSecrets.generate("stripe-test", rnd);
        List<Credential> c =
                credentials(
                        ".mcp.json",
                        "{\"mcpServers\":{\"pay\":{\"command\":\"npx\",\"args\":[\"-y\",\"@paypal/mcp@1.0.0\"],"
                                + "\"env\":{\"STRIPE_SECRET_KEY\":"
                                + json(test)
                                + ",\"PAYPAL_ENVIRONMENT\":\"production\"}}}}");
        assertThat(c).extracting(Credential::tier).containsExactly("test");
    }

    @Test
    void continueModelKeys_areCredentialsOfTheFile() {
        String anthropic = FakeSecrets.generate("anthropic", rnd);
        String openai = FakeSecrets.generate("openai", rnd);
        List<Credential> c =
                credentials(
                        ".continue/config.yaml",
                        "name: a\nversion: 1.0.0\nschema: v1\nmodels:\n"
                                + "  - name: Claude\n    provider: anthropic\n    model: claude-sonnet-4\n    apiKey: "
                                + anthropic
                                + "\n  - name: Local\n    provider: ollama\n    apiKey: ${{ secrets.OLLAMA_KEY }}\n"
                                + "  - name: GPT\n    provider: openai\n    requestOptions:\n      headers:\n        Authorization: Bearer "
                                + openai
                                + "\nmcpServers:\n  - name: fetch\n    command: uvx\n    args: [\"mcp-server-fetch==2025.4.7\"]\n");
        assertThat(c)
                .extracting(Credential::kind, Credential::location, Credential::server)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "anthropic-api-key", "models.apiKey", null),
                        org.assertj.core.groups.Tuple.tuple(
                                "openai-api-key",
                                "models.requestOptions.headers.Authorization",
                                null));
    }

    @Test
    void opencodeProviderKeys_areCredentialsOfTheFile_referencesAreNot() {
        String openai = FakeSecrets.generate("openai", rnd);
        List<Credential> c =
                credentials(
                        "opencode.json",
                        "{\"provider\":{\"openai\":{\"options\":{\"apiKey\":"
                                + json(openai)
                                + ",\"baseURL\":\"https://api.openai.com/v1\"}},"
                                + "\"anthropic\":{\"options\":{\"apiKey\":\"{env:ANTHROPIC_API_KEY}\"}}},"
                                + "\"mcp\":{}}");
        assertThat(c)
                .extracting(Credential::kind, Credential::location)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "openai-api-key", "provider.openai.options.apiKey"));
    }

    @Test
    void crushProviderKeys_andCodexProviderTokens_areCredentialsOfTheFile() {
        String anthropic = FakeSecrets.generate("anthropic", rnd);
        String token = FakeSecrets.generate("generic-base62", rnd);
        assertThat(
                        credentials(
                                "crush.json",
                                "{\"providers\":{\"anthropic\":{\"api_key\":"
                                        + json(anthropic)
                                        + ",\"base_url\":\"https://api.anthropic.com/v1\"},"
                                        + "\"ollama\":{\"api_key\":\"ollama\"}},\"mcp\":{}}"))
                .extracting(Credential::kind, Credential::location)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "anthropic-api-key", "providers.anthropic.api_key"));
        assertThat(
                        credentials(
                                ".codex/config.toml",
                                "[model_providers.gateway]\nname = \"gateway\"\nbase_url ="
                                        + " \"https://llm.acme.example/v1\"\nenv_key = \"GATEWAY_KEY\"\n"
                                        + "experimental_bearer_token = \""
                                        + token
                                        + "\"\n"))
                .extracting(Credential::location)
                .containsExactly("model_providers.gateway.experimental_bearer_token");
    }
}
