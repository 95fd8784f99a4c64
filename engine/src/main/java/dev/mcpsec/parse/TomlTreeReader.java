package dev.mcpsec.parse;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.mcpsec.api.ScanLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads TOML with Jackson and adds the positions Jackson's TOML parser does not keep, taken from
 * {@link TomlLocator}'s scan of the text: every table and key gets its line, array items are found
 * in order.
 */
final class TomlTreeReader {

    private final String text;
    private final TomlLocator locator;
    private final int maxDepth;

    private TomlTreeReader(String text, int maxDepth) {
        this.text = text;
        this.locator = new TomlLocator(text);
        this.maxDepth = maxDepth;
    }

    static PNode read(String text, ScanLimits limits) throws IOException {
        TomlFactory factory =
                TomlFactory.builder()
                        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                        .streamReadConstraints(PositionalReader.constraints(limits))
                        .build();
        JsonNode tree = new TomlMapper(factory).readTree(text);
        if (tree == null || tree.isMissingNode()) {
            return null;
        }
        return new TomlTreeReader(text, limits.maxNestingDepth())
                .convert(tree, List.of(), 1, 1, 0, -1);
    }

    private PNode convert(
            JsonNode node, List<String> path, int line, int col, int depth, int searchFrom) {
        if (depth > maxDepth) {
            throw new PositionalReader.DepthException(
                    line
                            + ":"
                            + col
                            + ": nesting deeper than "
                            + maxDepth
                            + " levels (maxNestingDepth); not parsed");
        }
        if (node.isObject()) {
            Map<String, PNode> fields = PNode.newFields();
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> childPath = append(path, e.getKey());
                TomlLocator.Spot spot = locator.find(childPath);
                PNode child;
                if (spot != null) {
                    child =
                            convert(
                                    e.getValue(),
                                    childPath,
                                    spot.valueLine(),
                                    spot.valueColumn(),
                                    depth + 1,
                                    spot.valueOffset());
                    child.keyAt(spot.keyLine(), spot.keyColumn());
                } else {
                    child = convert(e.getValue(), childPath, line, col, depth + 1, -1);
                }
                fields.put(e.getKey(), child);
            }
            return PNode.object(fields, line, col);
        }
        if (node.isArray()) {
            List<PNode> items = new ArrayList<>();
            int cursor = searchFrom;
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                List<String> itemPath = append(path, "#" + i);
                TomlLocator.Spot spot = locator.find(itemPath);
                if (spot != null) {
                    items.add(
                            convert(
                                    item,
                                    itemPath,
                                    spot.valueLine(),
                                    spot.valueColumn(),
                                    depth + 1,
                                    -1));
                    continue;
                }
                int found =
                        cursor >= 0 && item.isValueNode() ? findLiteral(item.asText(), cursor) : -1;
                if (found >= 0) {
                    cursor = found + 1;
                    items.add(
                            convert(
                                    item,
                                    itemPath,
                                    locator.lineOf(found),
                                    locator.columnOf(found),
                                    depth + 1,
                                    -1));
                } else {
                    items.add(convert(item, itemPath, line, col, depth + 1, -1));
                }
            }
            return PNode.array(items, line, col);
        }
        if (node.isNull()) {
            return PNode.scalar(null, line, col);
        }
        return PNode.scalar(node.asText(), line, col);
    }

    /**
     * Where a string item is written after {@code from}, looking for it quoted either way; -1 when
     * not found.
     */
    private int findLiteral(String value, int from) {
        int a = text.indexOf('"' + value + '"', from);
        int b = text.indexOf('\'' + value + '\'', from);
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    private static List<String> append(List<String> path, String key) {
        List<String> p = new ArrayList<>(path.size() + 1);
        p.addAll(path);
        p.add(key);
        return p;
    }
}
