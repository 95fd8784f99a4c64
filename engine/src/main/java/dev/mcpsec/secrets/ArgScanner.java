package dev.mcpsec.secrets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a server's {@code args} into named values: {@code --flag=value}, {@code --flag value},
 * {@code --header "Name: value"}, docker {@code -e NAME=value}, bare {@code NAME=value}, URLs, JSON
 * objects passed as one argument or as a flag's value (parsed with limits, leaves named by key
 * path), and command lines passed as one argument ({@code sh -c "…"}, {@code cmd /c "…"}).
 */
public final class ArgScanner {

    private static final Pattern ASSIGNMENT =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(.*)", Pattern.DOTALL);

    /** Flags after which a shell or {@code cmd} takes a whole command line as one argument. */
    private static final Set<String> SHELL_FLAGS =
            Set.of("-c", "-lc", "-ic", "/c", "/C", "/k", "/K", "-Command", "-command");

    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)(bearer|basic|token)\\s");
    private static final Pattern ASSIGNMENT_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.+");
    private static final int MAX_JSON = 64 * 1024;
    private static final int MAX_LEAVES = 256;

    /** JSON with limits: depth 32, strings of 64 KiB, single quotes and bare names allowed. */
    private static final JsonFactory JSON =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxNestingDepth(32)
                                    .maxStringLength(MAX_JSON)
                                    .maxNumberLength(100)
                                    .build())
                    .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                    .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                    .build();

    private static final Pattern JSON_PAIR =
            Pattern.compile("\"([^\"\\\\]{1,200})\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ArgScanner() {}

    /** Every value in {@code args} with the name that carries it; null entries are skipped. */
    public static List<ArgValue> scan(List<String> args) {
        return scan(args, true);
    }

    /**
     * @param nested whether a command line inside one argument is split into words (only at the top
     *     level: a command line inside a command line stays one value)
     */
    private static List<ArgValue> scan(List<String> args, boolean nested) {
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
            } else if (!nested && SHELL_FLAGS.contains(arg)) {
                continue; // sh -c inside a command line: its words follow as arguments
            } else if (arg.startsWith("-") && arg.length() > 1 && !arg.equals("--")) {
                i = flag(arg, next, i, out);
            } else if (nested
                    && SHELL_FLAGS.contains(arg)
                    && next != null
                    && next.strip().indexOf(' ') > 0) {
                commandLine(next, i + 1, out); // cmd /c "npx …"
                i++;
            } else {
                positional(arg, i, out, nested);
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
            flagValue(arg.substring(0, eq), arg.substring(eq + 1), i, out);
            return i;
        }
        if (SHELL_FLAGS.contains(arg) && next != null && next.strip().indexOf(' ') > 0) {
            commandLine(next, i + 1, out);
            return i + 1;
        }
        if (next != null && !next.startsWith("-")) {
            flagValue(arg, next, i + 1, out);
            return i + 1;
        }
        return i;
    }

    /**
     * A flag's value: a JSON object ({@code --config '{"apiKey":"…"}'}) gives its string leaves,
     * each named by its key path; anything else is one value named by the flag.
     */
    private static void flagValue(String name, String value, int index, List<ArgValue> out) {
        if (value.strip().startsWith("{") && json(value.strip(), index, out)) {
            return;
        }
        out.add(
                new ArgValue(
                        name,
                        value,
                        index,
                        value.contains("://") ? ValueContext.URL : ValueContext.ARG));
    }

    /**
     * A whole command line in one argument ({@code sh -c "npx pkg --api-key …"}, {@code cmd /c
     * "…"}): its words are scanned as arguments of their own, once (no deeper nesting).
     */
    private static void commandLine(String line, int index, List<ArgValue> out) {
        List<String> words = words(line);
        for (ArgValue v : scan(words, false)) {
            out.add(new ArgValue(v.name(), v.value(), index, v.context()));
        }
    }

    /** Splits on blanks outside single or double quotes; the quotes are dropped. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** True when a positional argument holding blanks reads as a command line, not a sentence. */
    private static boolean looksLikeCommandLine(String arg) {
        String t = arg.strip();
        if (t.startsWith("{") || AUTH_SCHEME.matcher(t).lookingAt()) {
            return false;
        }
        for (String w : words(t)) {
            if ((w.startsWith("-") && w.length() > 1) || ASSIGNMENT_WORD.matcher(w).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The string leaves of a JSON object, parsed with limits (depth, size, leaf count) and named by
     * their key path ({@code auth.token}; array items take their array's name). JSON the parser
     * refuses (single-quoted, cut short) is read by the key/value pattern instead. False when
     * nothing was found.
     */
    private static boolean json(String text, int index, List<ArgValue> out) {
        String json = text.contains("\\\"") ? text.replace("\\\"", "\"") : text;
        if (json.length() <= MAX_JSON) {
            List<ArgValue> leaves = new ArrayList<>();
            try (JsonParser p = JSON.createParser(json)) {
                walk(p, index, leaves);
                if (!leaves.isEmpty()) {
                    out.addAll(leaves);
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                // not JSON the parser accepts: the pattern below reads its "key": "value" pairs
            }
        }
        Matcher m = JSON_PAIR.matcher(json);
        boolean any = false;
        while (m.find()) {
            any = true;
            out.add(
                    new ArgValue(
                            m.group(1), Escapes.unescape(m.group(2)), index, ValueContext.OTHER));
        }
        return any;
    }

    private static void walk(JsonParser p, int index, List<ArgValue> out) throws IOException {
        List<String> path = new ArrayList<>();
        String field = null;
        JsonToken t;
        while ((t = p.nextToken()) != null && out.size() < MAX_LEAVES) {
            switch (t) {
                case FIELD_NAME -> field = p.currentName();
                case START_OBJECT, START_ARRAY -> {
                    path.add(field);
                    field = null;
                }
                case END_OBJECT, END_ARRAY -> {
                    if (!path.isEmpty()) {
                        path.remove(path.size() - 1);
                    }
                    field = null;
                }
                case VALUE_STRING -> {
                    String name = name(path, field);
                    if (name != null) {
                        out.add(new ArgValue(name, p.getText(), index, ValueContext.OTHER));
                    }
                    field = null;
                }
                default -> field = null;
            }
        }
    }

    /** The dotted key path of a leaf: enclosing field names and its own; null at the top. */
    private static String name(List<String> path, String field) {
        StringBuilder b = new StringBuilder();
        for (String s : path) {
            if (s != null) {
                b.append(b.length() == 0 ? "" : ".").append(s);
            }
        }
        if (field != null) {
            b.append(b.length() == 0 ? "" : ".").append(field);
        }
        return b.length() == 0 ? null : b.toString();
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

    private static void positional(String arg, int index, List<ArgValue> out, boolean nested) {
        String trimmed = arg.strip();
        if (trimmed.startsWith("{") && trimmed.contains(":") && json(trimmed, index, out)) {
            return;
        }
        if (nested && trimmed.indexOf(' ') > 0 && looksLikeCommandLine(trimmed)) {
            commandLine(trimmed, index, out);
            return;
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
