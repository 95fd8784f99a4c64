package dev.mcpsec.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a server's {@code args} into named values: {@code --flag=value}, {@code --flag value},
 * {@code --header "Name: value"}, docker {@code -e NAME=value}, bare {@code NAME=value}, URLs and
 * JSON objects passed as one argument.
 */
public final class ArgScanner {

    private static final Pattern ASSIGNMENT =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(.*)", Pattern.DOTALL);
    private static final Pattern JSON_PAIR =
            Pattern.compile("\"([^\"\\\\]{1,200})\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ArgScanner() {}

    /** Every value in {@code args} with the name that carries it; null entries are skipped. */
    public static List<ArgValue> scan(List<String> args) {
        List<ArgValue> out = new ArrayList<>();
        if (args == null) {
            return out;
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg == null || arg.isEmpty()) {
                continue;
            }
            String next = i + 1 < args.size() ? args.get(i + 1) : null;
            if (isHeaderFlag(arg)) {
                if (next != null) {
                    header(next, i + 1, out);
                    i++;
                }
            } else if (arg.startsWith("--header=") || arg.startsWith("-H=")) {
                header(arg.substring(arg.indexOf('=') + 1), i, out);
            } else if (arg.equals("-e") || arg.equals("--env")) {
                if (next != null) {
                    assignment(next, i + 1, out);
                    i++;
                }
            } else if (arg.startsWith("--env=")) {
                assignment(arg.substring(6), i, out);
            } else if (arg.startsWith("-") && arg.length() > 1 && !arg.equals("--")) {
                i = flag(arg, next, i, out);
            } else {
                positional(arg, i, out);
            }
        }
        return out;
    }

    private static boolean isHeaderFlag(String arg) {
        return arg.equals("--header") || arg.equals("-H") || arg.equals("--headers");
    }

    private static int flag(String arg, String next, int i, List<ArgValue> out) {
        int eq = arg.indexOf('=');
        if (eq > 0) {
            String name = arg.substring(0, eq);
            String value = arg.substring(eq + 1);
            out.add(
                    new ArgValue(
                            name,
                            value,
                            i,
                            value.contains("://") ? ValueContext.URL : ValueContext.ARG));
            return i;
        }
        if (next != null && !next.startsWith("-")) {
            out.add(
                    new ArgValue(
                            arg,
                            next,
                            i + 1,
                            next.contains("://") ? ValueContext.URL : ValueContext.ARG));
            return i + 1;
        }
        return i;
    }

    private static void header(String header, int index, List<ArgValue> out) {
        int colon = header.indexOf(':');
        if (colon > 0 && !header.substring(0, colon).contains(" ")) {
            out.add(
                    new ArgValue(
                            header.substring(0, colon).strip(),
                            header.substring(colon + 1).strip(),
                            index,
                            ValueContext.HEADER));
        } else {
            out.add(new ArgValue(null, header, index, ValueContext.HEADER));
        }
    }

    private static void assignment(String arg, int index, List<ArgValue> out) {
        Matcher m = ASSIGNMENT.matcher(arg);
        if (m.matches()) {
            out.add(new ArgValue(m.group(1), m.group(2), index, ValueContext.ENV));
        }
    }

    private static void positional(String arg, int index, List<ArgValue> out) {
        String trimmed = arg.strip();
        if (trimmed.startsWith("{") && trimmed.contains(":")) {
            String json = trimmed.contains("\\\"") ? trimmed.replace("\\\"", "\"") : trimmed;
            Matcher m = JSON_PAIR.matcher(json);
            boolean any = false;
            while (m.find()) {
                any = true;
                out.add(
                        new ArgValue(
                                m.group(1),
                                Escapes.unescape(m.group(2)),
                                index,
                                ValueContext.OTHER));
            }
            if (any) {
                return;
            }
        }
        if (!trimmed.contains("://")) {
            Matcher m = ASSIGNMENT.matcher(trimmed);
            if (m.matches() && !m.group(1).contains(".")) {
                out.add(new ArgValue(m.group(1), m.group(2), index, ValueContext.ENV));
                return;
            }
        }
        out.add(
                new ArgValue(
                        null,
                        arg,
                        index,
                        arg.contains("://") ? ValueContext.URL : ValueContext.ARG));
    }
}
