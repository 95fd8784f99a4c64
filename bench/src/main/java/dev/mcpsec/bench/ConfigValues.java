package dev.mcpsec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpsec.secrets.ArgScanner;
import dev.mcpsec.secrets.ValueContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The string values of a parsed config with the names and sections that carry them, as the engine
 * feeds them.
 */
final class ConfigValues {

    /** One value to analyse. */
    record Value(String name, String value, ValueContext context) {}

    private ConfigValues() {}

    static List<Value> of(JsonNode root) {
        List<Value> out = new ArrayList<>();
        walk(root, null, null, out);
        return out;
    }

    private static void walk(JsonNode node, String key, String section, List<Value> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), e.getKey(), key, out);
            }
        } else if (node.isArray() && "args".equals(key)) {
            List<String> args = new ArrayList<>(node.size());
            node.forEach(n -> args.add(n.asText()));
            ArgScanner.scan(args)
                    .forEach(a -> out.add(new Value(a.name(), a.value(), a.context())));
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, key, section, out));
        } else if (node.isTextual()) {
            ValueContext ctx =
                    "env".equals(section)
                            ? ValueContext.ENV
                            : "headers".equals(section)
                                    ? ValueContext.HEADER
                                    : "url".equals(key) ? ValueContext.URL : ValueContext.OTHER;
            out.add(new Value(key, node.asText(), ctx));
        }
    }
}
