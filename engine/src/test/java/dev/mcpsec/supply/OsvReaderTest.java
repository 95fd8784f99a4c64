package dev.mcpsec.supply;

import static dev.mcpsec.supply.OsvTestData.ghsa;
import static dev.mcpsec.supply.OsvTestData.mal;
import static dev.mcpsec.supply.OsvTestData.npm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.facts.AdvisoryMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading OSV data as OSV publishes it: single records, arrays, folders and the per-ecosystem
 * all.zip exports.
 */
class OsvReaderTest {
    @TempDir Path dir;

    @Test
    void anOsvExportZip_isReadAndMatched() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(
                "GHSA-aaaa-bbbb-cccc.json",
                ghsa(
                        "GHSA-aaaa-bbbb-cccc",
                        "CVE-2099-0001",
                        "npm",
                        "acme-mcp",
                        "0",
                        "1.4.2",
                        "2026-10-01T00:00:00Z"));
        entries.put(
                "MAL-2099-1.json", mal("MAL-2099-1", "evil-mcp", "2.0.0", "2026-11-01T08:00:00Z"));
        entries.put(
                "GHSA-other-pkgs-here.json",
                ghsa(
                        "GHSA-other-pkgs-here",
                        "CVE-2099-0002",
                        "npm",
                        "left-pad",
                        "0",
                        "9.0.0",
                        "2026-09-01T00:00:00Z"));
        Path export = OsvTestData.zip(dir.resolve("all.zip"), entries);

        AdvisorySet all = OsvReader.read(export);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.advisories())
                .extracting(Advisory::id)
                .containsExactly("GHSA-aaaa-bbbb-cccc", "MAL-2099-1", "GHSA-other-pkgs-here");
        assertThat(all.asOf()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
        Advisory first = all.advisories().get(0);
        assertThat(first.kind()).isEqualTo("vulnerable");
        assertThat(first.aliases()).containsExactly("CVE-2099-0001");
        assertThat(first.reference()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2099-0001");
        assertThat(all.advisories().get(1).kind()).isEqualTo("malicious");

        AdvisoryIndex index = new AdvisoryIndex(List.of(all));
        List<AdvisoryMatch> vulnerable = index.match(npm("a", "acme-mcp", "1.4.1"));
        assertThat(vulnerable)
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.advisory()).isEqualTo("GHSA-aaaa-bbbb-cccc");
                            assertThat(m.ids()).isEqualTo("GHSA-aaaa-bbbb-cccc (CVE-2099-0001)");
                            assertThat(m.pinned()).isTrue();
                            assertThat(m.fixed()).isEqualTo("1.4.2");
                            assertThat(m.origin()).endsWith("all.zip!/GHSA-aaaa-bbbb-cccc.json");
                        });
        assertThat(index.match(npm("a", "acme-mcp", "1.4.2"))).isEmpty();
        assertThat(index.match(npm("e", "evil-mcp", "2.0.3")))
                .singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo("malicious"));
        assertThat(index.match(npm("e", "evil-mcp", "1.9.9"))).isEmpty();
        assertThat(index.match(npm("e", "evil-mcp", null)))
                .singleElement()
                .satisfies(m -> assertThat(m.pinned()).isFalse());
    }

    @Test
    void keep_filtersRecordsButCountsThemAll() throws IOException {
        Path export =
                OsvTestData.zip(
                        dir.resolve("all.zip"),
                        Map.of(
                                "A.json",
                                        ghsa(
                                                "GHSA-aaaa-aaaa-aaaa",
                                                "CVE-2099-0003",
                                                "npm",
                                                "acme-mcp",
                                                "0",
                                                "1.0.0",
                                                "2026-01-01T00:00:00Z"),
                                "B.json",
                                        ghsa(
                                                "GHSA-bbbb-bbbb-bbbb",
                                                "CVE-2099-0004",
                                                "npm",
                                                "other",
                                                "0",
                                                "1.0.0",
                                                "2026-01-02T00:00:00Z")));

        AdvisorySet kept = OsvReader.read(export, a -> a.name().equals("acme-mcp"));

        assertThat(kept.total()).isEqualTo(2);
        assertThat(kept.advisories())
                .extracting(Advisory::id)
                .containsExactly("GHSA-aaaa-aaaa-aaaa");
        assertThat(kept.asOf()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    }

    @Test
    void aFolder_anArrayFile_withdrawnRecordsAndTheManifestDate() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("osv/npm"));
        Files.writeString(
                folder.resolve("one.json"),
                ghsa(
                        "GHSA-1111-1111-1111",
                        "CVE-2099-0005",
                        "npm",
                        "a-mcp",
                        "0",
                        "2.0.0",
                        "2026-05-01T00:00:00Z"));
        Files.writeString(
                folder.resolve("many.json"),
                "["
                        + ghsa(
                                "GHSA-2222-2222-2222",
                                "CVE-2099-0006",
                                "PyPI",
                                "b-mcp",
                                "0",
                                "3.0",
                                "2026-05-02T00:00:00Z")
                        + ","
                        + ghsa(
                                        "GHSA-3333-3333-3333",
                                        "CVE-2099-0007",
                                        "npm",
                                        "c-mcp",
                                        "0",
                                        "1.0.0",
                                        "2026-05-03T00:00:00Z")
                                .replace(
                                        "\"modified\"",
                                        "\"withdrawn\": \"2026-05-04T00:00:00Z\", \"modified\"")
                        + "]");
        Files.writeString(
                dir.resolve("osv/" + OsvReader.MANIFEST), "{\"assembled\": \"2026-06-30\"}");

        AdvisorySet set = OsvReader.read(dir.resolve("osv"));

        assertThat(set.advisories())
                .extracting(Advisory::id)
                .containsExactlyInAnyOrder("GHSA-1111-1111-1111", "GHSA-2222-2222-2222");
        assertThat(set.total()).isEqualTo(2);
        assertThat(set.asOf()).isEqualTo(Instant.parse("2026-06-30T00:00:00Z"));
    }

    @Test
    void brokenData_isAnErrorNamingTheFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"id\": \"X-1\", \"affected\": [");
        assertThatThrownBy(() -> OsvReader.read(bad))
                .isInstanceOf(AdvisoryException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("not valid JSON");
        Path notOsv = Files.writeString(dir.resolve("list.json"), "[1, 2]");
        assertThatThrownBy(() -> OsvReader.read(notOsv))
                .isInstanceOf(AdvisoryException.class)
                .hasMessageContaining("not an OSV record");
        Path badKind =
                Files.writeString(
                        dir.resolve("kind.json"),
                        "{\"id\": \"X-2\", \"database_specific\": "
                                + "{\"mcpsec\": {\"kind\": \"evil\"}}, \"affected\": [{\"package\": {\"ecosystem\": \"npm\", \"name\": \"x\"}}]}");
        assertThatThrownBy(() -> OsvReader.read(badKind))
                .isInstanceOf(AdvisoryException.class)
                .hasMessageContaining("vulnerable, malicious or archived");
        assertThatThrownBy(() -> OsvReader.read(dir.resolve("missing.zip")))
                .isInstanceOf(AdvisoryException.class)
                .hasMessageContaining("does not exist");
    }
}
