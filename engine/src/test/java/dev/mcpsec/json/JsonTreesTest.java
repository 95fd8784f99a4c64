package dev.mcpsec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsonTrees} reads and writes what {@code ObjectMapper} reads and writes, node for node. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "null",
                "true",
                "\"text\"",
                "{\"a\":1,\"b\":2147483648,\"c\":92233720368547758070,\"d\":1.5,\"e\":-0.0,"
                        + "\"f\":1e400,\"g\":[true,false,null,{}],\"h\":\"\\u00e9\\ud83d\\ude00\"}",
                "{\"k\":1,\"other\":2,\"k\":[3]}",
                "{\"k\":{\"x\":1},\"k\":{\"y\":2}}",
                "{\"a\":1} trailing",
                "[1] [2]",
                "  \n\t{\"nested\":[[[[{\"deep\":[]}]]]]}  ",
                "12345678901234567890.5",
                "-7"
            })
    void readsTheTreeObjectMapperReads(String json) throws IOException {
        assertSameTree(MAPPER.readTree(json), JsonTrees.read(json));
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertSameTree(MAPPER.readTree(bytes), JsonTrees.read(bytes));
        assertSameTree(
                MAPPER.readTree(new ByteArrayInputStream(bytes)),
                JsonTrees.read(new ByteArrayInputStream(bytes)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\n"})
    void inputWithoutContentIsAMissingNode(String json) throws IOException {
        assertThat(MAPPER.readTree(json)).isInstanceOf(MissingNode.class);
        assertThat(JsonTrees.read(json)).isInstanceOf(MissingNode.class);
        assertThat(JsonTrees.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MissingNode.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":",
                "{\"a\":1",
                "[1,2",
                "{\"a\" 1}",
                "{'a':1}",
                "{\"a\":01}",
                "[1,]",
                "{\"a\":tru}",
                "\n\n  {\"a\": [1, 2,\n  }"
            })
    void rejectsWhatObjectMapperRejectsWithTheSameMessageAndLine(String json) {
        JsonProcessingException expected = failure(() -> MAPPER.readTree(json));
        JsonProcessingException actual = failure(() -> JsonTrees.read(json));
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        assertThat(actual.getOriginalMessage()).isEqualTo(expected.getOriginalMessage());
        assertThat(actual.getLocation().getLineNr()).isEqualTo(expected.getLocation().getLineNr());
    }

    @Test
    void nestingBeyondTheParsersLimitIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> JsonTrees.read(deep))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("nesting depth");
    }

    /** Every JSON file of the engine's sources and tests: bundles, fixtures, golden reports. */
    static Stream<Path> jsonFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("jsonFiles")
    void readsAndWritesEveryJsonFileOfTheProjectAsObjectMapperDoes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode expected;
        try {
            expected = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            // a fixture that is invalid on purpose: the same error
            JsonProcessingException actual = failure(() -> JsonTrees.read(bytes));
            assertThat(actual.getOriginalMessage()).isEqualTo(e.getOriginalMessage());
            return;
        }
        JsonNode actual = JsonTrees.read(bytes);
        assertSameTree(expected, actual);
        // to bytes and to text: the byte generator escapes characters outside the BMP, as Jackson's
        // does
        assertThat(pretty(actual))
                .isEqualTo(
                        new String(
                                MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(expected),
                                StandardCharsets.UTF_8));
        assertThat(JsonTrees.pretty(actual))
                .isEqualTo(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(expected));
    }

    @Test
    void writesWithAGivenPrettyPrinterAsAnObjectWriterDoes() throws IOException {
        JsonNode tree =
                MAPPER.readTree(
                        "{\"a\":[],\"b\":{},\"c\":[1,{\"d\":null,\"e\":1.25}],\"f\":\"x\\ny\\u0001\"}");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer =
                new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonTrees.generator(ours)) {
            g.setPrettyPrinter(printer.createInstance());
            JsonTrees.write(tree, g);
        }
        assertThat(ours.toString(StandardCharsets.UTF_8))
                .isEqualTo(MAPPER.writer(printer).writeValueAsString(tree));
    }

    @Test
    void writesBinaryAndMissingNodesAsObjectMapperDoes() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode tree = JsonTrees.object();
        tree.put("bytes", new byte[] {0, 1, 2, (byte) 0xff});
        tree.set("missing", MissingNode.getInstance());
        tree.putArray("list").add(1).addNull();
        assertThat(pretty(tree))
                .isEqualTo(
                        new String(
                                MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree),
                                StandardCharsets.UTF_8));
    }

    @Test
    void aWriteThatFails_leavesTheOutputCutShort_notClosedIntoADocument() {
        com.fasterxml.jackson.databind.node.ObjectNode tree = JsonTrees.object();
        tree.put("before", 1);
        tree.putPOJO("pojo", new Object());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(
                        () -> {
                            try (JsonGenerator g = JsonTrees.generator(out)) {
                                JsonTrees.write(tree, g);
                            }
                        })
                .isInstanceOf(IllegalArgumentException.class);
        // the name of the value that failed, and no closing brace
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"before\":1,\"pojo\"");
    }

    @Test
    void theGeneratorLeavesItsStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out =
                new ByteArrayOutputStream() {
                    @Override
                    public void close() {
                        closed[0] = true;
                    }
                };
        try (JsonGenerator g = JsonTrees.generator(out)) {
            JsonTrees.write(JsonTrees.object().put("a", 1), g);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(closed[0]).isFalse();
    }

    private static String pretty(JsonNode node) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonTrees.generator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            JsonTrees.write(node, g);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Equal and of the same node classes all the way down (IntNode is not LongNode). */
    private static void assertSameTree(JsonNode expected, JsonNode actual) {
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        Iterator<String> names = expected.fieldNames();
        Iterator<String> actualNames = actual.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            assertThat(actualNames.next()).isEqualTo(name);
            assertSameTree(expected.get(name), actual.get(name));
        }
        if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(expected.get(i), actual.get(i));
            }
        }
    }

    interface Read {
        JsonNode read() throws IOException;
    }

    private static JsonProcessingException failure(Read read) {
        try {
            read.read();
        } catch (JsonProcessingException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError("not a JSON error: " + e, e);
        }
        throw new AssertionError("no error");
    }
}
