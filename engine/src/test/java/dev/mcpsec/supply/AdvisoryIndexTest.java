package dev.mcpsec.supply;

import static dev.mcpsec.supply.OsvTestData.image;
import static dev.mcpsec.supply.OsvTestData.npm;
import static dev.mcpsec.supply.OsvTestData.pypi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.facts.AdvisoryMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OSV range semantics per ecosystem: introduced/fixed/last_affected, explicit versions, digests,
 * unpinned, archived.
 */
class AdvisoryIndexTest {

    private static Advisory advisory(
            String id,
            String kind,
            String ecosystem,
            String name,
            List<Advisory.Range> ranges,
            List<String> versions) {
        return new Advisory(
                id,
                List.of(),
                kind,
                id + " summary",
                "2026-01-01T00:00:00Z",
                List.of(new Advisory.Affected(ecosystem, name, ranges, versions)),
                List.of("https://example.com/" + id),
                "test");
    }

    private static Advisory.Range range(String... typeVersion) {
        List<Advisory.Event> events = new java.util.ArrayList<>();
        for (int i = 0; i < typeVersion.length; i += 2) {
            events.add(new Advisory.Event(typeVersion[i], typeVersion[i + 1]));
        }
        return new Advisory.Range("ECOSYSTEM", events);
    }

    private static AdvisoryIndex index(Advisory... advisories) {
        return new AdvisoryIndex(
                List.of(new AdvisorySet("test", advisories.length, List.of(advisories), null)));
    }

    @Test
    void twoRangesAndLastAffected_asTheFilesystemAdvisoryWritesThem() {
        AdvisoryIndex index =
                new AdvisoryIndex(
                        List.of(
                                new AdvisorySet(
                                        "t",
                                        1,
                                        List.of(
                                                new Advisory(
                                                        "GHSA-fs",
                                                        List.of("CVE-1"),
                                                        "vulnerable",
                                                        "s",
                                                        null,
                                                        List.of(
                                                                new Advisory.Affected(
                                                                        "npm",
                                                                        "@modelcontextprotocol/server-filesystem",
                                                                        List.of(
                                                                                range(
                                                                                        "introduced",
                                                                                        "0",
                                                                                        "last_affected",
                                                                                        "0.6.2")),
                                                                        List.of()),
                                                                new Advisory.Affected(
                                                                        "npm",
                                                                        "@modelcontextprotocol/server-filesystem",
                                                                        List.of(
                                                                                range(
                                                                                        "introduced",
                                                                                        "2025.1.14",
                                                                                        "fixed",
                                                                                        "2025.7.1")),
                                                                        List.of())),
                                                        List.of(),
                                                        "t")),
                                        null)));
        String pkg = "@modelcontextprotocol/server-filesystem";
        assertThat(index.match(npm("f", pkg, "0.6.2"))).hasSize(1);
        assertThat(index.match(npm("f", pkg, "0.5.0"))).hasSize(1);
        assertThat(index.match(npm("f", pkg, "0.6.3"))).isEmpty();
        assertThat(index.match(npm("f", pkg, "2025.1.14"))).hasSize(1);
        assertThat(index.match(npm("f", pkg, "2025.3.28"))).hasSize(1);
        assertThat(index.match(npm("f", pkg, "2025.7.1"))).isEmpty();
        assertThat(index.match(npm("f", pkg, "2025.8.21"))).isEmpty();
        assertThat(index.match(npm("f", pkg, "2025.7.1-beta.1")))
                .as("a pre-release of the fix is still affected")
                .hasSize(1);
        assertThat(index.match(npm("f", "@modelcontextprotocol/server-memory", "0.6.2"))).isEmpty();
    }

