package dev.mcpsec.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetScannerTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String SALT = "0123456789abcdef0123456789abcdef";

    @TempDir Path tmp;

    private FleetFixture fleet;

    @BeforeEach
    void layOut() throws Exception {
        fleet = new FleetFixture(tmp.resolve("in"), 42).standard();
    }

    private FleetRequest request(Path input, Path out, Shard shard, boolean cache) {
        return new FleetRequest(
                List.of(input),
                out,
                ScanRequest::builder,
                2,
                shard,
                cache,
                false,
                SALT,
                true,
                null);
    }

    private OrgReport run(Path input, Path out) {
        return new FleetScanner(CLOCK).run(request(input, out, null, true)).report();
    }

    private static Map<String, Set<String>> checklists(OrgReport r) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (RepoRecord repo : r.repositories()) {
            out.put(
                    repo.name(),
                    repo.findings().stream().map(Finding::checklist).collect(Collectors.toSet()));
        }
        return out;
    }

    private void assertPlantedProblemsFound(OrgReport r) {
        Map<String, Set<String>> found = checklists(r);
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(fleet.expected.keySet());
        fleet.expected.forEach(
                (name, e) -> {
                    e.present().forEach(id -> assertThat(found.get(name)).as(name).contains(id));
                    e.absent()
                            .forEach(id -> assertThat(found.get(name)).as(name).doesNotContain(id));
                });
        assertThat(r.repositories())
                .allSatisfy(repo -> assertThat(repo.error()).as(repo.name()).isNull());
        assertThat(r.sharedCredentials())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.repositories()).containsExactly("alpha", "echo");
                            assertThat(c.kind()).startsWith("stripe");
                        });
    }

    @Test
    void clones_everyPlantedProblemIsFound() {
        OrgReport r = run(fleet.clones, tmp.resolve("out"));
        assertPlantedProblemsFound(r);
        assertThat(r.repositories()).allSatisfy(repo -> assertThat(repo.kind()).isEqualTo("clone"));
    }

    @Test
    void bareMirrors_everyPlantedProblemIsFound_andTheMirrorsAreNotWritten() throws IOException {
        Map<String, String> before = snapshot(fleet.mirrors);
        OrgReport r = run(fleet.mirrors, tmp.resolve("out"));
        assertPlantedProblemsFound(r);
        assertThat(r.repositories())
                .allSatisfy(repo -> assertThat(repo.kind()).isEqualTo("mirror"));
        assertThat(snapshot(fleet.mirrors)).isEqualTo(before);
        assertThat(tmp.resolve("out/work"))
                .satisfiesAnyOf(
                        p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void clonesAndMirrors_giveTheSameFindings() {
        OrgReport clones = run(fleet.clones, tmp.resolve("a"));
        OrgReport mirrors = run(fleet.mirrors, tmp.resolve("b"));
        assertThat(checklists(mirrors)).isEqualTo(checklists(clones));
    }

    @Test
    void unchangedRepositories_comeFromTheCache_andAChangedOneIsScannedAgain() throws Exception {
        Path out = tmp.resolve("out");
        OrgReport first = run(fleet.mirrors, out);
        assertThat(first.run().scanned()).isEqualTo(5);
        OrgReport second = run(fleet.mirrors, out);
        assertThat(second.run().fromCache()).isEqualTo(5);
        assertThat(second.run().scanned()).isZero();
        assertThat(checklists(second)).isEqualTo(checklists(first));
        assertThat(second.trend().newFindings()).isZero();
        assertThat(second.trend().resolvedFindings()).isZero();

        fleet.change(
                "charlie", ".cursor/mcp.json", FleetFixture.stripe(fleet.secret("stripe-live")));
        OrgReport third = run(fleet.mirrors, out);
        assertThat(third.run().scanned()).isEqualTo(1);
        assertThat(third.run().fromCache()).isEqualTo(4);
        assertThat(checklists(third).get("charlie")).contains("committed-secrets");
        assertThat(third.trend().newFindings()).isPositive();
    }

    private List<Finding> findingsOf(OrgReport r, String name) {
        return r.repositories().stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseThrow()
                .findings();
    }

    @Test
    void since_walksOnlyNewHistory_andStillReportsASecretRemovedInTheNewCommits() throws Exception {
        Path out = tmp.resolve("out");
        FleetRequest since =
                new FleetRequest(
                        List.of(fleet.mirrors),
                        out,
                        ScanRequest::builder,
                        2,
                        null,
                        true,
                        true,
                        SALT,
                        false,
                        null);
        OrgReport first = new FleetScanner(CLOCK).run(since).report();
        assertThat(first.run().incrementalHistory()).isZero();
        // alpha's live key is replaced by a reference: it now lives only in commits the next walk
        // does not read
        fleet.change("alpha", ".mcp.json", FleetFixture.stripe("${STRIPE_SECRET_KEY}"));
        OrgReport second = new FleetScanner(CLOCK).run(since).report();
        assertThat(second.run().scanned()).isEqualTo(1);
        assertThat(second.run().incrementalHistory()).isEqualTo(1);
        assertThat(checklists(second).get("alpha"))
                .contains("history-secrets")
                .doesNotContain("committed-secrets");
        OrgReport full =
                new FleetScanner(CLOCK)
                        .run(request(fleet.mirrors, tmp.resolve("full"), null, false))
                        .report();
        assertThat(findingsOf(second, "alpha")).isEqualTo(findingsOf(full, "alpha"));
    }

    @Test
    void since_walksTheWholeHistory_whenARefWasRewritten() throws Exception {
        Path out = tmp.resolve("out");
        FleetRequest since =
                new FleetRequest(
                        List.of(fleet.mirrors),
                        out,
                        ScanRequest::builder,
                        2,
                        null,
                        true,
                        true,
                        SALT,
                        false,
                        null);
        new FleetScanner(CLOCK).run(since);
        fleet.rewrite("bravo", "NOTES.md", "rewritten\n");
        OrgReport second = new FleetScanner(CLOCK).run(since).report();
        assertThat(second.run().scanned()).isEqualTo(1);
        assertThat(second.run().incrementalHistory()).isZero();
        OrgReport full =
                new FleetScanner(CLOCK)
                        .run(request(fleet.mirrors, tmp.resolve("full"), null, false))
                        .report();
        assertThat(findingsOf(second, "bravo")).isEqualTo(findingsOf(full, "bravo"));
    }

    @Test
    void fourShardsMerged_equalOneRun() throws IOException {
        Path whole = tmp.resolve("whole");
        new FleetScanner(CLOCK).run(request(fleet.mirrors, whole, null, false));
        List<Path> parts = new ArrayList<>();
        int total = 0;
        for (int i = 1; i <= 4; i++) {
            Path part = tmp.resolve("shard" + i);
            total +=
                    new FleetScanner(CLOCK)
                            .run(request(fleet.mirrors, part, new Shard(i, 4), false))
                            .report()
                            .repositories()
                            .size();
            parts.add(part);
        }
        assertThat(total).isEqualTo(5);
        Path merged = tmp.resolve("merged");
        new FleetScanner(CLOCK).merge(parts, merged);
        assertThat(comparable(merged.resolve(FleetScanner.REPORT_JSON)))
                .isEqualTo(comparable(whole.resolve(FleetScanner.REPORT_JSON)));
    }

    /** The report without what differs between runs by design: how it was made, and the trend. */
    private static String comparable(Path json) throws IOException {
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(json.toFile());
        node.remove("run");
        node.remove("trend");
        return node.toPrettyString();
    }

    @Test
    void overlappingShards_cannotBeMerged() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        new FleetScanner(CLOCK).run(request(fleet.mirrors, a, null, false));
        new FleetScanner(CLOCK).run(request(fleet.mirrors, b, null, false));
        assertThatThrownBy(() -> new FleetScanner(CLOCK).merge(List.of(a, b), tmp.resolve("m")))
                .hasMessageContaining("more than one report");
    }

    @Test
    void brokenRepositories_areReported_andTheRestAreScanned() throws IOException {
        Path garbageHead = fleet.mirrors.resolve("yankee.git");
        Files.createDirectories(garbageHead.resolve("objects"));
        Files.createDirectories(garbageHead.resolve("refs/heads"));
        Files.writeString(garbageHead.resolve("HEAD"), "garbage\n");
        Path missingObject = fleet.mirrors.resolve("zulu.git");
        Files.createDirectories(missingObject.resolve("objects"));
        Files.createDirectories(missingObject.resolve("refs/heads"));
        Files.writeString(missingObject.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(
                missingObject.resolve("refs/heads/main"),
                "0123456789012345678901234567890123456789\n");
        OrgReport r = run(fleet.mirrors, tmp.resolve("out"));
        assertThat(r.repositories()).hasSize(7);
        for (String name : List.of("yankee", "zulu")) {
            RepoRecord broken =
                    r.repositories().stream()
                            .filter(x -> x.name().equals(name))
                            .findFirst()
                            .orElseThrow();
            assertThat(broken.error()).as(name).isNotBlank();
        }
        assertThat(r.summary().failed()).isEqualTo(2);
        assertThat(r.summary().scanned()).isEqualTo(5);
    }

    @Test
    void projectPoliciesOfScannedRepositories_neverRun_whateverTheRequestSays() throws Exception {
        Path marker = tmp.resolve("drl-ran");
        fleet.change(
                "charlie",
                ".mcpsec/policies/evil.drl",
                """
                package evil;
                import dev.mcpsec.facts.*;
                rule "EVIL-001 writes a marker"
                    @id("EVIL-001") @severity("low") @checklist("evil") @title("evil") @message("evil")
                when
                    McpServer()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                end
                """
                        .formatted(marker.toString().replace("\\", "\\\\")));
        FleetRequest optedIn =
                new FleetRequest(
                        List.of(fleet.clones),
                        tmp.resolve("out"),
                        root -> ScanRequest.builder(root).projectPolicies(true),
                        2,
                        null,
                        false,
                        false,
                        SALT,
                        false,
                        null);
        new FleetScanner(CLOCK).run(optedIn);
        new FleetScanner(CLOCK)
                .run(
                        new FleetRequest(
                                List.of(fleet.mirrors),
                                tmp.resolve("out2"),
                                root -> ScanRequest.builder(root).projectPolicies(true),
                                2,
                                null,
                                false,
                                false,
                                SALT,
                                false,
                                null));
        assertThat(marker).doesNotExist();
    }

    @Test
    void aRunWritesOnlyIntoItsOutputFolder() throws IOException {
        Map<String, String> before = snapshot(tmp.resolve("in"));
        run(fleet.clones, tmp.resolve("out"));
        run(fleet.mirrors, tmp.resolve("out"));
        assertThat(snapshot(tmp.resolve("in"))).isEqualTo(before);
    }

    @Test
    void noOutputFile_holdsAPlantedSecret() throws IOException {
        Path out = tmp.resolve("out");
        run(fleet.clones, out);
        run(fleet.mirrors, out);
        new FleetScanner(CLOCK).merge(List.of(out), tmp.resolve("merged"));
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.walk(out), Files.walk(tmp.resolve("merged")))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(p -> p.toString().endsWith(".sarif"));
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            for (String secret : fleet.secrets()) {
                for (int i = 0; i + 12 <= secret.length(); i++) {
                    String piece = secret.substring(i, i + 12);
                    if (!piece.startsWith("sk_live_") && !piece.startsWith("ghp_")) {
                        assertThat(text).as(f + " holds a piece of a secret").doesNotContain(piece);
                    }
                }
            }
        }
    }

    @Test
    void theHtmlDashboard_showsRepositoriesMatrixAndSharedCredentials() throws IOException {
        Path out = tmp.resolve("out");
        run(fleet.clones, out);
        String html = Files.readString(out.resolve(FleetScanner.REPORT_HTML));
        assertThat(html)
                .contains(
                        "Repositories by worst severity",
                        "Repositories × checklist",
                        "Credentials in more than one repository",
                        ">alpha<",
                        ">echo<",
                        "filesystem-scope");
        assertThat(html).doesNotContain("<script");
    }

    /**
     * A mirror's view borrows the mirror's objects through alternates outside the view: the fleet
     * follows them for views it made itself (the history findings of
     * bareMirrors_everyPlantedProblemIsFound depend on it), while a clone whose git directory lies
     * outside it is still refused unless the request allows external git.
     */
    @Test
    void externalGit_isFollowedForMirrorViews_butNotForAClonePointingOutside() throws Exception {
        Path outside = tmp.resolve("elsewhere/bravo.git");
        Files.createDirectories(outside.getParent());
        Files.move(fleet.clones.resolve("bravo/.git"), outside);
        Files.writeString(fleet.clones.resolve("bravo/.git"), "gitdir: " + outside + "\n");

        OrgReport mirrors = run(fleet.mirrors, tmp.resolve("m"));
        OrgReport refused = run(fleet.clones, tmp.resolve("a"));
        OrgReport allowed =
                new FleetScanner(CLOCK)
                        .run(
                                new FleetRequest(
                                        List.of(fleet.clones),
                                        tmp.resolve("b"),
                                        root -> ScanRequest.builder(root).allowExternalGit(true),
                                        2,
                                        null,
                                        false,
                                        false,
                                        SALT,
                                        true,
                                        null))
                        .report();

        assertThat(mirrors.repositories())
                .allSatisfy(
                        repo ->
                                assertThat(repo.warnings())
                                        .noneMatch(
                                                w -> w.message().contains("--allow-external-git")));
        RepoRecord bravoRefused =
                refused.repositories().stream()
                        .filter(r -> r.name().equals("bravo"))
                        .findFirst()
                        .orElseThrow();
        assertThat(bravoRefused.warnings())
                .anyMatch(w -> w.message().contains("pointing outside the scanned folder"));
        assertThat(checklists(refused).get("bravo")).doesNotContain("history-secrets");
        assertThat(checklists(allowed).get("bravo")).contains("history-secrets");
        assertThat(checklists(mirrors).get("bravo")).contains("history-secrets");
    }

    /**
     * The fleet reads each repository's refs to decide whether its cached result holds: a FIFO
     * there must not hang.
     */
    @Test
    void aFifoInAMirrorsGitDirectory_isAFailedRepository_notAHang() throws Exception {
        Path fifo = fleet.mirrors.resolve("alpha.git/packed-refs");
        Files.deleteIfExists(fifo);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.assertj.core.api.Assumptions.assumeThat(p.waitFor()).as("mkfifo available").isZero();
        try {
            OrgReport r =
                    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                            java.time.Duration.ofSeconds(60),
                            () -> run(fleet.mirrors, tmp.resolve("out")));

            RepoRecord alpha =
                    r.repositories().stream()
                            .filter(x -> x.name().equals("alpha"))
                            .findFirst()
                            .orElseThrow();
            assertThat(alpha.error()).contains("packed-refs").contains("not a regular file");
            assertThat(r.summary().failed()).isEqualTo(1);
            assertThat(r.summary().scanned()).isEqualTo(r.repositories().size() - 1);
        } finally {
            // release a reader still blocked on the FIFO (only code without the check blocks)
            Thread t =
                    new Thread(
                            () -> {
                                try (java.io.OutputStream out =
                                        Files.newOutputStream(
                                                fifo, java.nio.file.StandardOpenOption.WRITE)) {
                                    out.flush();
                                } catch (IOException ignored) {
                                    // nobody was waiting
                                }
                            });
            t.setDaemon(true);
            t.start();
        }
    }

    @Test
    void theOutputFolder_mustNotBeInsideAScannedRepository() {
        assertThatThrownBy(() -> run(fleet.clones, fleet.clones.resolve("alpha/reports")))
                .hasMessageContaining("inside the repository");
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String key = dir.relativize(p).toString();
                out.put(
                        key,
                        Files.isRegularFile(p)
                                ? Files.size(p)
                                        + ":"
                                        + Files.getLastModifiedTime(p).toMillis()
                                        + ":"
                                        + Integer.toHexString(
                                                java.util.Arrays.hashCode(Files.readAllBytes(p)))
                                : "dir");
            }
        }
        return out;
    }

    static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }
}
