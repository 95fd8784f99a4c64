package dev.mcpsec.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Line numbers of the keys of a JSON document, so that a strict reader can say {@code file:line:
 * unknown key "x"}. Keys are addressed as JSON pointers ({@code /expect/0/ruleId}).
 */
public final class StrictJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final Map<String, Integer> lines;
    private final String file;

    private StrictJson(Map<String, Integer> lines, String file) {
        this.lines = lines;
        this.file = file;
    }

    /**
     * Indexes the key lines of {@code bytes}; a document that does not parse gets no lines (the
     * reader reports it).
     */
    public static StrictJson of(byte[] bytes, String file) {
        Map<String, Integer> lines = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> index = new ArrayDeque<>();
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken t;
            String pending = null;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    pending = p.currentName();
                    lines.put(prefix(path) + "/" + pending, p.currentLocation().getLineNr());
                    continue;
                }
                String segment = pending;
                pending = null;
                if (segment == null && !index.isEmpty() && index.peek()[0] >= 0) {
                    segment = String.valueOf(index.peek()[0]++);
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    path.push(segment == null ? "" : segment);
                    index.push(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    path.pop();
                    index.pop();
                }
            }
        } catch (IOException e) {
            lines.clear();
        }
        return new StrictJson(lines, file);
    }

    private static String prefix(Deque<String> path) {
        StringBuilder sb = new StringBuilder();
        Iterator<String> it = path.descendingIterator();
        if (it.hasNext()) {
            it.next(); // the document itself
        }
        while (it.hasNext()) {
            sb.append('/').append(it.next());
        }
        return sb.toString();
    }

    /** {@code file:line} of the key at {@code pointer}, or just the file when unknown. */
    public String at(String pointer) {
        Integer line = lines.get(pointer);
        return line == null ? file : file + ":" + line;
    }

    /**
     * The first key of {@code object} (at {@code pointer}) that is not allowed, as {@code
     * file:line: unknown key "k" in WHAT (allowed: ...)}, or null when every key is allowed.
     */
    public String unknownKey(JsonNode object, String pointer, Set<String> allowed, String what) {
        if (object == null || !object.isObject()) {
            return null;
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                return at(pointer + "/" + k)
                        + ": unknown key \""
                        + k
                        + "\" in "
                        + what
                        + " (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList())
                        + ")"
                        + Suggest.hint(k, allowed);
            }
        }
        return null;
    }
}
