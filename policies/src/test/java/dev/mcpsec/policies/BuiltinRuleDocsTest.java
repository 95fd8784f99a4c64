package dev.mcpsec.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.engine.Mcpsec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every built-in rule has a doc page in this module ({@code docs/rules/}) that matches its DRL
 * metadata, every page belongs to a rule, and the rule index of the user docs ({@code
 * docs/checklist.md}) lists every rule.
 */
class BuiltinRuleDocsTest {
    private static final Path DOCS = Path.of("../docs");
    private static final Path PAGES = Path.of("docs/rules");

    private static List<RuleInfo> builtin() {
        return Mcpsec.create().rules(ScanRequest.builder(Path.of(".")).build()).stream()
                .filter(r -> r.bundle().startsWith("builtin@"))
                .toList();
    }

    @Test
    void everyRule_hasAPageHeadedByItsIdAndTitle_namingItsChecklistIdAndSeverity()
            throws IOException {
        for (RuleInfo rule : builtin()) {
            Path page = PAGES.resolve(rule.id() + ".md");
            assertThat(page).as("doc page of " + rule.id()).exists();
            String text = Files.readString(page, StandardCharsets.UTF_8);
            assertThat(text.lines().findFirst().orElse(""))
                    .as(page.toString())
                    .isEqualTo("# " + rule.id() + ": " + rule.title());
            assertThat(text)
                    .as(page.toString())
                    .contains("`" + rule.checklist() + "`")
                    .contains(rule.severity().id());
            assertThat(text)
                    .as(page + ": 'How to fix' shows the rule's @remediation")
                    .contains(rule.remediation());
        }
    }

    @Test
    void checklistIndex_listsEveryRuleWithItsSeverity() throws IOException {
        String index = Files.readString(DOCS.resolve("checklist.md"), StandardCharsets.UTF_8);
        for (RuleInfo rule : builtin()) {
            assertThat(index)
                    .as("docs/checklist.md row of " + rule.id())
                    .contains(
                            "| `"
                                    + rule.checklist()
                                    + "` | ["
                                    + rule.id()
                                    + "](../policies/docs/rules/"
                                    + rule.id()
                                    + ".md) | "
                                    + rule.severity().id()
                                    + " | "
                                    + rule.title()
                                    + " |");
        }
    }

    @Test
    void noPage_describesARuleThatDoesNotExist() throws IOException {
        Set<String> ids = builtin().stream().map(RuleInfo::id).collect(Collectors.toSet());
        try (Stream<Path> pages = Files.list(PAGES)) {
            assertThat(pages.map(p -> p.getFileName().toString().replace(".md", "")))
                    .allSatisfy(
                            id ->
                                    assertThat(ids)
                                            .as("rule behind policies/docs/rules/" + id + ".md")
                                            .contains(id));
        }
    }

    @Test
    void everyChecklistId_isExplainedWithWhatWhyFixAndExamples() {
        ScanRequest request = ScanRequest.builder(Path.of(".")).build();
        for (String checklist :
                builtin().stream().map(RuleInfo::checklist).collect(Collectors.toSet())) {
            assertThat(Mcpsec.create().explain(checklist, request))
                    .as("explain " + checklist)
                    .hasValueSatisfying(
                            e -> {
                                assertThat(e.kind()).isEqualTo("checklist");
                                assertThat(e.what()).isNotBlank().isNotEqualTo(e.title());
                                assertThat(e.why()).isNotBlank();
                                assertThat(e.fix()).isNotBlank();
                                assertThat(e.failingExample())
                                        .as("failing example of " + checklist)
                                        .isNotBlank();
                                assertThat(e.passingExample())
                                        .as("passing example of " + checklist)
                                        .isNotBlank()
                                        .doesNotContain("@@FAKE:");
                            });
        }
    }
}
