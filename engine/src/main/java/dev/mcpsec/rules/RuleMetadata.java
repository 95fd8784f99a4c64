package dev.mcpsec.rules;

import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.Severity;
import dev.mcpsec.facts.AdvisoryMatch;
import dev.mcpsec.facts.ClientCommand;
import dev.mcpsec.facts.ClientRedirect;
import dev.mcpsec.facts.ClientSetting;
import dev.mcpsec.facts.ConfigFile;
import dev.mcpsec.facts.Credential;
import dev.mcpsec.facts.DatabaseTarget;
import dev.mcpsec.facts.EnvReference;
import dev.mcpsec.facts.FilesystemRoot;
import dev.mcpsec.facts.HiddenText;
import dev.mcpsec.facts.HistoryCredential;
import dev.mcpsec.facts.IncompleteConfig;
import dev.mcpsec.facts.LaunchRisk;
import dev.mcpsec.facts.LookAlike;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.facts.PolicyData;
import dev.mcpsec.facts.ReviewRecord;
import dev.mcpsec.facts.RotationRecord;
import dev.mcpsec.facts.SecretOccurrence;
import dev.mcpsec.facts.ServerInput;
import dev.mcpsec.facts.SkippedConfigs;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a rule's metadata ({@code @id}, {@code @severity}, ...) and turns it into a {@link
 * RuleInfo}.
 */
final class RuleMetadata {
    static final Set<String> KEYS =
            Set.of(
                    "id",
                    "severity",
                    "checklist",
                    "title",
                    "message",
                    "remediation",
                    "description",
                    "helpUri",
                    "owasp");
    static final List<Class<? extends Record>> FACT_TYPES =
            List.of(
                    ConfigFile.class,
                    McpServer.class,
                    Credential.class,
                    HistoryCredential.class,
                    EnvReference.class,
                    DatabaseTarget.class,
                    FilesystemRoot.class,
                    ClientSetting.class,
                    SecretOccurrence.class,
                    ReviewRecord.class,
                    RotationRecord.class,
                    PolicyData.class,
                    AdvisoryMatch.class,
                    LookAlike.class,
                    LaunchRisk.class,
                    ServerInput.class,
                    IncompleteConfig.class,
                    SkippedConfigs.class,
                    ClientCommand.class,
                    ClientRedirect.class,
                    HiddenText.class);

    /**
     * {@code {field}} or {@code {$binding.field}}, but not the {@code ${VAR}} reference syntax that
     * remediation texts quote.
     */
    static final Pattern PLACEHOLDER =
            Pattern.compile(
                    "(?<!\\$)\\{(?:(\\$[A-Za-z_][A-Za-z0-9_]*)\\.)?([A-Za-z][A-Za-z0-9]*)}");

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{1,63}");
    private static final Pattern CHECKLIST = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Set<String> FIELDS = fieldNames();

    private RuleMetadata() {}

    private static String hint(String word, Set<String> candidates) {
        String best = Suggest.closest(word, candidates);
        return best == null ? "" : "; did you mean {" + best + "}?";
    }

    private static Set<String> fieldNames() {
        Set<String> names = new TreeSet<>();
        for (Class<? extends Record> type : FACT_TYPES) {
            for (RecordComponent c : type.getRecordComponents()) {
                names.add(c.getName());
            }
        }
        names.add("file");
        names.add("rule");
        return names;
    }

    /**
     * Checks one rule's metadata; problems go to {@code problems} as {@code where: message}.
     *
     * @return the rule info, or null when the metadata is unusable
     */
    static RuleInfo validate(
            String ruleName,
            Map<String, Object> rawMeta,
            String bundleLabel,
            String where,
            List<String> problems) {
        return validate(ruleName, rawMeta, bundleLabel, where, problems, null);
    }

