package dev.mcpsec.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;

/** Pretty JSON with '\n' line ends on every platform, so golden files and diffs stay stable. */
final class JsonSupport {

    static final ObjectMapper MAPPER =
            new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER =
            MAPPER.writer(
                    new DefaultPrettyPrinter(
                                    Separators.createDefaultInstance()
                                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                                            .withObjectEmptySeparator("")
                                            .withArrayEmptySeparator(""))
                            .withObjectIndenter(INDENTER)
                            .withArrayIndenter(INDENTER));

    private JsonSupport() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void write(JsonNode node, OutputStream out) throws IOException {
        WRITER.writeValue(out, node);
        out.write('\n');
        out.flush();
    }
}
