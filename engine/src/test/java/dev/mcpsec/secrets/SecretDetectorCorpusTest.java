package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every string value of the real-world corpus through the detector: no exception, counts per
 * kind printed.
 */
class SecretDetectorCorpusTest {

    // The corpus is copied into the test resources, so the test never depends on anything outside
    // the checkout.
    private static final Path CORPUS = Path.of("src/test/resources/corpus/real");
    private static final Pattern JSON_STRING_PAIR =
            Pattern.compile("\"([^\"\\\\]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final SecretDetector detector = new SecretDetector();
    private final Map<String, Integer> counts = new TreeMap<>();

    /** One string value with the key that holds it and the section it sits in. */
    private record Value(String name, String value, ValueContext context) {}

    @Test
    void everyCorpusValue_isAnalysedWithoutException() throws IOException {
        assertThat(CORPUS).as("the corpus copy in the test resources").isDirectory();
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files =
                    s.filter(p -> p.getFileName().toString().matches("\\d{3}-.*"))
                            .sorted()
                            .toList();
        }
        int values = 0;
        for (Path file : files) {
            for (Value v : values(file)) {
                values++;
                assertThatCode(
                                () ->
                                        count(
                                                file,
                                                v,
                                                detector.analyze(v.name(), v.value(), v.context())))
                        .as(file.getFileName().toString())
                        .doesNotThrowAnyException();
            }
        }
        System.out.printf(
                Locale.ROOT, "corpus: %d files, %d string values%n", files.size(), values);
        counts.forEach((k, n) -> System.out.printf(Locale.ROOT, "  %-32s %d%n", k, n));
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(counts).containsKey("reference");
    }

    private void count(Path file, Value v, ValueAnalysis a) {
        // Masked forms only: the corpus holds fakes, but the habit of never printing a value holds
        // everywhere.
        a.detections()
                .forEach(
                        d ->
                                System.out.printf(
                                        Locale.ROOT,
                                        "  %s %s: %s %s %s (%s)%n",
                                        file.getFileName(),
                                        v.name(),
                                        d.kind(),
                                        d.tier(),
                                        d.masked(),
                                        d.detector()));
        a.references().forEach(r -> counts.merge("reference", 1, Integer::sum));
        a.detections()
                .forEach(
                        d ->
                                counts.merge(
                                        "detection " + d.kind() + " (" + d.tier() + ")",
                                        1,
                                        Integer::sum));
        a.databases()
                .forEach(
                        d ->
                                counts.merge(
                                        "database-url"
                                                + (d.password() != null
                                                        ? " with literal password"
                                                        : ""),
                                        1,
                                        Integer::sum));
        a.explanation().stream()
                .filter(e -> e.contains(" placeholder: step"))
                .forEach(
                        e ->
                                counts.merge(
                                        "placeholder "
                                                + e.substring(
                                                        e.indexOf("step"), e.indexOf("step") + 6),
                                        1,
                                        Integer::sum));
    }

    private static List<Value> values(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        ObjectMapper mapper =
                name.endsWith(".toml")
                        ? new TomlMapper()
                        : name.endsWith(".yaml") || name.endsWith(".yml")
                                ? new YAMLMapper()
                                : JsonMapper.builder()
                                        .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                                        .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                                        .build();
        List<Value> out = new ArrayList<>();
        try {
            walk(mapper.readTree(text), null, null, out);
        } catch (IOException e) {
            // Unparsable files (one truncated JSON) still get their "key": "value" pairs looked at.
            Matcher m = JSON_STRING_PAIR.matcher(text);
            while (m.find()) {
                out.add(new Value(m.group(1), m.group(2), ValueContext.OTHER));
            }
        }
        return out;
    }

    private static void walk(JsonNode node, String key, String section, List<Value> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), e.getKey(), key, out);
            }
        } else if (node.isArray() && "args".equals(key)) {
            List<String> args = new ArrayList<>();
            node.forEach(n -> args.add(n.isValueNode() ? n.asText() : n.toString()));
            ArgScanner.scan(args)
                    .forEach(a -> out.add(new Value(a.name(), a.value(), a.context())));
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, key, section, out));
        } else if (node.isTextual()) {
            out.add(new Value(key, node.asText(), contextOf(key, section)));
        }
    }

    private static ValueContext contextOf(String key, String section) {
        if (section != null && section.toLowerCase(Locale.ROOT).startsWith("env")) {
            return ValueContext.ENV;
        }
        if ("headers".equals(section) || "http_headers".equals(section)) {
            return ValueContext.HEADER;
        }
        return key != null && key.toLowerCase(Locale.ROOT).contains("url")
                ? ValueContext.URL
                : ValueContext.OTHER;
    }
}
