package dev.mcpsec.policies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the fixture cases under tests/ against the expected.json format, the rule ids and the
 * no-literal-secret rule.
 */
class BuiltinFixturesShapeTest {

    private static final Path TESTS = BuiltinBundle.DIR.resolve("tests");
    private static final Set<String> TOP_LEVEL =
            Set.of("description", "git", "commits", "scan", "expect", "expectNot");
    private static final Set<String> ENTRY_FIELDS =
            Set.of("ruleId", "checklist", "file", "server", "severity");
    // No built-in failing case is possible: MCP-PIN-003 needs org data, MCP-AA-013 a user-level
    // Cursor file.
    private static final Set<String> NO_FAILING_CASE = Set.of();
    // Secret shapes must come from @@FAKE:kind@@ tokens that the runner fills in, never from the
    // file itself.
    private static final Pattern SECRET_SHAPE =
            Pattern.compile(
                    "[rs]k_(live|test)_[A-Za-z0-9]{10,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}"
                            + "|xox[bpas]-[0-9A-Za-z-]{10,}|eyJ[\\w-]{10,}\\.eyJ|glpat-[\\w-]{10,}|ntn_[A-Za-z0-9]{20,}"
                            + "|sk-ant-[\\w-]{20,}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCase_hasAWellFormedExpectedJson() throws IOException {
        for (Path dir : cases()) {
            JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
            assertThat(fieldNames(expected))
                    .as(dir.toString())
                    .isSubsetOf(TOP_LEVEL)
                    .contains("description");
            assertThat(expected.path("git").asText("none"))
                    .as(dir.toString())
                    .isIn("none", "init", "commit");
            for (JsonNode commit : expected.path("commits")) {
                assertThat(dir.resolve(commit.get("dir").asText()))
                        .as(dir.toString())
                        .isDirectory();
            }
            for (JsonNode entry : entries(expected)) {
                assertThat(fieldNames(entry))
                        .as(dir + ": " + entry)
                        .isNotEmpty()
                        .isSubsetOf(ENTRY_FIELDS);
                if (entry.has("ruleId")) {
                    assertThat(ruleIds()).as(dir.toString()).contains(entry.get("ruleId").asText());
                }
                if (entry.has("checklist")) {
                    assertThat(BuiltinBundle.CHECKLIST_IDS)
                            .as(dir.toString())
                            .contains(entry.get("checklist").asText());
                }
            }
        }
    }

    @Test
    void everyRule_hasAFailingAndAPassingCase() throws IOException {
        Set<String> failing = new HashSet<>();
        Set<String> passing = new HashSet<>();
        for (Path dir : cases()) {
            JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
            expected.path("expect").forEach(e -> failing.add(e.path("ruleId").asText()));
            expected.path("expectNot").forEach(e -> passing.add(e.path("ruleId").asText()));
        }
        Set<String> needFailing = new HashSet<>(ruleIds());
        needFailing.removeAll(NO_FAILING_CASE);
        assertThat(failing).containsAll(needFailing);
        assertThat(passing).containsAll(ruleIds());
    }

    @Test
    void noFixtureFile_holdsASecretShapedValue() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(
                                SECRET_SHAPE
                                        .matcher(Files.readString(file))
                                        .results()
                                        .map(m -> m.group())
                                        .filter(v -> !v.contains("your")))
                        .as(file.toString())
                        .isEmpty();
            }
        }
    }

    private static List<Path> cases() {
        try (Stream<Path> dirs = Files.list(TESTS)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> ruleIds() {
        Set<String> ids = new HashSet<>();
        BuiltinBundle.rules().forEach(r -> ids.add((String) r.getMetaData().get("id")));
        return ids;
    }

    private static List<JsonNode> entries(JsonNode expected) {
        return Stream.concat(
                        Stream.of(expected.path("expect")), Stream.of(expected.path("expectNot")))
                .flatMap(a -> Stream.iterate(0, i -> i < a.size(), i -> i + 1).map(a::get))
                .toList();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
