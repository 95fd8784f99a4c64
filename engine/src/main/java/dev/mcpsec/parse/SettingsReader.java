package dev.mcpsec.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Flattens a tree into dotted keys and keeps the leaves a predicate selects: one {@link
 * SettingEntry} per scalar, one per item of a list. Keys written flat ({@code
 * "chat.tools.autoApprove": true}) and nested ({@code {"agent": {"always_allow_tool_actions":
 * true}}}) come out the same.
 */
final class SettingsReader {

    private SettingsReader() {}

    /** Leaves whose dotted key equals one of {@code prefixes} or lies below one. */
    static List<SettingEntry> selectPrefixes(PNode root, List<String> prefixes, String server) {
        return select(
                root,
                key -> prefixes.stream().anyMatch(p -> key.equals(p) || key.startsWith(p + ".")),
                server);
    }

    static List<SettingEntry> select(PNode root, Predicate<String> wanted, String server) {
        List<SettingEntry> out = new ArrayList<>();
        if (root != null && root.isObject()) {
            root.fields().forEach((k, v) -> walk(v, k, wanted, server, out));
        }
        return out;
    }

    private static void walk(
            PNode node,
            String key,
            Predicate<String> wanted,
            String server,
            List<SettingEntry> out) {
        switch (node.kind()) {
            case OBJECT ->
                    node.fields().forEach((k, v) -> walk(v, key + "." + k, wanted, server, out));
            case ARRAY -> node.items().forEach(item -> walk(item, key, wanted, server, out));
            default -> {
                if (wanted.test(key)) {
                    out.add(new SettingEntry(key, node.text(), server, node.line(), node.column()));
                }
            }
        }
    }
}