    @Test
    void pypiRanges_followPep440_andNamesAreNormalised() {
        AdvisoryIndex index =
                index(
                        advisory(
                                "GHSA-git",
                                "vulnerable",
                                "PyPI",
                                "mcp-server-git",
                                List.of(range("introduced", "0", "fixed", "2025.12.18")),
                                List.of()));
        assertThat(index.match(pypi("g", "mcp-server-git", "2025.7.1"))).hasSize(1);
        assertThat(index.match(pypi("g", "MCP_Server_Git", "2025.9.25"))).hasSize(1);
        assertThat(index.match(pypi("g", "mcp-server-git", "2025.12.18rc1"))).hasSize(1);
        assertThat(index.match(pypi("g", "mcp-server-git", "2025.12.18"))).isEmpty();
        assertThat(index.match(pypi("g", "mcp-server-git", "2026.1.14"))).isEmpty();
    }

    @Test
    void unpinnedLaunches_matchVulnerableAndMaliciousRecordsAsUnpinned() {
        AdvisoryIndex index =
                index(
                        advisory(
                                "GHSA-r",
                                "vulnerable",
                                "npm",
                                "mcp-remote",
                                List.of(range("introduced", "0.0.5", "fixed", "0.1.16")),
                                List.of()));
        for (String unpinned : new String[] {null, "latest", "^0.1.0", "0.1.x"}) {
            List<AdvisoryMatch> m = index.match(npm("r", "mcp-remote", unpinned));
            assertThat(m)
                    .as(String.valueOf(unpinned))
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.pinned()).isFalse();
                                assertThat(x.fixed()).isEqualTo("0.1.16");
                            });
        }
        assertThat(index.match(npm("r", "mcp-remote", "0.0.4"))).as("before introduced").isEmpty();
    }

    @Test
    void explicitVersionsAndImageDigests() {
        AdvisoryIndex index =
                index(
                        advisory(
                                "MAL-1",
                                "malicious",
                                "npm",
                                "postmark-mcp",
                                List.of(),
                                List.of("1.0.16", "1.0.17")),
                        advisory(
                                "IMG-1",
                                "vulnerable",
                                "OCI",
                                "acme/mcp-server",
                                List.of(range("introduced", "0", "fixed", "1.3.0")),
                                List.of("sha256:" + "ab".repeat(32))));
        assertThat(index.match(npm("p", "postmark-mcp", "1.0.17")))
                .singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo("malicious"));
        assertThat(index.match(npm("p", "postmark-mcp", "1.0.15"))).isEmpty();
        assertThat(index.match(image("i", "acme/mcp-server", "v1.2.9", null))).hasSize(1);
        assertThat(index.match(image("i", "docker.io/acme/mcp-server", "1.3.0", null))).isEmpty();
        assertThat(index.match(image("i", "acme/mcp-server", null, "sha256:" + "ab".repeat(32))))
                .hasSize(1);
        assertThat(index.match(image("i", "acme/mcp-server", null, "sha256:" + "cd".repeat(32))))
                .isEmpty();
        assertThat(index.match(image("i", "acme/mcp-server", "main-abc123", null)))
                .as("a tag that cannot be ordered")
                .isEmpty();
        assertThat(index.match(image("i", "acme/mcp-server", "latest", null)))
                .singleElement()
                .satisfies(m -> assertThat(m.pinned()).isFalse());
    }

    @Test
    void archivedPackages_matchWhateverTheVersion_andDuplicatesCountOnce() {
        Advisory archived =
                advisory(
                        "ARCH-1",
                        "archived",
                        "npm",
                        "@modelcontextprotocol/server-github",
                        List.of(range("introduced", "0")),
                        List.of());
        AdvisoryIndex index =
                new AdvisoryIndex(
                        List.of(
                                new AdvisorySet("a", 1, List.of(archived), null),
                                new AdvisorySet("b", 1, List.of(archived), null)));
        assertThat(index.match(npm("g", "@modelcontextprotocol/server-github", "2025.4.8")))
                .singleElement()
                .satisfies(m -> assertThat(m.pinned()).isTrue());
        assertThat(index.match(npm("g", "@modelcontextprotocol/server-github", null)))
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.pinned()).isFalse();
                            assertThat(m.fixed()).isEqualTo("none");
                        });
        assertThat(index.covers("npm", "@modelcontextprotocol/server-github")).isTrue();
        assertThat(index.covers("pypi", "@modelcontextprotocol/server-github")).isFalse();
    }
}
