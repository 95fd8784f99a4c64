package dev.mcpsec.policies;

import static dev.mcpsec.policies.RuleSession.fire;
import static dev.mcpsec.policies.TestFacts.credential;
import static dev.mcpsec.policies.TestFacts.data;
import static dev.mcpsec.policies.TestFacts.database;
import static dev.mcpsec.policies.TestFacts.disabled;
import static dev.mcpsec.policies.TestFacts.docker;
import static dev.mcpsec.policies.TestFacts.fsRoot;
import static dev.mcpsec.policies.TestFacts.npx;
import static dev.mcpsec.policies.TestFacts.remote;
import static dev.mcpsec.policies.TestFacts.uvx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.facts.LaunchRisk;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules about how servers are launched: filesystem-scope, stdio-transport, trusted-publishers,
 * pinned-versions, least-privilege.
 */
class ServerRulesTest {

    private static List<String> fired(String prefix, Object... facts) {
        return fire(facts).stream().filter(id -> id.startsWith(prefix)).toList();
    }

    @Test
    void broadFilesystemRoots_areReported() {
        assertThat(
                        fired(
                                "MCP-FS-",
                                fsRoot("/", "root"),
                                fsRoot("~", "home"),
                                fsRoot("..", "above-project")))
                .containsExactly("MCP-FS-001", "MCP-FS-001", "MCP-FS-001");
        assertThat(fired("MCP-FS-", fsRoot("", "none"))).containsExactly("MCP-FS-002");
    }

    @Test
    void projectAndSpecificFilesystemRoots_pass() {
        assertThat(fired("MCP-FS-", fsRoot(".", "project"), fsRoot("./docs", "specific")))
                .isEmpty();
    }

    @Test
    void plainHttpToARemoteHost_isHigh_butLoopbackPasses() {
        assertThat(fired("MCP-TR-", remote("api", "http://mcp.example.com/mcp")))
                .containsExactly("MCP-TR-001");
        assertThat(fired("MCP-TR-", remote("local", "http://localhost:3000/mcp"))).isEmpty();
    }

    @Test
    void httpsToAnUnlistedHost_isLow_andAllowedHostsAndTheirSubdomainsPass() {
        assertThat(
                        fired(
                                "MCP-TR-",
                                remote("api", "https://mcp.example.com/mcp"),
                                credential("api", "API_KEY", "generic", "unknown")))
                .containsExactly("MCP-TR-002");
        assertThat(fired("MCP-TR-", remote("api", "https://mcp.example.com/mcp"))).isEmpty();
        assertThat(
                        fired(
                                "MCP-TR-",
                                remote("vercel", "https://mcp.vercel.com"),
                                credential("vercel", "API_KEY", "generic", "unknown")))
                .isEmpty();
        assertThat(
                        fired(
                                "MCP-TR-",
                                remote("stripe", "https://mcp.stripe.com"),
                                remote("cf", "https://docs.mcp.cloudflare.com/sse")))
                .isEmpty();
        assertThat(
                        fired(
                                "MCP-TR-",
                                remote("api", "https://mcp.example.com/mcp"),
                                data("allowed-hosts", "remote", "example.com")))
                .isEmpty();
    }

    @Test
    void unknownPackagesImagesAndHosts_areReported() {
        assertThat(
                        fired(
                                "MCP-PUB-",
                                npx("x", "@modelcontextprotocol-tools/server-filesystem", "1.0.0")))
                .containsExactly("MCP-PUB-001");
        assertThat(fired("MCP-PUB-", uvx("x", "mcp-server-fetch-plus", "1.0")))
                .containsExactly("MCP-PUB-001");
        assertThat(fired("MCP-PUB-", docker("x", "someone/github-mcp", "1.0", null)))
                .containsExactly("MCP-PUB-002");
        assertThat(fired("MCP-PUB-", remote("x", "https://huggingface.co.evil.example/mcp")))
                .containsExactly("MCP-PUB-005");
        assertThat(fired("MCP-PUB-", remote("x", "https://huggingface.co/spaces/other")))
                .containsExactly("MCP-PUB-005");
        assertThat(
                        fired(
                                "MCP-PUB-",
                                remote("x", "https://mcp.evilvercel.com/mcp"),
                                credential("x", "API_KEY", "generic", "unknown")))
                .containsExactly("MCP-PUB-003");
        assertThat(fired("MCP-PUB-", npx("x", "@googl-cloud/gcloud-mcp", "1.0.0")))
                .containsExactly("MCP-PUB-001");
    }

