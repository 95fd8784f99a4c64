package dev.mcpsec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.Map;

/**
 * JSON trees read and written with Jackson's streaming parser and generator and its node classes,
 * without an {@code ObjectMapper}. The scan path needs no data binding (bundles, advisories and
 * project files are read as trees, reports are written from trees), and the first {@code
 * ObjectMapper} of a process loads and links several hundred classes: about 100 ms in a JVM without
 * a start-up archive, such as Maven's, where the bundles' JSON is read before the rules can
 * compile.
 *
 * <p>{@link #read} gives the tree {@code new ObjectMapper().readTree(...)} gives: a {@link
 * MissingNode} for input without content, the last value of a repeated key (in the key's first
 * place), {@code int}, {@code long} or {@code BigInteger} nodes for integers and {@code double}
 * nodes for other numbers, content after the first value ignored; the parser's errors and limits
 * (nesting depth, number and string length) are Jackson's own. {@code JsonTreesTest} compares both
 * on the same inputs.
 */
public final class JsonTrees {
    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                    // a write that fails part-way leaves the output cut short, not closed into a
                    // document that looks complete
                    .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                    .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {}

    /** The tree of a JSON document in UTF-8 (or the encoding its first bytes show). */
    public static JsonNode read(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return root(p);
        }
    }

    /** The tree of a JSON document read from {@code in}, which is closed afterwards. */
    public static JsonNode read(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            return root(p);
        }
    }

    /** The tree of a JSON document. */
    public static JsonNode read(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return root(p);
        }
    }

    /** A new, empty object node. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new, empty array node. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * A UTF-8 generator on {@code out}; closing the generator flushes {@code out} but leaves it
     * open.
     */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /**
     * {@code node} as Jackson's default pretty printer writes it, as {@code
     * writerWithDefaultPrettyPrinter().writeValueAsString(node)} does.
     */
    public static String pretty(JsonNode node) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(node, g);
        }
        return out.toString();
    }

    /** Writes {@code node} to {@code g}: objects and arrays in their order, values as they are. */
    public static void write(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    g.writeFieldName(field.getKey());
                    write(field.getValue(), g);
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node) {
                    write(item, g);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            // a missing node is written as null, as Jackson's own serializer writes it
            case NULL, MISSING -> g.writeNull();
            case BINARY -> g.writeBinary(node.binaryValue());
            // number nodes write themselves without a serializer provider
            case NUMBER -> ((ValueNode) node).serialize(g, null);
            default ->
                    throw new IllegalArgumentException(
                            "a " + node.getNodeType() + " node has no JSON form");
        }
    }

    private static JsonNode root(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        return t == null ? MissingNode.getInstance() : value(p, t);
    }

    // recursion is bounded by the parser's nesting limit (StreamReadConstraints)
    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new JsonEOFException(p, null, "Unexpected end-of-input");
        }
        switch (t) {
            case START_OBJECT:
                ObjectNode object = NODES.objectNode();
                for (JsonToken n = p.nextToken(); n == JsonToken.FIELD_NAME; n = p.nextToken()) {
                    String name = p.currentName();
                    object.set(name, value(p, p.nextToken()));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    array.add(value(p, n));
                }
                return array;
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return p.getNumberTypeFP() == JsonParser.NumberTypeFP.BIG_DECIMAL
                        ? NODES.numberNode(p.getDecimalValue())
                        : NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected " + t + " at " + p.currentLocation());
        }
    }
}
