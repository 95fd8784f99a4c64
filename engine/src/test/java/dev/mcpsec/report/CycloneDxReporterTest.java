package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ServerSummary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * The AI-BOM: a CycloneDX 1.6 JSON BOM of every configured server, valid against the CycloneDX
 * schema.
 */
class CycloneDxReporterTest {

    private static final String TOKEN_IN_URL = "tok3n-in-the-url-9f8e7d6c";

    private static ScanResult result() {
        ScanResult sample = ReportFixtures.sample();
        List<ServerSummary> servers =
                new ArrayList<>(
                        List.of(
                                new ServerSummary(
                                        ".mcp.json",
                                        5,
                                        "stripe",
                                        "claude-code",
                                        "project",
                                        "stdio",
                                        "npx",
                                        null,
                                        "@stripe/mcp",
                                        "0.2.4",
                                        false,
                                        "npm",
                                        null,
                                        List.of("env.STRIPE_SECRET_KEY: stripe-secret (live)")),
                                new ServerSummary(
                                        ".mcp.json",
                                        12,
                                        "git",
                                        "claude-code",
                                        "project",
                                        "stdio",
                                        "uvx",
                                        null,
                                        "MCP_Server_Git",
                                        "2026.1.14",
                                        false,
                                        "pypi",
                                        null,
                                        List.of()),
                                new ServerSummary(
                                        ".cursor/mcp.json",
                                        3,
                                        "gh",
                                        "cursor",
                                        "project",
                                        "stdio",
                                        "docker",
                                        null,
                                        "ghcr.io/github/github-mcp-server",
                                        "v0.20.1",
                                        false,
                                        "oci",
                                        null,
                                        List.of(
                                                "env.GITHUB_PERSONAL_ACCESS_TOKEN: github-classic-pat (unknown)")),
                                new ServerSummary(
                                        ".cursor/mcp.json",
                                        9,
                                        "time",
                                        "cursor",
                                        "project",
                                        "stdio",
                                        "docker",
                                        null,
                                        "mcp/time",
                                        "1.0",
                                        false,
                                        "oci",
                                        "sha256:" + "ab".repeat(32),
                                        List.of()),
                                new ServerSummary(
                                        "~/.claude.json",
                                        20,
                                        "linear",
                                        "claude-code",
                                        "user",
                                        "http",
                                        null,
                                        "https://user:"
                                                + TOKEN_IN_URL
                                                + "@mcp.linear.app/mcp?key="
                                                + TOKEN_IN_URL,
                                        null,
                                        null,
                                        false,
                                        "remote",
                                        null,
                                        List.of("headers.Authorization: bearer-token (unknown)")),
                                new ServerSummary(
                                        "~/.claude.json",
                                        30,
                                        "local",
                                        "claude-code",
                                        "user",
                                        "stdio",
                                        "/opt/acme/mcp",
                                        null,
                                        null,
                                        null,
                                        true,
                                        null,
                                        null,
                                        List.of())));
        servers.addAll(sample.servers());
        return new ScanResult(
                sample.toolVersion(),
                sample.root(),
                sample.files(),
                servers,
                sample.findings(),
                sample.suppressed(),
                sample.warnings(),
                sample.rules(),
                sample.durationMs(),
                List.of(),
                List.of(),
                List.of());
    }

    private static byte[] render(ScanResult result) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reporters.get(ReportFormat.CYCLONEDX)
                .write(result, out, new ReportOptions(false, false, "9.9.9"));
        return out.toByteArray();
    }

    @Test
    void theBom_isValidCycloneDx16() throws Exception {
        byte[] bom = render(result());

        assertThat(new JsonParser().validate(bom, Version.VERSION_16)).isEmpty();
        JsonNode json = new ObjectMapper().readTree(bom);
        assertThat(json.get("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(json.get("specVersion").asText()).isEqualTo("1.6");
        assertThat(json.at("/metadata/tools/components/0/name").asText()).isEqualTo("mcpsec");
        assertThat(json.at("/metadata/tools/components/0/version").asText()).isEqualTo("9.9.9");
    }

    @Test
    void packagesImagesServicesAndLocalPrograms_eachInTheirPlace() throws Exception {
        JsonNode json = new ObjectMapper().readTree(render(result()));
        List<String> purls = new ArrayList<>();
        json.get("components")
                .forEach(
                        c -> purls.add(c.path("type").asText() + " " + c.path("purl").asText("-")));
        assertThat(purls)
                .contains(
                        "library pkg:npm/%40stripe/mcp@0.2.4",
                        "library pkg:pypi/mcp-server-git@2026.1.14",
                        "container pkg:docker/github/github-mcp-server@v0.20.1?repository_url=ghcr.io",
                        "container pkg:oci/time@sha256%3A"
                                + "ab".repeat(32)
                                + "?repository_url=docker.io%2Fmcp%2Ftime&tag=1.0",
                        "application -");
        JsonNode service = json.get("services").get(0);
        assertThat(service.get("name").asText()).isEqualTo("linear");
        assertThat(service.get("endpoints").get(0).asText())
                .isEqualTo("https://mcp.linear.app/mcp");
        assertThat(service.get("x-trust-boundary").asBoolean()).isTrue();
        assertThat(properties(service, "mcpsec:credential"))
                .containsExactly("headers.Authorization: bearer-token (unknown)");
        JsonNode stripe = json.get("components").get(0);
        assertThat(properties(stripe, "mcpsec:client")).containsExactly("claude-code");
        assertThat(properties(stripe, "mcpsec:file")).containsExactly(".mcp.json");
        assertThat(properties(stripe, "mcpsec:credential"))
                .containsExactly("env.STRIPE_SECRET_KEY: stripe-secret (live)");
    }

    @Test
    void noSecretFromAUrl_norAnyFindingText_reachesTheBom() throws Exception {
        String bom = new String(render(result()), StandardCharsets.UTF_8);
        assertThat(bom)
                .doesNotContain(TOKEN_IN_URL)
                .doesNotContain("sk_live_")
                .doesNotContain("…")
                .doesNotContain("Stripe secret key");
    }

    @Test
    void anEmptyScan_isAnEmptyValidBom() throws Exception {
        ScanResult sample = ReportFixtures.sample();
        ScanResult empty =
                new ScanResult(
                        sample.toolVersion(),
                        sample.root(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        0,
                        List.of(),
                        List.of(),
                        List.of());
        assertThat(new JsonParser().validate(render(empty), Version.VERSION_16)).isEmpty();
    }

    private static List<String> properties(JsonNode node, String name) {
        List<String> out = new ArrayList<>();
        node.path("properties")
                .forEach(
                        p -> {
                            if (p.get("name").asText().equals(name)) {
                                out.add(p.get("value").asText());
                            }
                        });
        return out;
    }
}
