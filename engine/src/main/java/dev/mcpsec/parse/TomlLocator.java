package dev.mcpsec.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A line scanner for TOML that records where every table header and {@code key = value} is written,
 * keyed by the full key path; array-of-tables entries get a {@code #index} segment. It only
 * locates, never validates: Jackson has already rejected invalid TOML.
 */
final class TomlLocator {

    /** Where a key and its value start: 1-based lines/columns and the value's char offset. */
    record Spot(int keyLine, int keyColumn, int valueLine, int valueColumn, int valueOffset) {}

    private final String text;
    private final int[] lineStarts;
    private final Map<List<String>, Spot> spots = new HashMap<>();
    private final Map<List<String>, Integer> arrayTableCounts = new HashMap<>();

    TomlLocator(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        scan();
    }

    Spot find(List<String> path) {
        return spots.get(path);
    }

    int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    private void scan() {
        List<String> table = List.of();
        String openMultiline = null;
        for (int ln = 0; ln < lineStarts.length; ln++) {
            int start = lineStarts[ln];
            int end = ln + 1 < lineStarts.length ? lineStarts[ln + 1] : text.length();
            String line = text.substring(start, end);
            if (openMultiline != null) {
                if (line.contains(openMultiline)) {
                    openMultiline = null;
                }
                continue;
            }
            int i = skipSpaces(line, 0);
            if (i >= line.length() || line.charAt(i) == '#') {
                continue;
            }
            if (line.startsWith("[[", i)) {
                List<String> keys = new ArrayList<>();
                if (parseKeys(line, i + 2, keys) < 0) {
                    continue;
                }
                List<String> p = withArrayIndexes(keys);
                int index = arrayTableCounts.merge(List.copyOf(p), 1, Integer::sum) - 1;
                p.add("#" + index);
                spots.put(p, new Spot(ln + 1, i + 1, ln + 1, i + 1, start + i));
                table = p;
            } else if (line.charAt(i) == '[') {
                List<String> keys = new ArrayList<>();
                if (parseKeys(line, i + 1, keys) < 0) {
                    continue;
                }
                List<String> p = withArrayIndexes(keys);
                spots.putIfAbsent(p, new Spot(ln + 1, i + 1, ln + 1, i + 1, start + i));
                table = p;
            } else {
                List<String> keys = new ArrayList<>();
                int after = parseKeys(line, i, keys);
                if (after < 0 || after >= line.length() || line.charAt(after) != '=') {
                    continue;
                }
                int v = skipSpaces(line, after + 1);
                List<String> p = new ArrayList<>(table);
                p.addAll(keys);
                spots.put(p, new Spot(ln + 1, i + 1, ln + 1, v + 1, start + v));
                openMultiline = opensMultiline(line, v);
            }
        }
    }

    /**
     * A header below an array of tables ({@code [a.b]} after {@code [[a]]}) belongs to its latest
     * entry.
     */
    private List<String> withArrayIndexes(List<String> keys) {
        List<String> p = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            p.add(keys.get(k));
            Integer count = arrayTableCounts.get(p);
            if (count != null && k < keys.size() - 1) {
                p.add("#" + (count - 1));
            }
        }
        return p;
    }

    private static String opensMultiline(String line, int v) {
        for (String q : new String[] {"\"\"\"", "'''"}) {
            if (line.startsWith(q, v) && line.indexOf(q, v + 3) < 0) {
                return q;
            }
        }
        return null;
    }

    /**
     * Parses a dotted key from {@code i}; returns the index after it and any spaces (or after
     * {@code ]}), -1 if none.
     */
    private static int parseKeys(String line, int i, List<String> keys) {
        while (true) {
            i = skipSpaces(line, i);
            if (i >= line.length()) {
                return -1;
            }
            char c = line.charAt(i);
            StringBuilder key = new StringBuilder();
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < line.length() && line.charAt(j) != c) {
                    if (c == '"' && line.charAt(j) == '\\' && j + 1 < line.length()) {
                        j++;
                    }
                    key.append(line.charAt(j));
                    j++;
                }
                if (j >= line.length()) {
                    return -1;
                }
                i = j + 1;
            } else {
                int j = i;
                while (j < line.length()
                        && (Character.isLetterOrDigit(line.charAt(j))
                                || line.charAt(j) == '_'
                                || line.charAt(j) == '-')) {
                    j++;
                }
                if (j == i) {
                    return -1;
                }
                key.append(line, i, j);
                i = j;
            }
            keys.add(key.toString());
            i = skipSpaces(line, i);
            if (i < line.length() && line.charAt(i) == '.') {
                i++;
                continue;
            }
            while (i < line.length() && line.charAt(i) == ']') {
                i++;
            }
            return i;
        }
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
