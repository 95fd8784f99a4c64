package dev.mcpsec.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Semver (npm, image tags) and PEP 440 (PyPI) parsing and ordering, as advisory ranges need them.
 */
class VersionOrderTest {

    @Test
    void semver_ordersPrereleasesBeforeTheRelease_asTheSpecSays() {
        List<String> ordered =
                List.of(
                        "1.0.0-alpha",
                        "1.0.0-alpha.1",
                        "1.0.0-alpha.beta",
                        "1.0.0-beta",
                        "1.0.0-beta.2",
                        "1.0.0-beta.11",
                        "1.0.0-rc.1",
                        "1.0.0",
                        "1.0.1",
                        "1.1.0",
                        "2025.7.1",
                        "2025.12.18");
        for (int i = 0; i + 1 < ordered.size(); i++) {
            SemVer a = SemVer.parse(ordered.get(i)).orElseThrow();
            SemVer b = SemVer.parse(ordered.get(i + 1)).orElseThrow();
            assertThat(a.compareTo(b)).as(ordered.get(i) + " < " + ordered.get(i + 1)).isNegative();
            assertThat(b.compareTo(a)).isPositive();
        }
        assertThat(
                        SemVer.parse("1.2.3+build.7")
                                .orElseThrow()
                                .compareTo(SemVer.parse("1.2.3").orElseThrow()))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "^1.2.3", "~1.2", "1.2", "1", "latest", "1.x", ">=1.0.0", "01.2.3", "1.2.3-", ""
            })
    void semver_exactVersionsOnly(String text) {
        assertThat(SemVer.parse(text)).as(text).isEmpty();
    }

    @Test
    void semver_looseAcceptsShortTagsAndAV() {
        assertThat(SemVer.parseLoose("v0.20").orElseThrow())
                .isEqualTo(new SemVer(0, 20, 0, List.of()));
        assertThat(SemVer.parseLoose("1").orElseThrow()).isEqualTo(new SemVer(1, 0, 0, List.of()));
        assertThat(SemVer.parseLoose("latest")).isEmpty();
    }

    @Test
    void pep440_ordersDevPreFinalPost() {
        List<String> ordered =
                List.of(
                        "1.0.dev1",
                        "1.0a1.dev1",
                        "1.0a1",
                        "1.0a2",
                        "1.0b1",
                        "1.0rc1",
                        "1.0",
                        "1.0.post1.dev1",
                        "1.0.post1",
                        "1.0.1",
                        "1.1",
                        "2025.7.1",
                        "2025.9.25",
                        "2025.12.18",
                        "1!0.1");
        for (int i = 0; i + 1 < ordered.size(); i++) {
            Pep440 a = Pep440.parse(ordered.get(i)).orElseThrow();
            Pep440 b = Pep440.parse(ordered.get(i + 1)).orElseThrow();
            assertThat(a.compareTo(b)).as(ordered.get(i) + " < " + ordered.get(i + 1)).isNegative();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1.0,1.0.0",
        "1.0.0a1,1.0a1",
        "1.0-alpha-1,1.0a1",
        "1.0.BETA2,1.0b2",
        "1.0c1,1.0rc1",
        "1.0-1,1.0.post1",
        "1.0.rev2,1.0.post2",
        "v1.0,1.0",
        "1.0+local.7,1.0",
        "1.0pre3,1.0rc3",
        "1.0-dev,1.0.dev0"
    })
    void pep440_normalisesSpellings(String a, String b) {
        assertThat(Pep440.parse(a).orElseThrow().compareTo(Pep440.parse(b).orElseThrow()))
                .as(a + " == " + b)
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {">=1.0", "~=1.4", "==1.*", "1.0.*", "abc", "", "1..0"})
    void pep440_exactVersionsOnly(String text) {
        assertThat(Pep440.parse(text)).as(text).isEmpty();
    }

    @Test
    void ecosystems_compareEachTheirOwnWay() {
        assertThat(Ecosystems.compare("pypi", "2025.12.18", "2025.7.1")).contains(1);
        assertThat(Ecosystems.compare("npm", "0.1.15", "0.1.16")).contains(-1);
        assertThat(Ecosystems.compare("oci", "v0.20.1", "0.21")).contains(-1);
        assertThat(Ecosystems.compare("oci", "sha-abc", "1.0")).isEmpty();
        assertThat(Ecosystems.isExact("npm", "latest")).isFalse();
        assertThat(Ecosystems.isExact("pypi", ">=1.0")).isFalse();
        assertThat(Ecosystems.isExact("pypi", "2025.7.1")).isTrue();
        assertThat(Ecosystems.normalizeName("pypi", "MCP_Server.Git")).isEqualTo("mcp-server-git");
        assertThat(Ecosystems.normalizeName("oci", "docker.io/library/postgres"))
                .isEqualTo("postgres");
        assertThat(Ecosystems.fromOsv("Ubuntu:22.04")).isNull();
        assertThat(Ecosystems.fromOsv("PyPI")).isEqualTo("pypi");
    }
}
