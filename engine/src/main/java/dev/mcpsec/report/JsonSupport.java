package dev.mcpsec.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpsec.json.JsonTrees;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Pretty JSON with '\n' line ends on every platform, so golden files and diffs stay stable. Reports
 * are trees written by {@link JsonTrees}; only the diagnostic outputs that turn records into trees
 * ({@code --trace}, {@code facts}) build an {@code ObjectMapper} ({@link #mapper()}).
 */
final class JsonSupport {

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRETTY =
            new DefaultPrettyPrinter(
                            Separators.createDefaultInstance()
                                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                                    .withObjectEmptySeparator("")
                                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(INDENTER)
                    .withArrayIndenter(INDENTER);

    private JsonSupport() {}

    static ObjectNode object() {
        return JsonTrees.object();
    }

    /** The data-binding mapper, built on first use. */
    static ObjectMapper mapper() {
        return Binding.MAPPER;
    }

    static void write(JsonNode node, OutputStream out) throws IOException {
        try (JsonGenerator g = JsonTrees.generator(out)) {
            g.setPrettyPrinter(PRETTY.createInstance());
            JsonTrees.write(node, g);
        }
        out.write('\n');
        out.flush();
    }

    private static final class Binding {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
