package dev.mcpsec.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.rules.BundleLoader;
import dev.mcpsec.api.Severity;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's {@code .mcpsec/config.json}: paths to leave out, rules to disable or re-rate, suppressions with a
 * mandatory reason, and extra data lists. See docs/configuration.md.
 */
public record ProjectConfig(List<String> exclude, Set<String> disable, Map<String, Severity> severity,
                            List<Suppression> suppress, Map<String, Map<String, List<String>>> data, String file) {
    private static final Set<String> KEYS = Set.of("$schema", "exclude", "disable", "severity", "suppress", "data");
    private static final Set<String> SUPPRESS_KEYS = Set.of("rule", "path", "reason", "until");

    /**
     * One configured suppression: a rule id or checklist id, a path glob, why, and until when.
     *
     * @param until last day the suppression holds, or null for no end
     */
    public record Suppression(String rule, String path, String reason, LocalDate until) {
        /** True when this suppression covers a finding of that rule/checklist in that file. */
        public boolean matches(String ruleId, String checklist, String file) {
            boolean ruleOk = rule == null || rule.equals(ruleId) || rule.equals(checklist);
            return ruleOk && (path == null || (file != null && glob(path).matches(Path.of(file))));
        }
    }

    /** No configuration file: nothing excluded, nothing changed. */
    public static ProjectConfig empty() {
        return new ProjectConfig(List.of(), Set.of(), Map.of(), List.of(), Map.of(), null);
    }

    /** Reads {@code root/.mcpsec/config.json} when present. */
    public static ProjectConfig load(Path root) {
        Path file = root.resolve(".mcpsec").resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        String where = ".mcpsec/config.json";
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("config", where + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigurationException("config", where + ": cannot read: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new ConfigurationException("config", where + ": must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new ConfigurationException("config", where + ": unknown key \"" + k + "\" (allowed: exclude, "
                        + "disable, severity, suppress, data)");
            }
        }
        List<String> exclude = strings(node.get("exclude"), where, "exclude");
        Set<String> disable = new LinkedHashSet<>(strings(node.get("disable"), where, "disable"));
        Map<String, Severity> severity = new LinkedHashMap<>();
        JsonNode sev = node.get("severity");
        if (sev != null) {
            if (!sev.isObject()) {
                throw new ConfigurationException("config", where + ": \"severity\" maps rule or checklist ids to severities");
            }
            sev.properties().forEach(e -> {
                try {
                    severity.put(e.getKey(), Severity.parse(e.getValue().asText()));
                } catch (IllegalArgumentException ex) {
                    throw new ConfigurationException("config", where + ": severity of " + e.getKey() + ": " + ex.getMessage());
                }
            });
        }
        List<Suppression> suppress = new ArrayList<>();
        JsonNode sup = node.get("suppress");
        if (sup != null) {
            if (!sup.isArray()) {
                throw new ConfigurationException("config", where + ": \"suppress\" is an array of {rule, path, reason, until}");
            }
            int i = 0;
            for (JsonNode s : sup) {
                suppress.add(suppression(s, where + ": suppress[" + i++ + "]"));
            }
        }
        Map<String, Map<String, List<String>>> data = new LinkedHashMap<>();
        JsonNode d = node.get("data");
        if (d != null) {
            if (!d.isObject()) {
                throw new ConfigurationException("config", where + ": \"data\" maps list names to {key: [values]}");
            }
            d.properties().forEach(e -> {
                try {
                    data.put(e.getKey(), BundleLoader.dataList(e.getValue()));
                } catch (ConfigurationException ex) {
                    throw new ConfigurationException("config", where + ": data." + e.getKey()
                            + " must map keys to arrays of strings");
                }
            });
        }
        for (String g : exclude) {
            glob(g);
        }
        return new ProjectConfig(List.copyOf(exclude), Set.copyOf(disable), Map.copyOf(severity), List.copyOf(suppress),
                Map.copyOf(data), where);
    }

    private static Suppression suppression(JsonNode s, String where) {
        if (!s.isObject()) {
            throw new ConfigurationException("config", where + ": must be an object");
        }
        s.fieldNames().forEachRemaining(k -> {
            if (!SUPPRESS_KEYS.contains(k)) {
                throw new ConfigurationException("config", where + ": unknown key \"" + k + "\" (allowed: rule, path, reason, until)");
            }
        });
        String reason = s.hasNonNull("reason") ? s.get("reason").asText().trim() : "";
        if (reason.isEmpty()) {
            throw new ConfigurationException("config", where + ": \"reason\" is mandatory: say why the finding is accepted");
        }
        String rule = s.hasNonNull("rule") ? s.get("rule").asText() : null;
        String path = s.hasNonNull("path") ? s.get("path").asText() : null;
        if (rule == null && path == null) {
            throw new ConfigurationException("config", where + ": give \"rule\" (rule or checklist id), \"path\" (glob) or both");
        }
        if (path != null) {
            glob(path);
        }
        LocalDate until = null;
        if (s.hasNonNull("until")) {
            try {
                until = LocalDate.parse(s.get("until").asText());
            } catch (DateTimeParseException e) {
                throw new ConfigurationException("config", where + ": \"until\" must be a date like 2027-01-31");
            }
        }
        return new Suppression(rule, path, reason, until);
    }

    private static List<String> strings(JsonNode n, String where, String key) {
        if (n == null) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new ConfigurationException("config", where + ": \"" + key + "\" must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return out;
    }

    static PathMatcher glob(String pattern) {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("config", "\"" + pattern + "\" is not a valid glob: " + e.getMessage());
        }
    }

    /** True when a display path is excluded from the scan. */
    public boolean excludes(String displayPath) {
        Path p = Path.of(displayPath);
        for (String g : exclude) {
            if (glob(g).matches(p) || glob(g + "/**").matches(p)) {
                return true;
            }
        }
        return false;
    }
}