    @Test
    void disabledServers_getNoBehaviourFindings() {
        assertThat(
                        fired(
                                "MCP-",
                                disabled(npx("x", "@someone/unknown-mcp", null, "--tools=all")),
                                disabled(docker("y", "someone/image", null, null)),
                                disabled(remote("z", "http://mcp.example.com/mcp")),
                                disabled(npx("sb", "@supabase/mcp-server-supabase", null))))
                .isEmpty();
        assertThat(fired("MCP-", npx("x", "@someone/unknown-mcp", null, "--tools=all")))
                .contains("MCP-PUB-001", "MCP-PIN-001", "MCP-LP-001");
    }

    @Test
    void knownPackagesImagesAndHosts_pass() {
        assertThat(
                        fired(
                                "MCP-PUB-",
                                npx("fs", "@modelcontextprotocol/server-filesystem", "2025.8.21"),
                                npx("stripe", "@stripe/mcp", "0.2.4"),
                                uvx("fetch", "mcp-server-fetch", "2025.4.7"),
                                uvx("aws", "awslabs.core-mcp-server", "1.0.0"),
                                uvx("aws2", "awslabs-ecs-mcp-server", "1.0.0"),
                                uvx("aws3", "AWSLabs_Core_MCP_Server", "1.0.0"),
                                npx("chrome", "chrome-devtools-mcp", "0.9.0"),
                                npx("gcloud", "@google-cloud/gcloud-mcp", "0.5.3"),
                                npx("neon", "@neondatabase/mcp-server-neon", "0.6.4"),
                                docker("tf", "hashicorp/terraform-mcp-server", "0.2.3", null),
                                remote("vercel", "https://mcp.vercel.com"),
                                remote("notion", "https://mcp.notion.com/mcp"),
                                remote("openai", "https://developers.openai.com/mcp"),
                                docker("gh", "ghcr.io/github/github-mcp-server", "v0.20.1", null),
                                docker("pg", "mcp/postgres", "latest", null),
                                remote("gh", "https://api.githubcopilot.com/mcp/"),
                                remote("hf", "https://huggingface.co/mcp"),
                                remote("local", "http://127.0.0.1:8080/mcp")))
                .isEmpty();
    }

    @Test
    void orgData_extendsKnownPublishers() {
        assertThat(
                        fired(
                                "MCP-PUB-",
                                npx("acme", "@acme/mcp-tools", "1.0.0"),
                                data("known-publishers", "npm", "@acme/")))
                .isEmpty();
    }

    @Test
    void unpinnedPackages_areReported() {
        assertThat(
                        fired(
                                "MCP-PIN-",
                                npx("a", "@stripe/mcp", null),
                                npx("b", "@playwright/mcp", "latest"),
                                npx("c", "@x/y", "^1.2.0"),
                                uvx("d", "mcp-server-git", null)))
                .containsExactlyInAnyOrder(
                        "MCP-PIN-001", "MCP-PIN-001", "MCP-PIN-001", "MCP-PIN-001");
    }

    @Test
    void pinnedPackages_pass() {
        assertThat(
                        fired(
                                "MCP-PIN-",
                                npx("a", "@stripe/mcp", "0.2.4"),
                                uvx("d", "mcp-server-git", "2025.1.14"),
                                docker("gh", "ghcr.io/github/github-mcp-server", "v0.20.1", null),
                                docker("pg", "mcp/postgres", null, "sha256:" + "ab".repeat(32))))
                .isEmpty();
    }

    @Test
    void imagesWithoutTagOrWithLatest_areReported() {
        assertThat(
                        fired(
                                "MCP-PIN-",
                                docker("a", "mcp/postgres", null, null),
                                docker("b", "mcp/slack", "latest", null)))
                .containsExactly("MCP-PIN-002", "MCP-PIN-002");
    }

    @Test
    void digestRequirement_isOnlyEnforcedWhereOrgDataAsksForIt() {
        var tagged = docker("gh", "ghcr.io/github/github-mcp-server", "v0.20.1", null);
        assertThat(fired("MCP-PIN-", tagged)).isEmpty();
        assertThat(fired("MCP-PIN-", tagged, data("pinning", "require-digest", "ghcr.io/")))
                .containsExactly("MCP-PIN-003");
        assertThat(fired("MCP-PIN-", tagged, data("pinning", "require-digest", "*")))
                .containsExactly("MCP-PIN-003");
    }

