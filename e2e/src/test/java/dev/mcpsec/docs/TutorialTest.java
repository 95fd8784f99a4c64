package dev.mcpsec.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.report.ReportFormat;
import dev.mcpsec.report.ReportOptions;
import dev.mcpsec.report.Reporters;
import dev.mcpsec.secrets.FakeSecrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows docs/writing-policies.md to the letter: writes every file the page tells the reader to
 * create (taken from its code blocks, so page and test cannot drift), runs the bundle's fixture
 * tests and scans the demo project with the built-in bundle on the class path, as a user of the CLI
 * would.
 */
class TutorialTest {
    private static final Path DOC = Path.of("../docs/writing-policies.md");

    /** The line before a file's code block: {@code Create `path/to/file`:}. */
    private static final Pattern CREATE = Pattern.compile("^Create `([^`]+)`:\\s*$");

    private static final String BUNDLE = "acme-mcp-policies";

    private static String doc;

    @BeforeAll
    static void readDoc() throws IOException {
        doc = Files.readString(DOC, StandardCharsets.UTF_8);
    }

    @Test
    void tutorialBundle_passesItsOwnFixtureTests_asStepSixShows(@TempDir Path dir)
            throws IOException {
        write(dir, filesOf(section("## Tutorial")));
        List<String> shown = codeBlockAfter("### Step 6").lines().toList();

        BundleTestReport report =
                Mcpsec.create()
                        .testBundle(
                                dir.resolve(BUNDLE),
                                ScanRequest.builder(dir).history(false).build());

        assertThat(report.cases()).allSatisfy(c -> assertThat(c.problems()).as(c.name()).isEmpty());
        assertThat(report.passed()).isTrue();
        List<String> printed = new ArrayList<>();
        printed.add("bundle " + report.bundle());
        report.cases().forEach(c -> printed.add("PASS " + c.name()));
        printed.add(report.cases().size() + " cases, " + report.failures() + " failed");
        assertThat(shown)
                .as("the output shown under Step 6")
                .containsExactlyElementsOf(concat(List.of("$ ./mcpsec test " + BUNDLE), printed));
    }

