package dev.mcpsec.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.rules.OwaspMcpTop10;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every built-in rule maps to the OWASP MCP Top 10 items it addresses, and its rule page names
 * them.
 */
class OwaspMappingTest {
    private static final Path PAGES = Path.of("docs/rules");

    private static List<RuleInfo> builtin() {
        return Mcpsec.create().rules(ScanRequest.builder(Path.of(".")).build()).stream()
                .filter(r -> r.bundle().startsWith("builtin@"))
                .toList();
    }

    @Test
    void everyBuiltInRule_hasKnownOwaspItems() {
        assertThat(OwaspMcpTop10.ids()).hasSize(10).startsWith("MCP01:2025").endsWith("MCP10:2025");
        for (RuleInfo rule : builtin()) {
            assertThat(rule.owasp())
                    .as(rule.id())
                    .isNotEmpty()
                    .allSatisfy(item -> assertThat(OwaspMcpTop10.title(item)).as(item).isNotNull());
        }
        assertThat(builtin())
                .filteredOn(r -> r.checklist().equals("known-vulnerable"))
                .allSatisfy(r -> assertThat(r.owasp()).containsExactly("MCP04:2025"));
        assertThat(builtin())
                .filteredOn(r -> r.checklist().equals("production-keys"))
                .allSatisfy(r -> assertThat(r.owasp()).containsExactly("MCP01:2025"));
    }

    @Test
    void everyRulePage_namesItsOwaspItems() throws IOException {
        for (RuleInfo rule : builtin()) {
            String page =
                    Files.readString(PAGES.resolve(rule.id() + ".md"), StandardCharsets.UTF_8);
            String row =
                    page.lines()
                            .filter(l -> l.startsWith("| OWASP MCP Top 10 |"))
                            .findFirst()
                            .orElse("");
            assertThat(row)
                    .as(rule.id())
                    .contains(
                            rule.owasp().stream().map(OwaspMcpTop10::label).toArray(String[]::new));
        }
    }
}
