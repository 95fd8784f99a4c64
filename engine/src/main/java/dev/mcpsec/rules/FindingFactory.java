package dev.mcpsec.rules;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.facts.Fact;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Turns a rule match into a {@link Finding}: location from the last matched fact that has a file,
 * message placeholders filled from the matched facts (last first), and a line-independent
 * fingerprint.
 */
final class FindingFactory {
    /**
     * Each record type's component accessors by name, looked up once per type: reading them anew
     * for every placeholder of every finding (and a fresh accessor object each time) was a large
     * part of firing rules on a big tree.
     */
    private static final ClassValue<Map<String, Method>> ACCESSORS =
            new ClassValue<>() {
                @Override
                protected Map<String, Method> computeValue(Class<?> type) {
                    Map<String, Method> byName = new HashMap<>();
                    RecordComponent[] components = type.getRecordComponents();
                    if (components != null) {
                        for (RecordComponent c : components) {
                            byName.putIfAbsent(c.getName(), c.getAccessor());
                        }
                    }
                    return Map.copyOf(byName);
                }
            };

    private static final int MAX_TEMPLATES = 4096;

    private static final Map<String, List<Part>> TEMPLATES = new ConcurrentHashMap<>();

    private FindingFactory() {}

    static Finding create(
            RuleInfo rule,
            String message,
            String remediationTemplate,
            List<?> objects,
            Function<String, Object> bindings) {
        List<Object> reversed = new ArrayList<>(objects);
        java.util.Collections.reverse(reversed);
        Fact at = null;
        for (Object o : reversed) {
            if (o instanceof Fact f && f.file() != null) {
                at = f;
                break;
            }
        }
        String server = null;
        for (Object o : reversed) {
            if (o instanceof Fact f && f.server() != null) {
                server = f.server();
                break;
            }
        }
        String client = (String) field(reversed, "client");
        String commit = (String) field(reversed, "commit");
        String text = fill(message == null ? rule.title() : message, rule, reversed, bindings);
        String remediation =
                remediationTemplate == null
                        ? null
                        : fill(remediationTemplate, rule, reversed, bindings);
        String file = at == null ? null : at.file();
        String fingerprint = fingerprint(rule.id(), file, server, at == null ? "" : at.subject());
        return new Finding(
                rule.id(),
                rule.checklist(),
                rule.severity(),
                rule.title(),
                text,
                file,
                at == null ? 0 : at.line(),
                at == null ? 0 : at.column(),
                server,
                client,
                commit,
                remediation,
                fingerprint,
                rule.bundle());
    }

    static String fill(
            String template, RuleInfo rule, List<Object> facts, Function<String, Object> bindings) {
        StringBuilder sb = new StringBuilder();
        for (Part part : parts(template)) {
            if (part.name() == null) {
                sb.append(part.literal());
                continue;
            }
            Object value;
            if (part.binding() != null) {
                Object bound = bindings.apply(part.binding());
                value = bound == null ? null : field(List.of(bound), part.name());
            } else {
                value = "rule".equals(part.name()) ? rule.id() : field(facts, part.name());
            }
            sb.append(value == null ? "(none)" : render(value));
        }
        return sb.toString();
    }

    /** A piece of a message template: literal text, or a placeholder ({@code {$binding.name}}). */
    private record Part(String literal, String binding, String name) {}

    /**
     * A template split at its placeholders, once per template text: every finding of a rule fills
     * the same message. Messages computed by a rule vary, so the cache is emptied should it grow
     * past {@link #MAX_TEMPLATES}.
     */
    private static List<Part> parts(String template) {
        List<Part> cached = TEMPLATES.get(template);
        if (cached != null) {
            return cached;
        }
        List<Part> parts = new ArrayList<>();
        Matcher m = RuleMetadata.PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(template.substring(at, m.start()), null, null));
            }
            parts.add(new Part(null, m.group(1), m.group(2)));
            at = m.end();
        }
        if (at < template.length()) {
            parts.add(new Part(template.substring(at), null, null));
        }
        List<Part> made = List.copyOf(parts);
        if (TEMPLATES.size() >= MAX_TEMPLATES) {
            TEMPLATES.clear();
        }
        TEMPLATES.put(template, made);
        return made;
    }

    private static String render(Object value) {
        if (value instanceof List<?> list) {
            return String.join(" ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /**
     * The value of the first record component (or {@code file} accessor) with that name, searching
     * facts in order.
     */
    static Object field(List<Object> facts, String name) {
        for (Object o : facts) {
            if ("server".equals(name) && o instanceof Fact f && f.server() != null) {
                return f.server();
            }
            if (o instanceof Record r) {
                Method accessor = ACCESSORS.get(r.getClass()).get(name);
                if (accessor != null) {
                    try {
                        Object v = accessor.invoke(r);
                        if (v != null) {
                            return v;
                        }
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(
                                "cannot read " + name + " of " + r.getClass(), e);
                    }
                }
                if ("file".equals(name) && o instanceof Fact f && f.file() != null) {
                    return f.file();
                }
            }
        }
        return null;
    }

    static String fingerprint(String ruleId, String file, String server, String subject) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String key = ruleId + "\u0000" + file + "\u0000" + server + "\u0000" + subject;
            return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