    @Test
    void namedRegistry_isLowUntilTheOrgApprovesIt_addedSourcesAndPlainHttpAreMedium() {
        var named = registryRisk("registry", "npm", "npm.mirror.example.net");
        var added = registryRisk("extra-index", "pypi", "pypi.mirror.example.net");
        var plain = registryRisk("registry-http", "npm", "npm.mirror.example.net");
        assertThat(fired("MCP-LAUNCH-", named)).containsExactly("MCP-LAUNCH-006");
        assertThat(fired("MCP-LAUNCH-", added)).containsExactly("MCP-LAUNCH-005");
        assertThat(fired("MCP-LAUNCH-", plain)).containsExactly("MCP-LAUNCH-005");
        assertThat(fired("MCP-LAUNCH-", named, data("registries", "npm", "npm.mirror.example.net")))
                .isEmpty();
        assertThat(
                        fired(
                                "MCP-LAUNCH-",
                                added,
                                data("registries", "pypi", "pypi.mirror.example.net")))
                .isEmpty();
        // approval is per ecosystem: an npm mirror does not approve a PyPI index on the same host
        assertThat(
                        fired(
                                "MCP-LAUNCH-",
                                added,
                                data("registries", "npm", "pypi.mirror.example.net")))
                .containsExactly("MCP-LAUNCH-005");
    }

    private static LaunchRisk registryRisk(String pattern, String ecosystem, String host) {
        return new LaunchRisk(
                ".mcp.json", 3, 5, "tools", pattern, "--registry https://" + host, ecosystem, host);
    }

    @Test
    void stripeWithAllTools_andGithubWithAllToolsets_areReported() {
        assertThat(fired("MCP-LP-001", npx("stripe", "@stripe/mcp", "0.2.4", "--tools=all")))
                .hasSize(1);
        assertThat(
                        fired(
                                "MCP-LP-001",
                                docker(
                                        "gh",
                                        "ghcr.io/github/github-mcp-server",
                                        "v1",
                                        null,
                                        "run",
                                        "-i",
                                        "-e",
                                        "GITHUB_TOOLSETS=all",
                                        "--read-only")))
                .hasSize(1);
        assertThat(fired("MCP-LP-001", npx("stripe", "@stripe/mcp", "0.2.4", "--tools", "all")))
                .hasSize(1);
        assertThat(
                        fired(
                                "MCP-LP-001",
                                npx("stripe", "@stripe/mcp", "0.2.4", "--tools=customers.read")))
                .isEmpty();
    }

    @Test
    void supabaseWithoutReadOnlyOrProjectRef_isReported() {
        assertThat(fired("MCP-LP-", npx("sb", "@supabase/mcp-server-supabase", "0.5.0")))
                .containsExactlyInAnyOrder("MCP-LP-002", "MCP-LP-003");
        assertThat(
                        fired(
                                "MCP-LP-",
                                npx(
                                        "sb",
                                        "@supabase/mcp-server-supabase",
                                        "0.5.0",
                                        "--read-only",
                                        "--project-ref=abcdefghijklmnop")))
                .isEmpty();
        assertThat(fired("MCP-LP-", remote("sb", "https://mcp.supabase.com/mcp?project_ref=abc")))
                .containsExactly("MCP-LP-002");
        assertThat(
                        fired(
                                "MCP-LP-",
                                remote(
                                        "sb",
                                        "https://mcp.supabase.com/mcp?project_ref=abc&read_only=true")))
                .isEmpty();
    }

    @Test
    void githubServerWithoutReadOnly_isReported_inEveryForm() {
        assertThat(
                        fired(
                                "MCP-LP-004",
                                docker(
                                        "a",
                                        "ghcr.io/github/github-mcp-server",
                                        "v1",
                                        null,
                                        "run",
                                        "-i",
                                        "--rm"),
                                npx("b", "@modelcontextprotocol/server-github", "2025.4.8"),
                                remote("c", "https://api.githubcopilot.com/mcp/"),
                                TestFacts.binary("d", "/usr/local/bin/github-mcp-server", "stdio")))
                .hasSize(4);
    }

    @Test
    void readOnlyGithubServers_pass() {
        assertThat(
                        fired(
                                "MCP-LP-004",
                                docker(
                                        "a",
                                        "ghcr.io/github/github-mcp-server",
                                        "v1",
                                        null,
                                        "run",
                                        "-i",
                                        "-e",
                                        "GITHUB_READ_ONLY=1"),
                                TestFacts.binary("b", "github-mcp-server", "stdio", "--read-only"),
                                remote("c", "https://api.githubcopilot.com/mcp/readonly")))
                .isEmpty();
    }

    @Test
    void databaseSuperuser_isReported_andAppRolePasses() {
        assertThat(fired("MCP-LP-005", database("db.internal", "app", "postgres", false)))
                .hasSize(1);
        assertThat(fired("MCP-LP-005", database("db.internal", "app", "ROOT", false))).hasSize(1);
        assertThat(fired("MCP-LP-005", database("db.internal", "app", "mcp_reader", false)))
                .isEmpty();
    }
}
