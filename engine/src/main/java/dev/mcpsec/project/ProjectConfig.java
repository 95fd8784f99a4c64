package dev.mcpsec.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Severity;
import dev.mcpsec.json.JsonTrees;
import dev.mcpsec.rules.BundleLoader;
import dev.mcpsec.rules.BundlePolicy;
import dev.mcpsec.rules.ProjectFiles;
import dev.mcpsec.rules.StrictJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's {@code .mcpsec/config.json}: paths to leave out, rules to disable or re-rate,
 * suppressions with a mandatory reason, and extra data lists. See docs/configuration.md.
 *
 * @param disable rule or checklist id → the reason it is off (mandatory)
 * @param severityReasons rule or checklist id → why it was re-rated, for re-rates that give one
 */
public record ProjectConfig(
        List<String> exclude,
        Map<String, String> disable,
        Map<String, Severity> severity,
        List<Suppression> suppress,
        Map<String, Map<String, List<String>>> data,
        String file,
        Map<String, String> severityReasons) {
    /** The largest {@code .mcpsec/config.json} read, in bytes. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private static final Set<String> KEYS =
            Set.of("$schema", "exclude", "disable", "severity", "suppress", "data");
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
            return ruleOk && (path == null || (file != null && glob(path).matches(pathText(file))));
        }
    }

    /** No configuration file: nothing excluded, nothing changed. */
    public static ProjectConfig empty() {
        return new ProjectConfig(
                List.of(), Map.of(), Map.of(), List.of(), Map.of(), null, Map.of());
    }

    /** Reads {@code root/.mcpsec/config.json} when present. */
    public static ProjectConfig load(Path root) {
        Path file = root.resolve(".mcpsec").resolve("config.json");
        String where = ".mcpsec/config.json";
        byte[] bytes = ProjectFiles.read(root, file, where, "config", MAX_BYTES);
        if (bytes == null) {
            return empty();
        }
        JsonNode node;
        StrictJson lines;
        try {
            lines = StrictJson.of(bytes, where);
            node = JsonTrees.read(bytes);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("config", JsonErrors.jsonError(where, e));
        } catch (IOException e) {
            throw new ConfigurationException(
                    "config", where + ": cannot read: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new ConfigurationException("config", where + ": must be a JSON object");
        }
        String unknown = lines.unknownKey(node, "", KEYS, "the configuration");
        if (unknown != null) {
            throw new ConfigurationException("config", unknown);
        }
        List<String> exclude = strings(node.get("exclude"), where, "exclude");
        Map<String, String> disable = new LinkedHashMap<>();
        JsonNode dis = node.get("disable");
        if (dis != null) {
            if (!dis.isArray()) {
                throw new ConfigurationException(
                        "config",
                        lines.at("/disable")
                                + ": \"disable\" is an array of {\"rule\": ID, \"reason\": WHY}");
            }
            int i = 0;
            for (JsonNode d : dis) {
                Map.Entry<String, String> e =
                        BundlePolicy.disableEntry(d, lines, "/disable/" + i++, "config");
                disable.put(e.getKey(), e.getValue());
            }
        }
        Map<String, String> severityReasons = new LinkedHashMap<>();
        Map<String, Severity> severity = new LinkedHashMap<>();
        JsonNode sev = node.get("severity");
        if (sev != null) {
            if (!sev.isObject()) {
                throw new ConfigurationException(
                        "config",
                        where + ": \"severity\" maps rule or checklist ids to severities");
            }
            sev.properties()
                    .forEach(
                            e -> {
                                BundlePolicy.Rerate r =
                                        BundlePolicy.rerate(
                                                e.getKey(),
                                                e.getValue(),
                                                lines,
                                                "/severity/" + e.getKey(),
                                                "config");
                                severity.put(e.getKey(), r.severity());
                                if (r.reason() != null) {
                                    severityReasons.put(e.getKey(), r.reason());
                                }
                            });
        }
        List<Suppression> suppress = new ArrayList<>();
        JsonNode sup = node.get("suppress");
        if (sup != null) {
            if (!sup.isArray()) {
                throw new ConfigurationException(
                        "config",
                        where + ": \"suppress\" is an array of {rule, path, reason, until}");
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
                throw new ConfigurationException(
                        "config", where + ": \"data\" maps list names to {key: [values]}");
            }
            d.properties()
                    .forEach(
                            e -> {
                                try {
                                    data.put(e.getKey(), BundleLoader.dataList(e.getValue()));
                                } catch (ConfigurationException ex) {
                                    throw new ConfigurationException(
                                            "config",
                                            where
                                                    + ": data."
                                                    + e.getKey()
                                                    + " must map keys to arrays of strings");
                                }
                            });
        }
        for (String g : exclude) {
            glob(g);
        }
        return new ProjectConfig(
                List.copyOf(exclude),
                Collections.unmodifiableMap(disable),
                Map.copyOf(severity),
                List.copyOf(suppress),
                Map.copyOf(data),
                where,
                Map.copyOf(severityReasons));
    }

    private static Suppression suppression(JsonNode s, String where) {
        if (!s.isObject()) {
            throw new ConfigurationException("config", where + ": must be an object");
        }
        s.fieldNames()
                .forEachRemaining(
                        k -> {
                            if (!SUPPRESS_KEYS.contains(k)) {
                                throw new ConfigurationException(
                                        "config",
                                        where
                                                + ": unknown key \""
                                                + k
                                                + "\" (allowed: rule, path, reason, until)");
                            }
                        });
        String reason = s.hasNonNull("reason") ? s.get("reason").asText().trim() : "";
        if (reason.isEmpty()) {
            throw new ConfigurationException(
                    "config", where + ": \"reason\" is mandatory: say why the finding is accepted");
        }
        String rule = s.hasNonNull("rule") ? s.get("rule").asText() : null;
        String path = s.hasNonNull("path") ? s.get("path").asText() : null;
        if (rule == null && path == null) {
            throw new ConfigurationException(
                    "config",
                    where + ": give \"rule\" (rule or checklist id), \"path\" (glob) or both");
        }
        if (path != null) {
            glob(path);
        }
        LocalDate until = null;
        if (s.hasNonNull("until")) {
            try {
                until = LocalDate.parse(s.get("until").asText());
            } catch (DateTimeParseException e) {
                throw new ConfigurationException(
                        "config", where + ": \"until\" must be a date like 2027-01-31");
            }
        }
        return new Suppression(rule, path, reason, until);
    }

    private static List<String> strings(JsonNode n, String where, String key) {
        if (n == null) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new ConfigurationException(
                    "config", where + ": \"" + key + "\" must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return out;
    }

    /**
     * A glob from the project's config, matched in linear time ({@link Glob}); a bad one is a
     * configuration error.
     */
    static Glob glob(String pattern) {
        try {
            return Glob.compile(pattern);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    "config",
                    "\""
                            + (pattern.length() > 80 ? pattern.substring(0, 80) + "…" : pattern)
                            + "\" is not a valid glob: "
                            + e.getMessage());
        }
    }

    /**
     * A display path as a glob sees it: the path's own string form, as the JDK's path matchers saw
     * it.
     */
    private static String pathText(String displayPath) {
        try {
            return Path.of(displayPath).toString().replace('\\', '/');
        } catch (java.nio.file.InvalidPathException e) {
            return displayPath;
        }
    }

    /** True when a display path is excluded from the scan. */
    public boolean excludes(String displayPath) {
        String p = pathText(displayPath);
        for (String g : exclude) {
            if (glob(g).matches(p) || glob(g + "/**").matches(p)) {
                return true;
            }
        }
        return false;
    }
}