    @Test
    void tutorialRule_firesOnTheDemoProject_withTheMessageStepSevenShows(@TempDir Path dir)
            throws IOException {
        write(dir, filesOf(section("## Tutorial")));
        assertThat(codeBlockAfter("Create `demo/.mcp.json`:", 2))
                .isEqualTo("$ ./mcpsec scan demo --bundle ./" + BUNDLE);

        ScanResult result =
                Mcpsec.create()
                        .scan(
                                ScanRequest.builder(dir.resolve("demo"))
                                        .history(false)
                                        .bundles(List.of(dir.resolve(BUNDLE).toString()))
                                        .build());

        List<Finding> acme =
                result.findings().stream().filter(f -> f.ruleId().startsWith("ACME-")).toList();
        assertThat(acme)
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.ruleId()).isEqualTo("ACME-MCP-001");
                            assertThat(f.server()).isEqualTo("jira");
                            assertThat(f.file()).isEqualTo(".mcp.json");
                            assertThat(f.bundle()).isEqualTo("acme@1.0.0");
                        });
        assertThat(result.findings())
                .as("the built-in bundle ran too")
                .anyMatch(f -> f.ruleId().startsWith("MCP-"));
        String report = normalise(textReport(result));
        for (String shownLine :
                codeBlockAfter("Among the built-in findings, the report now lists:")
                        .lines()
                        .toList()) {
            assertThat(report).as("the text report").contains(normalise(shownLine));
        }
    }

    @Test
    void computedMessageRule_joinsTheTutorialBundle_andAllItsCasesPass(@TempDir Path dir)
            throws IOException {
        Map<String, String> files = filesOf(section("## Tutorial"));
        files.putAll(filesOf(section("## Computed messages")));
        write(dir, files);

        BundleTestReport report =
                Mcpsec.create()
                        .testBundle(
                                dir.resolve(BUNDLE),
                                ScanRequest.builder(dir).history(false).build());

        assertThat(report.cases())
                .extracting(BundleTestReport.CaseResult::name)
                .containsExactly("experimental-fail", "released-pass", "sprawl-fail");
        assertThat(report.cases()).allSatisfy(c -> assertThat(c.problems()).as(c.name()).isEmpty());
    }

    @Test
    void computedMessage_isTheTextTheConsequenceBuilds(@TempDir Path dir) throws IOException {
        Map<String, String> files = filesOf(section("## Tutorial"));
        files.putAll(filesOf(section("## Computed messages")));
        write(dir, files);
        Path project = dir.resolve("payments");
        String fixture =
                files.get(
                        BUNDLE + "/src/main/resources/META-INF/mcpsec/tests/sprawl-fail/.mcp.json");
        Files.createDirectories(project);
        Files.writeString(
                project.resolve(".mcp.json"), FakeSecrets.expandFakes(fixture, new Random()));

        ScanResult result =
                Mcpsec.create()
                        .scan(
                                ScanRequest.builder(project)
                                        .history(false)
                                        .bundles(List.of(dir.resolve(BUNDLE).toString()))
                                        .build());

        assertThat(result.findings())
                .filteredOn(f -> f.ruleId().equals("ACME-MCP-002"))
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.message())
                                    .isEqualTo("payments holds 2 literal secrets in .mcp.json");
                            assertThat(f.remediation()).contains("secrets of payments");
                        });
    }

    @Test
    void everyCompleteRuleOnThePage_compilesWithValidMetadata(@TempDir Path dir)
            throws IOException {
        List<String> rules =
                drlBlocks().stream()
                        .filter(
                                b ->
                                        b.startsWith("rule \"")
                                                && !b.contains("...")
                                                && !b.contains("//"))
                        .toList();
        assertThat(rules).as("stand-alone rule examples outside the tutorial files").isNotEmpty();
        Path base = dir.resolve("examples/META-INF/mcpsec");
        Files.createDirectories(base.resolve("policies"));
        Files.writeString(
                base.resolve("bundle.json"), "{\"id\": \"page-examples\", \"version\": \"1\"}");
        for (int i = 0; i < rules.size(); i++) {
            Files.writeString(
                    base.resolve("policies/example-" + i + ".drl"),
                    "package docs.example"
                            + i
                            + ";\n\nimport dev.mcpsec.facts.*;\n\n"
                            + rules.get(i));
        }

        List<String> ids =
                Mcpsec.create()
                        .rules(
                                ScanRequest.builder(dir)
                                        .bundles(List.of(dir.resolve("examples").toString()))
                                        .build())
                        .stream()
                        .filter(r -> r.bundle().startsWith("page-examples"))
                        .map(r -> r.id())
                        .toList();

        assertThat(ids).hasSize(rules.size());
    }

    @Test
    void everyFileTheTutorialCreates_isExtracted() {
        Map<String, String> files = filesOf(section("## Tutorial"));
        String base = BUNDLE + "/src/main/resources/META-INF/mcpsec/";
        assertThat(files)
                .containsOnlyKeys(
                        base + "bundle.json",
                        base + "data/acme-blocked-scopes.json",
                        base + "policies/acme-packages.drl",
                        base + "tests/experimental-fail/.mcp.json",
                        base + "tests/experimental-fail/expected.json",
                        base + "tests/released-pass/.mcp.json",
                        base + "tests/released-pass/expected.json",
                        "demo/.mcp.json");
    }

    /** The page from {@code heading} (an h2 prefix) up to the next h2. */
    private static String section(String heading) {
        int start = doc.indexOf("\n" + heading);
        assertThat(start).as("section " + heading + " in " + DOC).isGreaterThanOrEqualTo(0);
        int end = doc.indexOf("\n## ", start + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    /** Path → content of every code block that follows a {@code Create `path`:} line. */
    static Map<String, String> filesOf(String markdown) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = markdown.split("\n", -1);
        String lastText = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("```")) {
                int close = i + 1;
                while (close < lines.length && !lines[close].startsWith("```")) {
                    close++;
                }
                Matcher m = lastText == null ? null : CREATE.matcher(lastText);
                if (m != null && m.matches()) {
                    out.put(
                            m.group(1),
                            String.join("\n", List.of(lines).subList(i + 1, close)) + "\n");
                }
                i = close;
                lastText = null;
            } else if (!line.isBlank()) {
                lastText = line;
            }
        }
        return out;
    }

    /** The content of every {@code ```drl} block on the page. */
    private static List<String> drlBlocks() {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?ms)^```drl\\n(.*?)^```").matcher(doc);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String codeBlockAfter(String marker) {
        return codeBlockAfter(marker, 1);
    }

    /** The content of the {@code nth} code block after {@code marker}. */
    private static String codeBlockAfter(String marker, int nth) {
        int at = doc.indexOf(marker);
        assertThat(at).as(marker + " in " + DOC).isGreaterThanOrEqualTo(0);
        String block = "";
        for (int n = 0; n < nth; n++) {
            int open = doc.indexOf("\n```", at);
            int from = doc.indexOf('\n', open + 1) + 1;
            int close = doc.indexOf("\n```", from);
            block = doc.substring(from, close);
            at = doc.indexOf('\n', close + 1);
        }
        return block.stripTrailing();
    }

    private static void write(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static String textReport(ScanResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reporters.get(ReportFormat.TEXT).write(result, out, ReportOptions.plain());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String normalise(String text) {
        return text.replaceAll("[ \\t]+", " ").replaceAll("(?m)^ ", "").strip();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
