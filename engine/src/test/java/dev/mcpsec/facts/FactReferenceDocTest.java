package dev.mcpsec.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the fact reference of docs/writing-policies.md and the classes of {@code dev.mcpsec.facts}
 * in step: policy authors only have the doc, so an undocumented or a phantom field is a broken
 * contract.
 */
class FactReferenceDocTest {
    private static final Path DOC = Path.of("../docs/writing-policies.md");
    private static final Pattern TYPE_HEADING = Pattern.compile("^### (\\w+)\\s*$");
    private static final Pattern FIELD_ROW = Pattern.compile("^\\|\\s*`(\\w+)`\\s*\\|");

    private static Map<String, Set<String>> documented;
    private static Map<String, Set<String>> actual;

    @BeforeAll
    static void readDocAndClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        documented = documentedFields(Files.readString(DOC, StandardCharsets.UTF_8));
        actual = new TreeMap<>();
        for (Class<?> type : factPackageClasses()) {
            if (type.isRecord()) {
                Set<String> names = new LinkedHashSet<>();
                for (RecordComponent c : type.getRecordComponents()) {
                    names.add(c.getName());
                }
                actual.put(type.getSimpleName(), names);
            } else if (type.isInterface()) {
                Set<String> names = new LinkedHashSet<>();
                for (Method m : type.getDeclaredMethods()) {
                    if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                        names.add(m.getName());
                    }
                }
                actual.put(type.getSimpleName(), names);
            }
        }
    }

    @Test
    void factPackage_isFoundOnTheClassPath() {
        assertThat(actual).containsKeys("McpServer", "Credential", "PolicyData", "Fact");
    }

    @Test
    void everyFactType_hasASectionInTheReference() {
        assertThat(documented.keySet())
                .as("fact types without a '### Type' section under '## Fact reference' in " + DOC)
                .containsAll(actual.keySet());
    }

    @Test
    void everySectionOfTheReference_namesAnExistingFactType() {
        assertThat(actual.keySet())
                .as("sections of the fact reference that name no type in dev.mcpsec.facts")
                .containsAll(documented.keySet());
    }

    @Test
    void everyFieldOfEveryFact_isDocumented() {
        List<String> missing = new ArrayList<>();
        actual.forEach(
                (type, fields) ->
                        fields.stream()
                                .filter(f -> !documented.getOrDefault(type, Set.of()).contains(f))
                                .forEach(f -> missing.add(type + "." + f)));
        assertThat(missing).as("fields missing from the fact reference").isEmpty();
    }

    @Test
    void everyDocumentedField_exists() {
        List<String> phantom = new ArrayList<>();
        documented.forEach(
                (type, fields) ->
                        fields.stream()
                                .filter(f -> !actual.getOrDefault(type, Set.of()).contains(f))
                                .forEach(f -> phantom.add(type + "." + f)));
        assertThat(phantom).as("documented fields that the fact classes do not have").isEmpty();
    }

    @Test
    void referenceParser_readsTypesAndFieldsOnlyFromTheReferenceSection() {
        String doc =
                "## Other\n\n### McpServer\n\n| `ghost` | String | x |\n\n## Fact reference\n\n"
                        + "### PolicyData\n\n| field | type | meaning |\n|---|---|---|\n| `bundle` | String | id |\n"
                        + "| `name` | String | list |\n\n## After\n\n| `later` | String | x |\n";
        assertThat(documentedFields(doc)).isEqualTo(Map.of("PolicyData", Set.of("bundle", "name")));
    }

    /**
     * Type → field names, from the {@code ### Type} tables under {@code ## Fact reference}, up to
     * the next h2.
     */
    static Map<String, Set<String>> documentedFields(String markdown) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        boolean inReference = false;
        String type = null;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                inReference = line.trim().equals("## Fact reference");
                type = null;
                continue;
            }
            if (!inReference) {
                continue;
            }
            Matcher heading = TYPE_HEADING.matcher(line);
            if (heading.matches()) {
                type = heading.group(1);
                out.put(type, new LinkedHashSet<>());
                continue;
            }
            Matcher row = FIELD_ROW.matcher(line);
            if (type != null && row.find()) {
                out.get(type).add(row.group(1));
            }
        }
        return out;
    }

    private static List<Class<?>> factPackageClasses()
            throws IOException, URISyntaxException, ClassNotFoundException {
        String pkg = Fact.class.getPackageName();
        // Located through Fact.class itself: this test shares the package, so a package lookup
        // finds test-classes.
        URL url = Fact.class.getResource("Fact.class");
        assertThat(url).as("the compiled fact package").isNotNull();
        assertThat(url.getProtocol())
                .as("fact classes are read from the module's class directory")
                .isEqualTo("file");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()).getParent())) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".class")
                        && !name.contains("$")
                        && !name.equals("package-info.class")) {
                    Class<?> c =
                            Class.forName(
                                    pkg
                                            + "."
                                            + name.substring(0, name.length() - ".class".length()));
                    if (Modifier.isPublic(c.getModifiers())) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }
}
