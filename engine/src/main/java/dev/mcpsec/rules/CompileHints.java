package dev.mcpsec.rules;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Drools' compile messages in the policy author's terms: an unknown field or fact type is
 * named with the one that was probably meant, and MVEL's wrapping ({@code [Near : {...}]}, {@code
 * [Line: 5, Column: 2]}) is dropped.
 */
final class CompileHints {
    static final String FACTS = "dev.mcpsec.facts.";

    /**
     * Every fact type rules match on, by simple name (the list lives in {@link
     * RuleMetadata#FACT_TYPES}).
     */
    static final List<String> FACT_TYPES =
            RuleMetadata.FACT_TYPES.stream().map(Class::getSimpleName).sorted().toList();

    private static final Pattern NO_METHOD =
            Pattern.compile(
                    "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern NO_TYPE =
            Pattern.compile("Unable to resolve ObjectType '([\\w.$]+)'");
    private static final Pattern NOISE =
            Pattern.compile("\\s*\\[Near : \\{.*?}]\\s*\\^?|\\s*\\[Line: \\d+, Column: \\d+]");

    private CompileHints() {}

    /**
     * The message with the hint, and the word the caret should point at (null to keep the line's
     * first token).
     */
    record Hint(String message, String word) {}

    static Hint rewrite(String message) {
        Matcher m = NO_METHOD.matcher(message);
        if (m.find()) {
            String type = m.group(1);
            String field = m.group(2);
            List<String> fields = fields(type);
            if (!fields.isEmpty()) {
                String simple = type.substring(type.lastIndexOf('.') + 1);
                String best = Suggest.closest(field, fields);
                return new Hint(
                        simple
                                + " has no field `"
                                + field
                                + "`; "
                                + (best != null
                                        ? "did you mean `" + best + "`?"
                                        : "its fields are " + String.join(", ", fields)),
                        field);
            }
        }
        m = NO_TYPE.matcher(message);
        if (m.find()) {
            String type = m.group(1);
            String best = Suggest.closest(type.substring(type.lastIndexOf('.') + 1), FACT_TYPES);
            return new Hint(
                    "no fact type `"
                            + type
                            + "`"
                            + (best != null
                                    ? "; did you mean `" + best + "`?"
                                    : "; fact types are " + String.join(", ", FACT_TYPES))
                            + " (and import dev.mcpsec.facts.*)",
                    type);
        }
        return new Hint(
                NOISE.matcher(message)
                        .replaceAll("")
                        .replace("[Error: ", "")
                        .replaceAll("]\\s*$", "")
                        .trim(),
                null);
    }

    /** The fields of a fact class (record components), or empty when it is not ours. */
    static List<String> fields(String className) {
        if (!className.startsWith(FACTS)) {
            return List.of();
        }
        try {
            Class<?> c = Class.forName(className, false, CompileHints.class.getClassLoader());
            RecordComponent[] components = c.getRecordComponents();
            if (components == null) {
                return List.of();
            }
            return Arrays.stream(components).map(RecordComponent::getName).toList();
        } catch (ClassNotFoundException e) {
            return List.of();
        }
    }

    /**
     * Drops knock-on errors: after the first error on a line of a file, later ones on that line add
     * nothing.
     */
    static List<String> firstPerLine(List<String> problems) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String p : problems) {
            int colon = p.indexOf(':');
            int second = colon < 0 ? -1 : p.indexOf(':', colon + 1);
            String key = second < 0 ? p : p.substring(0, second);
            if (seen.add(key)) {
                out.add(p);
            }
        }
        return out;
    }
}
