package dev.mcpsec.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpsec.api.Explanation;
import dev.mcpsec.api.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explains a rule id or a checklist id: what, why, how to fix, and a failing and a passing example
 * taken from the rule's own fixture cases.
 */
public final class Explainer {
    private static final String CHECKLIST = "META-INF/mcpsec/checklist.json";
    private static final JsonNode CHECKLIST_TEXTS = readChecklist();
    private static final java.util.regex.Pattern FAKE_TOKEN =
            java.util.regex.Pattern.compile("@@FAKE:([a-z0-9-]+)@@");

    private Explainer() {}

    public static Optional<Explanation> explain(String id, CompiledPolicies policies) {
        JsonNode checklist = checklist().get(id);
        for (RuleInfo r : policies.rules()) {
            if (r.id().equalsIgnoreCase(id)) {
                JsonNode item = checklist().path(r.checklist());
                String[] examples = examples(r, policies.bundles());
                return Optional.of(
                        new Explanation(
                                r.id(),
                                "rule",
                                r.title(),
                                r.description() != null ? r.description() : r.title(),
                                item.path("why").asText(null),
                                r.remediation() != null
                                        ? r.remediation()
                                        : item.path("fix").asText(null),
                                examples[0],
                                examples[1],
                                List.of(r),
                                owasp(List.of(r))));
            }
        }
        List<RuleInfo> rules =
                policies.rules().stream().filter(r -> r.checklist().equals(id)).toList();
        if (checklist == null && rules.isEmpty()) {
            return Optional.empty();
        }
        String title = checklist != null ? checklist.path("title").asText() : rules.get(0).title();
        String[] examples =
                rules.isEmpty() ? new String[2] : examples(rules.get(0), policies.bundles());
        return Optional.of(
                new Explanation(
                        id,
                        "checklist",
                        title,
                        checklist != null ? checklist.path("what").asText() : title,
                        checklist != null ? checklist.path("why").asText(null) : null,
                        checklist != null
                                ? checklist.path("fix").asText(null)
                                : rules.get(0).remediation(),
                        examples[0],
                        examples[1],
                        rules,
                        owasp(rules)));
    }

    /** The OWASP MCP Top 10 items of {@code rules}, each once, as id and title. */
    private static List<String> owasp(List<RuleInfo> rules) {
        return rules.stream()
                .flatMap(r -> r.owasp().stream())
                .distinct()
                .map(OwaspMcpTop10::label)
                .toList();
    }

    /**
     * The config of a fixture case that expects the rule, and of one that expects it not to fire.
     */
    private static String[] examples(RuleInfo rule, List<Bundle> bundles) {
        String[] out = new String[2];
        ObjectMapper json = new ObjectMapper();
        for (Bundle b : bundles) {
            if (!b.label().equals(rule.bundle())) {
                continue;
            }
            for (Map<String, byte[]> files : b.tests().values()) {
                byte[] expected = files.get("expected.json");
                if (expected == null) {
                    continue;
                }
                try {
                    JsonNode e = json.readTree(expected);
                    int slot =
                            mentions(e.path("expect"), rule)
                                    ? 0
                                    : mentions(e.path("expectNot"), rule) ? 1 : -1;
                    if (slot >= 0 && out[slot] == null) {
                        out[slot] = render(files);
                    }
                } catch (IOException ignored) {
                    // a broken fixture is reported by 'mcpsec test', not here
                }
            }
        }
        return out;
    }

    private static boolean mentions(JsonNode list, RuleInfo rule) {
        for (JsonNode n : list) {
            if (rule.id().equals(n.path("ruleId").asText())
                    || rule.checklist().equals(n.path("checklist").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String render(Map<String, byte[]> files) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().equals("expected.json")
                    || f.getKey().startsWith("_")
                    || f.getKey().contains("/_")) {
                continue;
            }
            String text = new String(f.getValue(), StandardCharsets.UTF_8).stripTrailing();
            // Fixtures carry @@FAKE:kind@@ tokens where a run-time generated secret goes; show what
            // stands there.
            text = FAKE_TOKEN.matcher(text).replaceAll("<literal $1 value>");
            sb.append("# ").append(f.getKey()).append('\n').append(text).append("\n");
        }
        return sb.toString().stripTrailing();
    }

    private static JsonNode checklist() {
        return CHECKLIST_TEXTS;
    }

    /**
     * The checklist texts (title, what, why, fix by checklist id) that bundles on the class path
     * ship as {@code META-INF/mcpsec/checklist.json}; the built-in bundle holds those of the
     * built-in checklist. When two bundles explain the same id, the first on the class path wins.
     */
    private static JsonNode readChecklist() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode merged = json.createObjectNode();
        try {
            Enumeration<URL> files = Explainer.class.getClassLoader().getResources(CHECKLIST);
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    json.readTree(in)
                            .properties()
                            .forEach(
                                    e -> {
                                        if (!merged.has(e.getKey())) {
                                            merged.set(e.getKey(), e.getValue());
                                        }
                                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return merged;
    }
}
