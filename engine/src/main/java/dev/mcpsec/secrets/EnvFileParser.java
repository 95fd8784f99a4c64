package dev.mcpsec.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code .env} files the way dotenv libraries do: {@code export} prefixes, quotes, {@code
 * KEY = value}, inline comments, CRLF and multi-line quoted values (best effort). Odd lines are
 * skipped with a note.
 */
public final class EnvFileParser {

    private static final Pattern ASSIGNMENT =
            Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*");
    private static final int MAX_MULTILINE = 200;

    private EnvFileParser() {}

    /** Parses the whole content of an env file. */
    public static EnvFile parse(String content) {
        List<EnvEntry> entries = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.find()) {
                notes.add("line " + (i + 1) + ": skipped, not a NAME=value assignment");
                continue;
            }
            String name = m.group(1);
            int valueStart = m.end();
            String rest = line.substring(valueStart);
            if (!rest.isEmpty() && (rest.charAt(0) == '"' || rest.charAt(0) == '\'')) {
                char quote = rest.charAt(0);
                int close = closingQuote(rest, 1, quote);
                if (close >= 0) {
                    entries.add(
                            new EnvEntry(
                                    name,
                                    unquote(rest.substring(1, close), quote),
                                    i + 1,
                                    valueStart + 2));
                    continue;
                }
                StringBuilder value = new StringBuilder(rest.substring(1));
                int j = i + 1;
                int end = -1;
                for (; j < lines.length && j - i <= MAX_MULTILINE; j++) {
                    end = closingQuote(lines[j], 0, quote);
                    if (end >= 0) {
                        value.append('\n').append(lines[j], 0, end);
                        break;
                    }
                    value.append('\n').append(lines[j]);
                }
                if (end >= 0) {
                    entries.add(
                            new EnvEntry(
                                    name, unquote(value.toString(), quote), i + 1, valueStart + 2));
                    i = j;
                } else {
                    notes.add(
                            "line "
                                    + (i + 1)
                                    + ": unterminated quote for "
                                    + name
                                    + ", value taken to end of line");
                    entries.add(
                            new EnvEntry(name, rest.substring(1).strip(), i + 1, valueStart + 2));
                }
                continue;
            }
            entries.add(
                    new EnvEntry(name, stripInlineComment(rest).strip(), i + 1, valueStart + 1));
        }
        return new EnvFile(entries, notes);
    }

    private static int closingQuote(String s, int from, char quote) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quote == '"') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String s, char quote) {
        return quote == '\'' ? s : Escapes.unescape(s);
    }

    private static String stripInlineComment(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                return s.substring(0, i);
            }
        }
        return s;
    }
}