    /**
     * As above; {@code bindings} (the rule's declarations, or null to skip the check) must hold
     * every {$binding}.
     */
    static RuleInfo validate(
            String ruleName,
            Map<String, Object> rawMeta,
            String bundleLabel,
            String where,
            List<String> problems,
            Set<String> bindings) {
        Map<String, Object> meta = normalise(rawMeta);
        List<String> mine = new ArrayList<>();
        for (String key : meta.keySet()) {
            if (!KEYS.contains(key)) {
                mine.add(
                        where
                                + ": rule \""
                                + ruleName
                                + "\": unknown metadata @"
                                + key
                                + " (allowed: "
                                + String.join(", ", new TreeSet<>(KEYS))
                                + ")");
            }
        }
        String id = str(meta, "id");
        String severity = str(meta, "severity");
        String checklist = str(meta, "checklist");
        String title = str(meta, "title");
        String message = str(meta, "message");
        if (id == null || !ID.matcher(id).matches()) {
            mine.add(
                    where
                            + ": rule \""
                            + ruleName
                            + "\": @id is required (letters, digits, . _ -), got "
                            + (id == null ? "nothing" : "'" + id + "'"));
        }
        Severity sev = null;
        if (severity == null) {
            mine.add(
                    where
                            + ": rule \""
                            + ruleName
                            + "\": @severity is required ("
                            + Severity.allowed()
                            + ")");
        } else {
            try {
                sev = Severity.parse(severity);
            } catch (IllegalArgumentException e) {
                mine.add(where + ": rule \"" + ruleName + "\": @severity " + e.getMessage());
            }
        }
        if (checklist == null || !CHECKLIST.matcher(checklist).matches()) {
            mine.add(
                    where
                            + ": rule \""
                            + ruleName
                            + "\": @checklist is required (a kebab-case checklist id), got "
                            + (checklist == null ? "nothing" : "'" + checklist + "'"));
        }
        if (title == null || title.isBlank()) {
            mine.add(where + ": rule \"" + ruleName + "\": @title is required");
        }
        for (String text : new String[] {message, str(meta, "remediation")}) {
            if (text == null) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!FIELDS.contains(m.group(2))) {
                    mine.add(
                            where
                                    + ": rule \""
                                    + ruleName
                                    + "\": unknown placeholder {"
                                    + m.group(2)
                                    + "}: use a fact field (see docs/writing-policies.md#facts)"
                                    + hint(m.group(2), FIELDS));
                }
                if (m.group(1) != null && bindings != null && !bindings.contains(m.group(1))) {
                    mine.add(
                            where
                                    + ": rule \""
                                    + ruleName
                                    + "\": placeholder {"
                                    + m.group(1)
                                    + "."
                                    + m.group(2)
                                    + "} names a binding the rule does not declare"
                                    + hint(m.group(1), bindings)
                                    + " (bindings: "
                                    + String.join(", ", new TreeSet<>(bindings))
                                    + ")");
                }
            }
        }
        List<String> owasp = new ArrayList<>();
        String owaspText = str(meta, "owasp");
        if (owaspText != null) {
            for (String item : owaspText.split("[\\s,]+")) {
                if (item.isEmpty()) {
                    continue;
                }
                if (OwaspMcpTop10.title(item) == null) {
                    mine.add(
                            where
                                    + ": rule \""
                                    + ruleName
                                    + "\": @owasp "
                                    + item
                                    + " is not an OWASP MCP Top 10 item ("
                                    + String.join(", ", OwaspMcpTop10.ids())
                                    + ")");
                }
                owasp.add(item);
            }
        } else if (checklist != null) {
            owasp.addAll(OwaspMcpTop10.forChecklist(checklist));
        }
        problems.addAll(mine);
        if (!mine.isEmpty()) {
            return null;
        }
        return new RuleInfo(
                id,
                checklist,
                sev,
                title,
                str(meta, "description"),
                str(meta, "remediation"),
                str(meta, "helpUri"),
                bundleLabel,
                where,
                owasp);
    }

    /**
     * Drools resolves {@code @description} to kie-api's {@code Description} annotation type; map
     * such qualified keys back to the short names rule authors write.
     */
    static Map<String, Object> normalise(Map<String, Object> meta) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> e : meta.entrySet()) {
            String key = e.getKey();
            int dot = key.lastIndexOf('.');
            if (dot >= 0) {
                String simple = key.substring(dot + 1);
                String lower = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
                if (KEYS.contains(lower)) {
                    key = lower;
                }
            }
            out.put(key, e.getValue());
        }
        return out;
    }

    static String str(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }
}
