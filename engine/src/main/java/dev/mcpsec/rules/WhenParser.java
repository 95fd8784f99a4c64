package dev.mcpsec.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the {@code when} part of one DRL rule into its fact patterns ({@code $b : Type( c1, c2 )},
 * also under {@code not} and {@code exists}) and each pattern into its top-level conditions, for
 * {@code --trace}. It reads DRL text, so it understands what trace needs and no more: nested
 * parentheses, strings and commas inside calls.
 */
final class WhenParser {
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern TYPE =
            Pattern.compile("(?:(\\$\\w+)\\s*:\\s*)?([A-Z]\\w*)\\s*\\(");

    private WhenParser() {}

    /** One pattern: its text, binding (or null), type, mode and conditions. */
    record ParsedPattern(
            String text, String binding, String type, String mode, List<String> conditions) {}

    /** The {@code when} text of the rule named {@code name} in {@code drl}. */
    static String whenPart(String drl, String name) {
        Matcher m = RULE.matcher(drl);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                String rest = drl.substring(m.end());
                Matcher when = Pattern.compile("(?m)^\\s*when\\b").matcher(rest);
                Matcher then = Pattern.compile("(?m)^\\s*then\\b").matcher(rest);
                if (when.find() && then.find(when.end())) {
                    return rest.substring(when.end(), then.start());
                }
            }
        }
        throw new IllegalArgumentException("cannot find the when part of rule \"" + name + "\"");
    }

    static List<ParsedPattern> patterns(String when) {
        String text = stripComments(when);
        List<ParsedPattern> out = new ArrayList<>();
        Matcher m = TYPE.matcher(text);
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = matching(text, open);
            if (close < 0) {
                break;
            }
            String before = text.substring(0, m.start()).trim();
            String mode =
                    before.endsWith("not") || before.endsWith("not (")
                            ? "not"
                            : before.endsWith("exists") || before.endsWith("exists (")
                                    ? "exists"
                                    : "match";
            String inner = text.substring(open + 1, close);
            if (!"eval".equals(m.group(2))) {
                out.add(
                        new ParsedPattern(
                                text.substring(m.start(), close + 1).replaceAll("\\s+", " "),
                                m.group(1),
                                m.group(2),
                                mode,
                                split(inner)));
            }
            from = close + 1;
        }
        return out;
    }

    private static String stripComments(String s) {
        return s.replaceAll("(?m)//[^\n\"]*$", "").replaceAll("(?s)/\\*.*?\\*/", " ");
    }

    private static int matching(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Top-level, comma-separated conditions; empty ones dropped. */
    static List<String> split(String inner) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '"' && (i == 0 || inner.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                depth--;
            }
            if (c == ',' && depth == 0 && !quoted) {
                add(out, cur);
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().replaceAll("\\s+", " ").trim();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
