package dev.mcpsec.policies;

import static dev.mcpsec.policies.RuleSession.fire;
import static dev.mcpsec.policies.TestFacts.credential;
import static dev.mcpsec.policies.TestFacts.disabled;
import static dev.mcpsec.policies.TestFacts.docker;
import static dev.mcpsec.policies.TestFacts.history;
import static dev.mcpsec.policies.TestFacts.npx;
import static dev.mcpsec.policies.TestFacts.projectConfig;
import static dev.mcpsec.policies.TestFacts.remote;
import static dev.mcpsec.policies.TestFacts.review;
import static dev.mcpsec.policies.TestFacts.rotation;
import static dev.mcpsec.policies.TestFacts.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.facts.McpServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules about git and the project registers: committed-secrets, config-ignored, history-secrets,
 * key-rotation, source-reviewed.
 */
class GitRulesTest {

    private static List<String> fired(String prefix, Object... facts) {
        return fire(facts).stream().filter(id -> id.startsWith(prefix)).toList();
    }

    @Test
    void trackedSecrets_areCommittedSecrets_criticalForLiveKeys() {
        assertThat(fired("MCP-GIT-", tracked(credential("s", "A", "stripe-secret", "live"))))
                .containsExactly("MCP-GIT-001");
        assertThat(fired("MCP-GIT-", tracked(credential("g", "B", "github-classic", "unknown"))))
                .containsExactly("MCP-GIT-002");
        assertThat(
                        fired(
                                "MCP-GIT-",
                                tracked(credential("s", "C", "stripe-publishable", "public")),
                                credential("s", "D", "stripe-secret", "live")))
                .isEmpty();
    }

    @Test
    void projectConfigWithASecret_mustBeIgnoredAndUntracked() {
        var cred = credential("s", "A", "github-classic", "unknown");
        assertThat(fired("MCP-CFG-", projectConfig(true, false), cred))
                .containsExactly("MCP-CFG-001");
        assertThat(fired("MCP-CFG-", projectConfig(false, false), cred))
                .containsExactly("MCP-CFG-002");
        assertThat(fired("MCP-CFG-", projectConfig(false, true), cred)).isEmpty();
        assertThat(fired("MCP-CFG-", projectConfig(true, false))).isEmpty();
    }

    @Test
    void historicSecretNoLongerTracked_isReported_andTrackedOnesAreLeftToCommittedSecrets() {
        var cred = credential("s", "A", "stripe-secret", "live");
        assertThat(fired("MCP-HIST-", history(cred, 30, false))).containsExactly("MCP-HIST-001");
        assertThat(fired("MCP-HIST-", history(cred, 30, true), cred))
                .containsExactly("MCP-HIST-001");
        assertThat(fired("MCP-HIST-", history(cred, 30, true), tracked(cred))).isEmpty();
    }

    @Test
    void longLivedCredentialWithoutRegisterEntry_needsRotation() {
        var cred = credential("gh", "GITHUB_TOKEN", "github-classic", "unknown");
        assertThat(fired("MCP-ROT-", cred)).containsExactly("MCP-ROT-001");
        assertThat(fired("MCP-ROT-", cred, rotation(cred, 90, false))).isEmpty();
        assertThat(fired("MCP-ROT-", cred, rotation(cred, 90, true)))
                .containsExactly("MCP-ROT-002");
    }

    @Test
    void credentialOlderThanItsRegisteredPeriod_isReported() {
        var cred = credential("gh", "GITHUB_TOKEN", "github-classic", "unknown");
        assertThat(fired("MCP-ROT-", cred, rotation(cred, 90, false), history(cred, 120, true)))
                .containsExactly("MCP-ROT-003");
        assertThat(fired("MCP-ROT-", cred, rotation(cred, 90, false), history(cred, 30, true)))
                .isEmpty();
    }

    @Test
    void serversWithoutReview_areReported_butDisabledOnesAreNot() {
        assertThat(
                        fired(
                                "MCP-REV-",
                                npx("stripe", "@stripe/mcp", "0.2.4"),
                                credential("stripe", "STRIPE_SECRET_KEY", "stripe-secret", "test")))
                .containsExactly("MCP-REV-001");
        assertThat(
                        fired(
                                "MCP-REV-",
                                disabled(npx("stripe", "@stripe/mcp", "0.2.4")),
                                credential("stripe", "STRIPE_SECRET_KEY", "stripe-secret", "test")))
                .isEmpty();
    }

    @Test
    void serversWithoutCredentials_orScriptsOfTheRepository_areInfo() {
        assertThat(fired("MCP-REV-", npx("docs", "@upstash/context7-mcp", "1.0.0")))
                .containsExactly("MCP-REV-003");
        McpServer script =
                new McpServer(
                        "shop",
                        TestFacts.FILE,
                        3,
                        5,
                        "claude-code",
                        "project",
                        "stdio",
                        "npx",
                        List.of("tsx", "scripts/shop-mcp.ts"),
                        null,
                        null,
                        "node",
                        null,
                        null,
                        null,
                        null,
                        false);
        assertThat(
                        fired(
                                "MCP-REV-",
                                script,
                                credential("shop", "SHOP_API_KEY", "generic", "unknown")))
                .containsExactly("MCP-REV-003");
        McpServer elsewhere =
                new McpServer(
                        "shop",
                        TestFacts.FILE,
                        3,
                        5,
                        "claude-code",
                        "project",
                        "stdio",
                        "node",
                        List.of("/Users/dev/tools/shop-mcp/index.js"),
                        null,
                        null,
                        "node",
                        null,
                        null,
                        null,
                        null,
                        false);
        assertThat(
                        fired(
                                "MCP-REV-",
                                elsewhere,
                                credential("shop", "SHOP_API_KEY", "generic", "unknown")))
                .containsExactly("MCP-REV-001");
    }

    @Test
    void reviewMatches_byPackageAndVersion_digest_orUrl() {
        assertThat(
                        fired(
                                "MCP-REV-",
                                npx("stripe", "@stripe/mcp", "0.2.4"),
                                review("stripe", "@stripe/mcp", "0.2.4", null, null)))
                .isEmpty();
        assertThat(
                        fired(
                                "MCP-REV-",
                                npx("stripe", "@stripe/mcp", "0.2.5"),
                                review("stripe", "@stripe/mcp", null, null, null)))
                .isEmpty();
        String digest = "sha256:" + "cd".repeat(32);
        assertThat(
                        fired(
                                "MCP-REV-",
                                docker("gh", "ghcr.io/github/github-mcp-server", null, digest),
                                review("gh", null, null, digest, null)))
                .isEmpty();
        assertThat(
                        fired(
                                "MCP-REV-",
                                remote("linear", "https://mcp.linear.app/mcp"),
                                review("linear", null, null, null, "https://mcp.linear.app/mcp")))
                .isEmpty();
    }

    @Test
    void reviewOfAnotherVersionOrPackage_isReportedAsChanged() {
        assertThat(
                        fired(
                                "MCP-REV-",
                                npx("stripe", "@stripe/mcp", "0.3.0"),
                                review("stripe", "@stripe/mcp", "0.2.4", null, null)))
                .containsExactly("MCP-REV-002");
        assertThat(
                        fired(
                                "MCP-REV-",
                                npx("stripe", "@stripe-community/mcp", "0.2.4"),
                                review("stripe", "@stripe/mcp", "0.2.4", null, null)))
                .containsExactly("MCP-REV-002");
    }
}
