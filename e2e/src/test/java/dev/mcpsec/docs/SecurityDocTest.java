package dev.mcpsec.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every guarantee of docs/security.md names the tests that back it, and every test it names exists:
 * a class {@code FooTest} in some module's test sources, and for {@code FooTest#method} a method of
 * that name in it.
 */
class SecurityDocTest {
    private static final Path DOC = Path.of("../docs/security.md");
    private static final Pattern TEST =
            Pattern.compile("`([A-Z][A-Za-z0-9]*Test)(?:#([A-Za-z0-9_]+))?`");
    private static final List<String> MODULES =
            List.of("engine", "policies", "cli", "maven-plugin", "e2e");

    @Test
    void everyGuaranteeNamesATest_andEveryNamedTestExists() throws IOException {
        List<String> rows =
                Files.readAllLines(DOC).stream().filter(l -> l.startsWith("| **")).toList();
        assertThat(rows).as("guarantee rows in %s", DOC).hasSizeGreaterThanOrEqualTo(6);
        List<String> missing = new ArrayList<>();
        for (String row : rows) {
            Matcher m = TEST.matcher(row);
            boolean any = false;
            while (m.find()) {
                any = true;
                Path source = find(m.group(1));
                if (source == null) {
                    missing.add(m.group(1));
                } else if (m.group(2) != null
                        && !Files.readString(source).contains(" " + m.group(2) + "(")) {
                    missing.add(m.group(1) + "#" + m.group(2));
                }
            }
            assertThat(any)
                    .as("a named test backs: %s", row.substring(0, Math.min(60, row.length())))
                    .isTrue();
        }
        assertThat(missing).as("tests named in %s that do not exist", DOC).isEmpty();
    }

    private static Path find(String className) throws IOException {
        for (String module : MODULES) {
            Path tests = Path.of("..", module, "src", "test", "java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(tests)) {
                Path hit =
                        files.filter(p -> p.getFileName().toString().equals(className + ".java"))
                                .findFirst()
                                .orElse(null);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }
}
