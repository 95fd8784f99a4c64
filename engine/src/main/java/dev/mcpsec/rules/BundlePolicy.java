package dev.mcpsec.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Severity;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a bundle's {@code bundle.json} decides about rules, its own and other bundles' (built-in
 * ones included), by rule id or checklist id: re-rates, rules turned off, and rules locked so that
 * no project, flag or plugin parameter can turn them off, re-rate them lower, suppress or baseline
 * them. See docs/governance.md.
 *
 * @param severity rule or checklist id → new severity and why
 * @param disable rule or checklist id → why it is off
 * @param locked rule or checklist ids nobody downstream may weaken
 */
public record BundlePolicy(
        Map<String, Rerate> severity, Map<String, String> disable, Set<String> locked) {

    /** A re-rate with its reason (null when none was given). */
    public record Rerate(Severity severity, String reason) {}

    static final Set<String> DISABLE_KEYS = Set.of("rule", "reason");
    static final Set<String> SEVERITY_KEYS = Set.of("severity", "reason");

    public static BundlePolicy none() {
        return new BundlePolicy(Map.of(), Map.of(), Set.of());
    }

    /** True when the bundle decides nothing about rules. */
    public boolean isEmpty() {
        return severity.isEmpty() && disable.isEmpty() && locked.isEmpty();
    }

    /** Reads {@code severity}, {@code disable} and {@code locked} of a {@code bundle.json}. */
    static BundlePolicy read(JsonNode meta, StrictJson lines, String setting) {
        Map<String, Rerate> severity = new LinkedHashMap<>();
        JsonNode sev = meta.get("severity");
        if (sev != null) {
            if (!sev.isObject()) {
                throw new ConfigurationException(
                        setting,
                        lines.at("/severity")
                                + ": \"severity\" maps rule or checklist ids to a severity or {\"severity\", \"reason\"}");
            }
            sev.properties()
                    .forEach(
                            e ->
                                    severity.put(
                                            e.getKey(),
                                            rerate(
                                                    e.getKey(),
                                                    e.getValue(),
                                                    lines,
                                                    "/severity/" + e.getKey(),
                                                    setting)));
        }
        Map<String, String> disable = new LinkedHashMap<>();
        JsonNode dis = meta.get("disable");
        if (dis != null) {
            if (!dis.isArray()) {
                throw new ConfigurationException(
                        setting,
                        lines.at("/disable")
                                + ": \"disable\" is an array of {\"rule\": ID, \"reason\": WHY}");
            }
            int i = 0;
            for (JsonNode d : dis) {
                String where = "/disable/" + i++;
                Map.Entry<String, String> entry = disableEntry(d, lines, where, setting);
                disable.put(entry.getKey(), entry.getValue());
            }
        }
        Set<String> locked = new LinkedHashSet<>();
        JsonNode lock = meta.get("locked");
        if (lock != null) {
            if (!lock.isArray()) {
                throw new ConfigurationException(
                        setting,
                        lines.at("/locked") + ": \"locked\" is an array of rule or checklist ids");
            }
            for (JsonNode l : lock) {
                if (!l.isTextual() || l.asText().isBlank()) {
                    throw new ConfigurationException(
                            setting,
                            lines.at("/locked")
                                    + ": \"locked\" holds rule or checklist ids (strings)");
                }
                locked.add(l.asText());
            }
        }
        for (String id : locked) {
            if (disable.containsKey(id)) {
                throw new ConfigurationException(
                        setting, lines.at("/locked") + ": " + id + " is both locked and disabled");
            }
        }
        return new BundlePolicy(Map.copyOf(severity), Map.copyOf(disable), Set.copyOf(locked));
    }

    /** One {@code disable} entry, {@code {"rule": ID, "reason": WHY}} with a non-blank reason. */
    public static Map.Entry<String, String> disableEntry(
            JsonNode d, StrictJson lines, String pointer, String setting) {
        if (d.isTextual()) {
            throw new ConfigurationException(
                    setting,
                    lines.at(pointer.substring(0, pointer.lastIndexOf('/')))
                            + ": disabling \""
                            + d.asText()
                            + "\" needs a reason: write {\"rule\": \""
                            + d.asText()
                            + "\", \"reason\": \"why it does not apply\"}");
        }
        if (!d.isObject()) {
            throw new ConfigurationException(
                    setting,
                    lines.at(pointer.substring(0, pointer.lastIndexOf('/')))
                            + ": a disable entry is {\"rule\": ID, \"reason\": WHY}");
        }
        String unknown = lines.unknownKey(d, pointer, DISABLE_KEYS, "a disable entry");
        if (unknown != null) {
            throw new ConfigurationException(setting, unknown);
        }
        String rule = d.path("rule").asText("").trim();
        String reason = d.path("reason").asText("").trim();
        if (rule.isEmpty()) {
            throw new ConfigurationException(
                    setting,
                    lines.at(pointer.substring(0, pointer.lastIndexOf('/')))
                            + ": a disable entry needs \"rule\" (a rule or checklist id)");
        }
        if (reason.isEmpty()) {
            throw new ConfigurationException(
                    setting,
                    lines.at(pointer + "/rule")
                            + ": disabling "
                            + rule
                            + ": \"reason\" is mandatory: say why the rule does not apply");
        }
        return Map.entry(rule, reason);
    }

    /** A severity value: {@code "medium"} or {@code {"severity": "medium", "reason": WHY}}. */
    public static Rerate rerate(
            String id, JsonNode v, StrictJson lines, String pointer, String setting) {
        String value;
        String reason = null;
        if (v.isObject()) {
            String unknown = lines.unknownKey(v, pointer, SEVERITY_KEYS, "a severity entry");
            if (unknown != null) {
                throw new ConfigurationException(setting, unknown);
            }
            value = v.path("severity").asText("");
            reason =
                    v.hasNonNull("reason") && !v.get("reason").asText().isBlank()
                            ? v.get("reason").asText().trim()
                            : null;
        } else {
            value = v.asText();
        }
        try {
            return new Rerate(Severity.parse(value), reason);
        } catch (IllegalArgumentException ex) {
            throw new ConfigurationException(
                    setting, lines.at(pointer) + ": severity of " + id + ": " + ex.getMessage());
        }
    }
}
