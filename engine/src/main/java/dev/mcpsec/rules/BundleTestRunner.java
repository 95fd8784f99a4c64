package dev.mcpsec.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Runs a bundle's fixture cases ({@code tests/<case>/}: a file tree plus {@code expected.json}) through a real scan,
 * conftest-verify style. Only the tested bundle's findings count. See docs/writing-policies.md#testing.
 */
public final class BundleTestRunner {
    private static final List<String> FIELDS = List.of("ruleId", "checklist", "file", "server", "severity");
    private final CaseScanner scanner;

    /** How a case is scanned: a real scan of the case's tree with the rules given (the engine's own scan). */
    @FunctionalInterface
    public interface CaseScanner {
        ScanResult scan(ScanRequest request, CompiledPolicies policies);
    }

    public BundleTestRunner(CaseScanner scanner) {
        this.scanner = scanner;
    }

    public BundleTestReport run(Bundle bundle, ScanRequest base) {
        if (bundle.tests().isEmpty()) {
            throw new ConfigurationException("bundle", "bundle " + bundle.label() + " has no fixture cases (tests/<case>/expected.json)");
        }
        List<Bundle> bundles = new ArrayList<>(Policies.bundles(base, null));
        bundles.removeIf(b -> b.id().equals(bundle.id()));
        bundles.add(bundle);
        CompiledPolicies policies = PolicyCompiler.compile(bundles);
        List<BundleTestReport.CaseResult> results = new ArrayList<>();
        for (Map.Entry<String, Map<String, byte[]>> c : bundle.tests().entrySet()) {
            results.add(runCase(c.getKey(), c.getValue(), bundle, policies, base));
        }
        return new BundleTestReport(bundle.label(), results);
    }

    private BundleTestReport.CaseResult runCase(String name, Map<String, byte[]> files, Bundle bundle,
                                                CompiledPolicies policies, ScanRequest base) {
        byte[] expectedBytes = files.get("expected.json");
        if (expectedBytes == null) {
            return new BundleTestReport.CaseResult(name, false, List.of("no expected.json in tests/" + name));
        }
        Path dir = null;
        try {
            JsonNode expected = new ObjectMapper().readTree(expectedBytes);
            dir = Files.createTempDirectory("mcpsec-case-");
            Path project = dir.resolve("project");
            Path home = dir.resolve("home");
            Files.createDirectories(home);
            FixtureTree.materialise(project, home, files, expected, new Random(name.hashCode()));
            JsonNode scan = expected.path("scan");
            ScanRequest request = ScanRequest.builder(project).home(home)
                    .history(scan.path("history").asBoolean(true))
                    .includeUser(scan.path("user").asBoolean(false))
                    .limits(base.limits()).build();
            ScanResult result = scanner.scan(request, policies);
            List<Finding> mine = result.findings().stream().filter(f -> bundle.label().equals(f.bundle())).toList();
            return new BundleTestReport.CaseResult(name, true, List.of()).withProblems(compare(expected, mine));
        } catch (IOException e) {
            return new BundleTestReport.CaseResult(name, false, List.of("cannot run case: " + e.getMessage()));
        } finally {
            deleteQuietly(dir);
        }
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
                    problems.add("unexpected: " + f.ruleId() + " " + f.checklist() + " " + f.file() + ":" + f.line()
                            + (f.server() == null ? "" : " server=" + f.server()) + " (matches expectNot " + describe(unwanted) + ")");
                }
            }
        }
        return problems;
    }

    private static String actual(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "\n              found: nothing";
        }
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append("\n              found: ").append(f.ruleId()).append(' ').append(f.checklist()).append(' ')
                    .append(f.file()).append(f.server() == null ? "" : " server=" + f.server());
        }
        return sb.toString();
    }

    static boolean matches(JsonNode want, Finding f) {
        for (String field : FIELDS) {
            JsonNode v = want.get(field);
            if (v == null) {
                continue;
            }
            String actual = switch (field) {
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
        want.properties().forEach(e -> sb.append(sb.length() == 0 ? "" : " ").append(e.getKey()).append('=')
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
