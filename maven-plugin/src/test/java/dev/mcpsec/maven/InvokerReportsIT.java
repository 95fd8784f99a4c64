package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.testsupport.ReportSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every report the plugin's integration tests wrote, validated against its published schema through
 * the shared {@link ReportSchemas}: each {@code mcpsec.json} against {@code
 * docs/schema/report-<schemaVersion>.json}, each {@code mcpsec.gitlab.json} against GitLab's
 * schema, each {@code mcpsec.junit.xml} against the JUnit XSD. Runs after maven-invoker-plugin has
 * built the cases (phase {@code post-integration-test}, see the pom) and walks {@code target/it}.
 * {@link #EXPECTED} lists the reports each case must leave: a case that wrote none of those it is
 * expected to, or one not listed, fails, so the check cannot pass on an empty folder.
 */
class InvokerReportsIT {
    // InvokerReportsCheckTest shows check() fails on an invalid, a missing and an unlisted report
    private static final Path CASES = Path.of("src/it");
    private static final Path RUN = Path.of("target/it");

    /** Case → the schema-checked reports it leaves (paths relative to the case). */
    static final Map<String, Set<String>> EXPECTED =
            new TreeMap<>(
                    Map.ofEntries(
                            Map.entry("bad-failon-fail", Set.of()),
                            Map.entry("bad-flag-fail", Set.of()),
                            Map.entry("bundle-test-fail", Set.of()),
                            Map.entry("clean-pass", Set.of("target/mcpsec/mcpsec.json")),
                            Map.entry("up-to-date", Set.of("target/mcpsec/mcpsec.json")),
                            Map.entry("help", Set.of()),
                            Map.entry("invalid-drl-fail", Set.of()),
                            Map.entry("leaky-fail", Set.of("target/mcpsec/mcpsec.json")),
                            Map.entry("scan-jvm-fail", Set.of("target/mcpsec/mcpsec.json")),
                            Map.entry("in-maven-jvm-fail", Set.of("target/mcpsec/mcpsec.json")),
                            Map.entry(
                                    "locked-rule-fail",
                                    Set.of("suppressed/target/mcpsec/mcpsec.json")),
                            Map.entry(
                                    "module-dir",
                                    Set.of(
                                            "target/mcpsec/mcpsec.json",
                                            "module-a/target/mcpsec/mcpsec.json")),
                            Map.entry("multi-module", Set.of("target/mcpsec/mcpsec.json")),
                            Map.entry(
                                    "org-bundle",
                                    Set.of("org-bundle-consumer/target/mcpsec/mcpsec.json")),
                            Map.entry("sarif", Set.of()),
                            Map.entry("site-aggregate", Set.of()),
                            Map.entry("site-report", Set.of()),
                            Map.entry("skip", Set.of()),
                            Map.entry(
                                    "user-properties",
                                    Set.of(
                                            "target/ci-reports/mcpsec.json",
                                            "target/ci-reports/mcpsec.gitlab.json",
                                            "target/ci-reports/mcpsec.junit.xml"))));

    @Test
    void everyCaseIsListed_andEveryCaseThatRanLeftExactlyItsReports_eachValid() throws Exception {
        Result result = check(CASES, RUN, EXPECTED, System.getProperty("invoker.test", ""));
        assertThat(result.problems()).isEmpty();
        assertThat(result.validated()).as("reports validated").isEqualTo(result.expected());
    }

    /** What {@link #check} found: problems, reports validated, reports the selected cases owe. */
    record Result(List<String> problems, int validated, int expected) {}

    /**
     * Checks the cases under {@code cases} against their run folders under {@code run}: every case
     * has a row in {@code expected}, every selected case ran, left exactly its expected reports,
     * and each validates against its schema.
     */
    static Result check(Path cases, Path run, Map<String, Set<String>> expected, String invokerTest)
            throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(cases)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .forEach(d -> names.add(d.getFileName().toString()));
        }
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            if (!expected.containsKey(name)) {
                problems.add(name + ": a case without a row in EXPECTED");
            }
        }
        int validated = 0;
        int owed = 0;
        for (String name : selected(names, invokerTest)) {
            Path dir = run.resolve(name);
            Set<String> wanted = expected.getOrDefault(name, Set.of());
            owed += wanted.size();
            if (!Files.isDirectory(dir)) {
                problems.add(name + ": did not run (no " + dir + ")");
                continue;
            }
            Set<String> found = reports(dir);
            for (String missing : difference(wanted, found)) {
                problems.add(name + ": expected report " + missing + " was not written");
            }
            for (String extra : difference(found, wanted)) {
                problems.add(name + ": wrote " + extra + ", not listed in EXPECTED");
            }
            for (String report : found) {
                Path file = dir.resolve(report);
                try {
                    ReportSchemas.assertValid(
                            ReportSchemas.formatOfFile(file),
                            Files.readString(file, StandardCharsets.UTF_8),
                            "of IT " + name + " (" + report + ")");
                    validated++;
                } catch (AssertionError e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return new Result(problems, validated, owed);
    }

    /** The cases maven-invoker-plugin ran: all, or those {@code -Dinvoker.test} names. */
    private static List<String> selected(Set<String> cases, String invokerTest) {
        String filter = invokerTest == null ? "" : invokerTest.trim();
        if (filter.isEmpty() || filter.startsWith("${")) {
            return List.copyOf(cases);
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String p : filter.split(",")) {
            String glob = p.trim().replaceAll("/.*$", "");
            if (!glob.isEmpty() && !glob.startsWith("!")) {
                patterns.add(Pattern.compile(glob.replace("*", ".*").replace("?", ".")));
            }
        }
        return cases.stream()
                .filter(c -> patterns.stream().anyMatch(p -> p.matcher(c).matches()))
                .toList();
    }

    /** Schema-checked report files under a case, relative paths; the IT's local repo excluded. */
    private static Set<String> reports(Path dir) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> ReportSchemas.formatOfFile(f) != null)
                    .forEach(f -> found.add(dir.relativize(f).toString().replace('\\', '/')));
        }
        return found;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
