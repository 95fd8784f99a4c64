package dev.mcpsec.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpsec.api.FactRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes facts ({@code mcpsec facts}) as text, one fact per line, or as JSON {@code {"facts":
 * [{type, fields}]}}.
 */
public final class FactsReport {
    private FactsReport() {}

    public static void write(List<FactRecord> facts, OutputStream out, boolean json)
            throws IOException {
        if (json) {
            ObjectNode root = JsonSupport.object();
            ArrayNode list = root.putArray("facts");
            for (FactRecord f : facts) {
                ObjectNode n = list.addObject().put("type", f.type());
                n.set("fields", JsonSupport.mapper().valueToTree(f.fields()));
            }
            JsonSupport.write(root, out);
            return;
        }
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        String type = null;
        for (FactRecord f : facts) {
            if (!f.type().equals(type)) {
                type = f.type();
                long count = facts.stream().filter(x -> x.type().equals(f.type())).count();
                w.print(f.type() + " (" + count + ")\n");
            }
            StringBuilder line = new StringBuilder("  ");
            for (Map.Entry<String, Object> e : f.fields().entrySet()) {
                line.append(e.getKey()).append('=').append(show(e.getValue())).append(' ');
            }
            w.print(TextReporter.clean(line.toString().stripTrailing()) + "\n");
        }
        if (facts.isEmpty()) {
            w.print("no facts: no MCP configuration found\n");
        }
        w.flush();
    }

    private static String show(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "\"" + s.replace("\"", "\\\"") + "\"";
        }
        if (v instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(FactsReport::show).toList()) + "]";
        }
        return v.toString();
    }
}
