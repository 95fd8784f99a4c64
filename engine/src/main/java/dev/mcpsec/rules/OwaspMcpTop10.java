package dev.mcpsec.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpsec.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OWASP MCP Top 10 (2025): its items, and the items each checklist id addresses. A rule carries
 * the items of its checklist id unless its {@code @owasp} metadata names others. The mapping lives
 * in {@code dev/mcpsec/owasp-mcp-top10.json}, with its source.
 */
public final class OwaspMcpTop10 {
    private static final Map<String, String> ITEMS = new LinkedHashMap<>();
    private static final Map<String, List<String>> BY_CHECKLIST = new LinkedHashMap<>();

    static {
        try (InputStream in =
                OwaspMcpTop10.class.getResourceAsStream("/dev/mcpsec/owasp-mcp-top10.json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "dev/mcpsec/owasp-mcp-top10.json is missing from the engine");
            }
            JsonNode root = JsonTrees.read(in);
            root.get("items")
                    .properties()
                    .forEach(e -> ITEMS.put(e.getKey(), e.getValue().asText()));
            root.get("checklists")
                    .properties()
                    .forEach(
                            e -> {
                                List<String> ids = new ArrayList<>();
                                e.getValue().forEach(v -> ids.add(v.asText()));
                                BY_CHECKLIST.put(e.getKey(), List.copyOf(ids));
                            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OwaspMcpTop10() {}

    /**
     * The item's title, e.g. {@code Tool Poisoning} for {@code MCP03:2025}, or null for an unknown
     * id.
     */
    public static String title(String id) {
        return ITEMS.get(id);
    }

    /** Every item id, in order. */
    public static List<String> ids() {
        return List.copyOf(ITEMS.keySet());
    }

    /** The items a checklist id addresses; empty when none fits or the id is not a built-in one. */
    public static List<String> forChecklist(String checklist) {
        return BY_CHECKLIST.getOrDefault(checklist, List.of());
    }

    /** {@code MCP04:2025 Software Supply Chain Attacks & Dependency Tampering}. */
    public static String label(String id) {
        String title = title(id);
        return title == null ? id : id + " " + title;
    }
}
