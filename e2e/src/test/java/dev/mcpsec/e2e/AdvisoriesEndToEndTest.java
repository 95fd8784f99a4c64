package dev.mcpsec.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.AdvisorySource;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.engine.Mcpsec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An organisation adds a freshly downloaded OSV export (a zip laid out as OSV publishes {@code
 * npm/all.zip}, records written as osv.dev serves them) to a scan: its records are matched with the
 * built-in rules, and its age is checked.
 */
class AdvisoriesEndToEndTest {
    @TempDir Path dir;

    private final Mcpsec mcpsec = Mcpsec.create();

    private static final String GHSA =
            """
            {"schema_version": "1.6.0", "id": "GHSA-test-0000-0001", "modified": "%s",
             "published": "2026-10-01T00:00:00Z", "aliases": ["CVE-2099-1234"],
             "summary": "acme-tickets-mcp runs commands from ticket titles",
             "affected": [{"package": {"ecosystem": "npm", "name": "@acme/tickets-mcp", "purl": "pkg:npm/%%40acme/tickets-mcp"},
                           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.4.0"}]}],
                           "database_specific": {"source": "https://github.com/github/advisory-database"}}],
             "references": [{"type": "ADVISORY", "url": "https://nvd.nist.gov/vuln/detail/CVE-2099-1234"}],
             "database_specific": {"severity": "HIGH", "github_reviewed": true, "cwe_ids": ["CWE-78"]}}
            """;
    private static final String MAL =
            """
            {"schema_version": "1.5.0", "id": "MAL-2099-77", "modified": "%s", "published": "2026-10-02T00:00:00Z",
             "summary": "Malicious code in acme-helper-mcp (npm)",
             "details": "---\\n_-= Per source details. Do not edit below this line.=-_\\n",
             "affected": [{"package": {"ecosystem": "npm", "name": "acme-helper-mcp"},
                           "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}],
                           "database_specific": {"malicious-packages-origins": [{"source": "ghsa-malware"}]}}]}
            """;

    private Path export(String modified) throws IOException {
        Path zip = dir.resolve("npm-all.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (String[] e :
                    new String[][] {
                        {"GHSA-test-0000-0001.json", GHSA.formatted(modified)},
                        {"MAL-2099-77.json", MAL.formatted(modified)}
                    }) {
                z.putNextEntry(new ZipEntry(e[0]));
                z.write(e[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    private Path project() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(
                project.resolve(".mcp.json"),
                """
                {"mcpServers": {
                  "tickets": {"command": "npx", "args": ["-y", "@acme/tickets-mcp@2.3.9"]},
                  "tickets-new": {"command": "npx", "args": ["-y", "@acme/tickets-mcp@2.4.0"]},
                  "helper": {"command": "npx", "args": ["-y", "acme-helper-mcp@1.0.0"]},
                  "helper-latest": {"command": "npx", "args": ["-y", "acme-helper-mcp@latest"]}
                }}
                """);
        return project;
    }

    private ScanRequest.Builder request(Path project) {
        return ScanRequest.builder(project)
                .home(dir.resolve("home"))
                .history(false)
                .includeRules(java.util.Set.of("known-vulnerable"));
    }

    @Test
    void anOsvExport_isMatchedByTheBuiltInRules() throws IOException {
        Path project = project();
        ScanResult result =
                mcpsec.scan(
                        request(project)
                                .advisories(List.of(export("2099-01-01T00:00:00Z")))
                                .build());

        assertThat(result.findings())
                .extracting(f -> f.ruleId() + " " + f.server())
                .containsExactlyInAnyOrder(
                        "MCP-VULN-001 tickets",
                        "MCP-VULN-002 helper",
                        "MCP-VULN-004 helper-latest");
        Finding vulnerable =
                result.findings().stream()
                        .filter(f -> f.ruleId().equals("MCP-VULN-001"))
                        .findFirst()
                        .orElseThrow();
        assertThat(vulnerable.message())
                .contains(
                        "GHSA-test-0000-0001 (CVE-2099-1234)",
                        "Fixed in: 2.4.0",
                        "https://nvd.nist.gov/vuln/detail/CVE-2099-1234");

        ScanResult without = mcpsec.scan(request(project).build());
        assertThat(without.findings()).as("the same project without the export").isEmpty();
    }

    @Test
    void oldData_isAWarning_andListedAsStale() throws IOException {
        Path project = project();
        Path zip = export("2020-01-01T00:00:00Z");
        ScanResult result =
                mcpsec.scan(
                        request(project)
                                .advisories(List.of(zip))
                                .advisoriesMaxAge(Duration.ofDays(30))
                                .build());

        assertThat(result.warnings())
                .extracting(ScanWarning::message)
                .anySatisfy(
                        m -> assertThat(m).contains("npm-all.zip", "days old", "limit of 30 days"));

        List<AdvisorySource> sources =
                mcpsec.advisories(
                        request(project)
                                .advisories(List.of(zip))
                                .advisoriesMaxAge(Duration.ofDays(30))
                                .build());
        assertThat(sources)
                .anySatisfy(
                        s -> {
                            assertThat(s.origin()).endsWith("npm-all.zip");
                            assertThat(s.records()).isEqualTo(2);
                            assertThat(s.vulnerable()).isEqualTo(1);
                            assertThat(s.malicious()).isEqualTo(1);
                            assertThat(s.asOf()).isEqualTo("2020-01-01");
                            assertThat(s.stale()).isTrue();
                        });
    }

    @Test
    void theBuiltInData_isListedWithItsDate() throws IOException {
        List<AdvisorySource> sources =
                mcpsec.advisories(
                        request(project()).advisoriesMaxAge(Duration.ofDays(100000)).build());
        assertThat(sources)
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.records()).isEqualTo(23);
                            assertThat(s.vulnerable()).isEqualTo(9);
                            assertThat(s.malicious()).isEqualTo(1);
                            assertThat(s.archived()).isEqualTo(13);
                            assertThat(s.asOf()).isEqualTo("2026-11-26");
                            assertThat(s.stale()).isFalse();
                        });
    }

    @Test
    void brokenData_isAConfigurationErrorNamingTheFile() throws IOException {
        Path project = project();
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"id\": \"X\", \"affected\": [}");
        assertThatThrownBy(() -> mcpsec.scan(request(project).advisories(List.of(bad)).build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bad.json");
    }
}
