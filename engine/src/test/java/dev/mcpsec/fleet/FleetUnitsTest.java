package dev.mcpsec.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetUnitsTest {
    @TempDir Path tmp;

    @Test
    void shards_coverEveryRepositoryExactlyOnce() {
        Map<String, Integer> owners = new HashMap<>();
        int[] sizes = new int[4];
        for (int i = 0; i < 1000; i++) {
            String name = "repo-" + i;
            for (int s = 1; s <= 4; s++) {
                if (new Shard(s, 4).contains(name)) {
                    owners.merge(name, 1, Integer::sum);
                    sizes[s - 1]++;
                }
            }
        }
        assertThat(owners).hasSize(1000).allSatisfy((name, n) -> assertThat(n).isEqualTo(1));
        for (int size : sizes) {
            assertThat(size)
                    .as("a shard of 1,000 by name hash is roughly a quarter")
                    .isBetween(200, 300);
        }
    }

    @Test
    void shardSpecs_areParsedOrRefusedWithTheExpectedForm() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        for (String bad : new String[] {"0/4", "5/4", "x/4", "2", "", "2/0"}) {
            assertThatThrownBy(() -> Shard.parse(bad)).isInstanceOf(ConfigurationException.class);
        }
    }

    @Test
    void sources_findClonesMirrorsAndListFiles_andSkipOtherFolders() throws Exception {
        Files.createDirectories(tmp.resolve("org/app/.git"));
        Path mirror = tmp.resolve("org/lib.git");
        Files.createDirectories(mirror.resolve("objects"));
        Files.createDirectories(mirror.resolve("refs"));
        Files.writeString(mirror.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(tmp.resolve("org/notes"));
        Files.createDirectories(tmp.resolve("other/app/.git"));
        Files.writeString(tmp.resolve("list.txt"), "# more\nother/app\n\nmissing\n");

        FleetSources.Resolved r =
                FleetSources.resolve(List.of(tmp.resolve("org"), tmp.resolve("list.txt")));
        assertThat(r.repositories())
                .extracting(RepoTarget::name)
                .containsExactly("app", "app~2", "lib");
        assertThat(r.repositories())
                .extracting(RepoTarget::kind)
                .containsExactly(
                        RepoTarget.Kind.CLONE, RepoTarget.Kind.CLONE, RepoTarget.Kind.MIRROR);
        assertThat(r.skipped())
                .anyMatch(s -> s.contains("notes"))
                .anyMatch(s -> s.contains("missing"));
    }

    @Test
    void noInput_isAConfigurationError() {
        assertThatThrownBy(() -> FleetSources.resolve(List.of()))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> FleetSources.resolve(List.of(tmp.resolve("nope"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void treePathsThatCouldLeaveTheViewOrEnterItsGitFolder_areNotWritten() {
        Path work = tmp.resolve("view");
        assertThat(dev.mcpsec.git.MirrorView.safeTarget(work, ".mcp.json"))
                .isEqualTo(work.resolve(".mcp.json"));
        assertThat(dev.mcpsec.git.MirrorView.safeTarget(work, ".github/workflows/ci.yml"))
                .isNotNull();
        for (String bad :
                new String[] {
                    "../x",
                    "a/../../x",
                    ".git/config",
                    "sub/.GIT/hooks/x",
                    "/etc/passwd",
                    "a\\b",
                    "",
                    "a//b",
                    "./x",
                    ".git./x"
                }) {
            assertThat(dev.mcpsec.git.MirrorView.safeTarget(work, bad)).as(bad).isNull();
        }
    }

    private static Finding finding(String id, Severity s, String fp) {
        return new Finding(
                id,
                "committed-secrets",
                s,
                "t",
                "m",
                ".mcp.json",
                1,
                1,
                "srv",
                "claude-code",
                null,
                "fix",
                fp,
                "builtin@0.1.0");
    }

    private static RepoRecord repo(
            String name, List<Finding> findings, List<CredentialSeen> creds) {
        Severity worst = findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(null);
        return new RepoRecord(
                name,
                "/r/" + name,
                "clone",
                "abc",
                "state",
                null,
                worst,
                findings,
                0,
                List.of(),
                creds);
    }

    @Test
    void theReport_countsSeveritiesAndJoinsCredentialsAcrossRepositories() {
        CredentialSeen c =
                new CredentialSeen(
                        "fp1", "stripe-secret", "live", "sk_live_…abcd", ".mcp.json", "s", false);
        OrgReport r =
                OrgReport.of(
                        "0.1",
                        List.of(),
                        List.of(
                                repo(
                                        "b",
                                        List.of(finding("A", Severity.CRITICAL, "1")),
                                        List.of(c)),
                                repo("a", List.of(finding("B", Severity.LOW, "2")), List.of(c)),
                                repo("c", List.of(), List.of())),
                        null,
                        null);
        assertThat(r.repositories()).extracting(RepoRecord::name).containsExactly("a", "b", "c");
        assertThat(r.summary().bySeverity()).containsEntry("critical", 1).containsEntry("low", 1);
        assertThat(r.summary().worst()).containsEntry("critical", 1).containsEntry("low", 1);
        assertThat(r.summary().withFindings()).isEqualTo(2);
        assertThat(r.sharedCredentials())
                .singleElement()
                .satisfies(s -> assertThat(s.repositories()).containsExactly("a", "b"));
    }

    @Test
    void theTrend_countsNewAndResolvedFindings() {
        OrgReport before =
                OrgReport.of(
                        "0.1",
                        List.of(),
                        List.of(
                                repo(
                                        "a",
                                        List.of(
                                                finding("A", Severity.HIGH, "1"),
                                                finding("B", Severity.LOW, "2")),
                                        List.of())),
                        null,
                        new OrgReport.RunInfo(
                                "2026-01-01T00:00:00Z", 0, null, 1, 0, 0, 0, List.of()));
        OrgReport after =
                OrgReport.of(
                        "0.1",
                        List.of(),
                        List.of(
                                repo(
                                        "a",
                                        List.of(
                                                finding("A", Severity.HIGH, "1"),
                                                finding("C", Severity.CRITICAL, "3")),
                                        List.of())),
                        before,
                        null);
        assertThat(after.trend().newFindings()).isEqualTo(1);
        assertThat(after.trend().resolvedFindings()).isEqualTo(1);
        assertThat(after.trend().bySeverity())
                .containsEntry("critical", 1)
                .containsEntry("low", -1)
                .containsEntry("high", 0);
        assertThat(after.trend().previousGeneratedAt()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void reportsWithDifferentBundles_cannotBeMerged() {
        OrgReport a =
                OrgReport.of(
                        "0.1",
                        List.of(new OrgReport.BundleInfo("x", "1", "d", "aa")),
                        List.of(repo("a", List.of(), List.of())),
                        null,
                        null);
        OrgReport b =
                OrgReport.of(
                        "0.1",
                        List.of(new OrgReport.BundleInfo("x", "2", "d", "bb")),
                        List.of(repo("b", List.of(), List.of())),
                        null,
                        null);
        assertThatThrownBy(() -> OrgReport.merge(List.of(a, b), null, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("same settings");
    }

    @Test
    void theReport_roundTripsThroughJson() throws Exception {
        OrgReport r =
                OrgReport.of(
                        "0.1",
                        List.of(new OrgReport.BundleInfo("builtin", "0.1.0", "d", "aa")),
                        new ArrayList<>(
                                List.of(
                                        repo(
                                                "a",
                                                List.of(finding("A", Severity.HIGH, "1")),
                                                List.of()))),
                        null,
                        new OrgReport.RunInfo(
                                "2026-01-01T00:00:00Z", 5, "1/2", 1, 0, 0, 0, List.of()));
        Path file = tmp.resolve("r.json");
        r.write(file);
        assertThat(Files.readString(file))
                .contains("\"severity\" : \"high\"", "\"schema\" : \"mcpsec-org-report/1\"");
        assertThat(OrgReport.read(file)).isEqualTo(r);
    }

    @Test
    void hostileRepositoryNames_areEscapedInTheDashboard() {
        OrgReport r =
                OrgReport.of(
                        "0.1",
                        List.of(),
                        List.of(
                                repo(
                                        "<img src=x onerror=alert(1)>",
                                        List.of(finding("A", Severity.HIGH, "1")),
                                        List.of())),
                        null,
                        null);
        String html = OrgReportHtml.render(r);
        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }
}
