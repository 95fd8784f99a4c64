package dev.mcpsec.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.McpsecException;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.json.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs a bundle's fixture cases ({@code tests/<case>/}: a file tree plus {@code expected.json})
 * through a real scan, conftest-verify style. Only the tested bundle's findings count. {@code
 * expected.json} is read strictly: an unknown key fails the case with its line. A case that errors
 * fails on its own and the run goes on. See docs/writing-policies.md#testing.
 */
public final class BundleTestRunner {
    private static final List<String> FIELDS =
            List.of("ruleId", "checklist", "file", "server", "severity");
    static final Set<String> CASE_KEYS =
            Set.of(
                    "description",
                    "expect",
                    "expectNot",
                    "exhaustive",
                    "today",
                    "scan",
                    "git",
                    "commits");
    private static final Set<String> SCAN_KEYS = Set.of("history", "user", "limits");
    private static final Set<String> COMMIT_KEYS = Set.of("dir", "message", "date");
    private static final Set<String> GIT_MODES = Set.of("none", "init", "commit");
    private final CaseScanner scanner;
    private final Clock clock;

    /**
     * How a case is scanned: a real scan of the case's tree with the rules given (the engine's own
     * scan), on the clock given: the case's pinned {@code "today"}, or the engine's clock.
     */
    @FunctionalInterface
    public interface CaseScanner {
        ScanResult scan(ScanRequest request, CompiledPolicies policies, Clock clock);
    }

    /**
     * @param clock the engine's clock, for cases that pin no {@code "today"}
     */
    public BundleTestRunner(CaseScanner scanner, Clock clock) {
        this.scanner = scanner;
        this.clock = clock;
    }

    public BundleTestReport run(Bundle bundle, ScanRequest base) {
        if (bundle.tests().isEmpty()) {
            throw new ConfigurationException(
                    "bundle",
                    "bundle "
                            + bundle.label()
                            + " has no fixture cases (tests/<case>/expected.json)");
        }
        List<Bundle> bundles = new ArrayList<>(Policies.bundles(base, null));
        bundles.removeIf(b -> b.id().equals(bundle.id()));
        bundles.add(bundle);
        CompiledPolicies policies = PolicyCompiler.compile(bundles);
        List<BundleTestReport.CaseResult> results = new ArrayList<>();
        Map<String, JsonNode> expectations = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, byte[]>> c : bundle.tests().entrySet()) {
            results.add(runCase(c.getKey(), c.getValue(), bundle, policies, base, expectations));
        }
        List<RuleInfo> own =
                policies.rules().stream().filter(r -> bundle.label().equals(r.bundle())).toList();
        return new BundleTestReport(bundle.label(), results, coverage(own, expectations));
    }

    private BundleTestReport.CaseResult runCase(
            String name,
            Map<String, byte[]> files,
            Bundle bundle,
            CompiledPolicies policies,
            ScanRequest base,
            Map<String, JsonNode> expectations) {
        byte[] expectedBytes = files.get("expected.json");
        if (expectedBytes == null) {
            return new BundleTestReport.CaseResult(
                    name, false, List.of("no expected.json in tests/" + name));
        }
        String where = "tests/" + name + "/expected.json";
        Path dir = null;
        try {
            JsonNode expected = JsonTrees.read(expectedBytes);
            String invalid = validate(expected, StrictJson.of(expectedBytes, where), where);
            if (invalid != null) {
                return new BundleTestReport.CaseResult(name, false, List.of(invalid));
            }
            expectations.put(name, expected);
            Clock today =
                    expected.hasNonNull("today")
                            ? Clock.fixed(
                                    LocalDate.parse(expected.get("today").asText())
                                            .atTime(12, 0)
                                            .toInstant(ZoneOffset.UTC),
                                    ZoneOffset.UTC)
                            : clock;
            dir = Files.createTempDirectory("mcpsec-case-");
            Path project = dir.resolve("project");
            Path home = dir.resolve("home");
            Files.createDirectories(home);
            Path system = dir.resolve("system");
            Files.createDirectories(system);
            FixtureTree.materialise(
                    project, home, system, files, expected, new Random(name.hashCode()));
            JsonNode scan = expected.path("scan");
            // a case may set scan limits ("scan": {"limits": {"maxFiles": "1"}}), as --limit would
            ScanLimits limits = base.limits();
            for (Map.Entry<String, JsonNode> limit : scan.path("limits").properties()) {
                limits = limits.with(limit.getKey(), limit.getValue().asText());
            }
            ScanRequest request =
                    ScanRequest.builder(project)
                            .home(home)
                            .systemRoot(system)
                            .history(scan.path("history").asBoolean(true))
                            .includeUser(scan.path("user").asBoolean(false))
                            .limits(limits)
                            .build();
            ScanResult result = scanner.scan(request, policies, today);
            List<Finding> mine =
                    result.findings().stream()
                            .filter(f -> bundle.label().equals(f.bundle()))
                            .toList();
            List<String> shown = mine.stream().map(BundleTestRunner::show).toList();
            return new BundleTestReport.CaseResult(name, true, List.of(), shown)
                    .withProblems(compare(expected, mine));
        } catch (IOException e) {
            return new BundleTestReport.CaseResult(
                    name, false, List.of("cannot run case: " + e.getMessage()));
        } catch (McpsecException e) {
            return new BundleTestReport.CaseResult(
                    name, false, List.of("error: " + e.getMessage()));
        } catch (RuntimeException e) {
            return new BundleTestReport.CaseResult(
                    name,
                    false,
                    List.of(
                            "error: "
                                    + e.getClass().getSimpleName()
                                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * The first thing wrong with a case's {@code expected.json}, as {@code file:line: problem}, or
     * null.
     */
    static String validate(JsonNode expected, StrictJson lines, String where) {
        if (expected == null || !expected.isObject()) {
            return where + ": must be a JSON object";
        }
        String unknown = lines.unknownKey(expected, "", CASE_KEYS, "expected.json");
        if (unknown == null) {
            unknown = lines.unknownKey(expected.get("scan"), "/scan", SCAN_KEYS, "\"scan\"");
        }
        for (String list : List.of("expect", "expectNot")) {
            JsonNode entries = expected.get(list);
            if (unknown != null || entries == null) {
                continue;
            }
            if (!entries.isArray()) {
                return lines.at("/" + list)
                        + ": \""
                        + list
                        + "\" is an array of {ruleId, checklist, file, server, severity}";
            }
            for (int i = 0; i < entries.size() && unknown == null; i++) {
                JsonNode e = entries.get(i);
                if (!e.isObject() || e.isEmpty()) {
                    return lines.at("/" + list)
                            + ": "
                            + list
                            + "["
                            + i
                            + "] must name at least one of ruleId, checklist,"
                            + " file, server, severity";
                }
                unknown =
                        lines.unknownKey(
                                e, "/" + list + "/" + i, Set.copyOf(FIELDS), list + "[" + i + "]");
            }
        }
        JsonNode commits = expected.get("commits");
        for (int i = 0; commits != null && i < commits.size() && unknown == null; i++) {
            unknown =
                    lines.unknownKey(
                            commits.get(i), "/commits/" + i, COMMIT_KEYS, "commits[" + i + "]");
        }
        if (unknown != null) {
            return unknown;
        }
        if (expected.has("git") && !GIT_MODES.contains(expected.get("git").asText())) {
            return lines.at("/git") + ": \"git\" is one of none, init, commit";
        }
        if (expected.has("exhaustive") && !expected.get("exhaustive").isBoolean()) {
            return lines.at("/exhaustive") + ": \"exhaustive\" is true or false";
        }
        if (expected.has("today")) {
            try {
                LocalDate.parse(expected.get("today").asText());
            } catch (DateTimeParseException e) {
                return lines.at("/today") + ": \"today\" must be a date like 2026-11-26";
            }
        }
        return null;
    }

    static List<String> compare(JsonNode expected, List<Finding> findings) {
        List<String> problems = new ArrayList<>();
        for (JsonNode want : expected.path("expect")) {
            if (findings.stream().noneMatch(f -> matches(want, f))) {
                problems.add("missing:    " + describe(want) + actual(findings));
            }
        }
        for (JsonNode unwanted : expected.path("expectNot")) {
            for (Finding f : findings) {
                if (matches(unwanted, f)) {
                    problems.add(
                            "unexpected: "
                                    + show(f)
                                    + " (matches expectNot "
                                    + describe(unwanted)
                                    + ")");
                }
            }
        }
        if (expected.path("exhaustive").asBoolean(false)) {
            for (Finding f : findings) {
                boolean expectedOne = false;
                for (JsonNode want : expected.path("expect")) {
                    expectedOne |= matches(want, f);
                }
                if (!expectedOne) {
                    problems.add(
                            "unexpected: "
                                    + show(f)
                                    + " (the case is exhaustive and no expect entry matches it)");
                }
            }
        }
        return problems;
    }

    private static String show(Finding f) {
        return f.ruleId()
                + " "
                + f.checklist()
                + " "
                + f.severity().id()
                + " "
                + f.file()
                + ":"
                + f.line()
                + (f.server() == null ? "" : " server=" + f.server());
    }

    /**
     * Each rule of the bundle with the cases whose expect / expectNot entries name it (by rule or
     * checklist id).
     */
    static List<BundleTestReport.RuleCoverage> coverage(
            List<RuleInfo> rules, Map<String, JsonNode> cases) {
        List<BundleTestReport.RuleCoverage> out = new ArrayList<>();
        for (RuleInfo r : rules) {
            List<String> expect = new ArrayList<>();
            List<String> expectNot = new ArrayList<>();
            cases.forEach(
                    (name, expected) -> {
                        if (names(expected.path("expect"), r)) {
                            expect.add(name);
                        }
                        if (names(expected.path("expectNot"), r)) {
                            expectNot.add(name);
                        }
                    });
            out.add(
                    new BundleTestReport.RuleCoverage(
                            r.id(), r.checklist(), List.copyOf(expect), List.copyOf(expectNot)));
        }
        return out;
    }

    private static boolean names(JsonNode entries, RuleInfo r) {
        for (JsonNode e : entries) {
            JsonNode id = e.get("ruleId");
            JsonNode checklist = e.get("checklist");
            if (id != null
                    ? r.id().equals(id.asText())
                    : checklist != null && checklist.asText().equals(r.checklist())) {
                return true;
            }
        }
        return false;
    }

    private static String actual(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "\n              found: nothing";
        }
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append("\n              found: ")
                    .append(f.ruleId())
                    .append(' ')
                    .append(f.checklist())
                    .append(' ')
                    .append(f.file())
                    .append(f.server() == null ? "" : " server=" + f.server());
        }
        return sb.toString();
    }

    static boolean matches(JsonNode want, Finding f) {
        for (String field : FIELDS) {
            JsonNode v = want.get(field);
            if (v == null) {
                continue;
            }
            String actual =
                    switch (field) {
                        case "ruleId" -> f.ruleId();
                        case "checklist" -> f.checklist();
                        case "file" -> f.file();
                        case "server" -> f.server();
                        default -> f.severity().id();
                    };
            if (v.isNull() ? actual != null : !v.asText().equals(actual)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonNode want) {
        StringBuilder sb = new StringBuilder();
        want.properties()
                .forEach(
                        e ->
                                sb.append(sb.length() == 0 ? "" : " ")
                                        .append(e.getKey())
                                        .append('=')
                                        .append(e.getValue().asText()));
        return "{" + sb + "}";
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp dir left behind is harmless
        }
    }
}
