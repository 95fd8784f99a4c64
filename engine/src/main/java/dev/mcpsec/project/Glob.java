package dev.mcpsec.project;

import java.util.ArrayList;
import java.util.List;

/**
 * A path glob with the syntax of {@code FileSystem.getPathMatcher("glob:...")} ({@code *} within a
 * name, {@code **} across names, {@code ?}, {@code [a-z]}, {@code [!x]}, {@code {a,b}}, {@code \}
 * escapes), matched by simulating all positions of the pattern at once: time is at most the path
 * length times the pattern length, whatever the pattern. The JDK compiles globs to backtracking
 * regular expressions, so a pattern like {@code **a**a**a…b} from a project's config took
 * exponential time.
 */
public final class Glob {
    /** Most alternatives {@code {a,b}} groups may expand to. */
    static final int MAX_ALTERNATIVES = 256;

    /** Longest pattern accepted. */
    static final int MAX_LENGTH = 4096;

    private enum Kind {
        LITERAL,
        ANY,
        CLASS,
        STAR,
        DOUBLE_STAR
    }

    private record Token(Kind kind, char c, String set, boolean negated) {
        boolean accepts(char x) {
            return switch (kind) {
                case LITERAL -> x == c;
                case ANY, STAR -> x != '/';
                case DOUBLE_STAR -> true;
                case CLASS -> x != '/' && inSet(x) != negated;
            };
        }

        private boolean inSet(char x) {
            for (int i = 0; i < set.length(); i++) {
                char lo = set.charAt(i);
                if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                    if (x >= lo && x <= set.charAt(i + 2)) {
                        return true;
                    }
                    i += 2;
                } else if (x == lo) {
                    return true;
                }
            }
            return false;
        }
    }

    private final String pattern;
    private final List<Token[]> alternatives;

    private Glob(String pattern, List<Token[]> alternatives) {
        this.pattern = pattern;
        this.alternatives = alternatives;
    }

    /**
     * Compiles a glob.
     *
     * @throws IllegalArgumentException with the reason when it is not a valid glob
     */
    public static Glob compile(String pattern) {
        if (pattern.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
        }
        List<String> expanded = expand(pattern);
        List<Token[]> alternatives = new ArrayList<>();
        for (String p : expanded) {
            alternatives.add(tokens(p));
        }
        return new Glob(pattern, alternatives);
    }

    public String pattern() {
        return pattern;
    }

    /** True when the whole of {@code path} (forward slashes) matches. */
    public boolean matches(String path) {
        for (Token[] tokens : alternatives) {
            if (matches(tokens, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Token[] tokens, String path) {
        int n = tokens.length;
        boolean[] current = new boolean[n + 1];
        boolean[] next = new boolean[n + 1];
        current[0] = true;
        close(tokens, current);
        for (int p = 0; p < path.length(); p++) {
            char c = path.charAt(p);
            java.util.Arrays.fill(next, false);
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (!current[i] || !tokens[i].accepts(c)) {
                    continue;
                }
                Kind k = tokens[i].kind;
                if (k == Kind.STAR || k == Kind.DOUBLE_STAR) {
                    next[i] = true;
                } else {
                    next[i + 1] = true;
                }
                any = true;
            }
            if (!any) {
                return false;
            }
            close(tokens, next);
            boolean[] t = current;
            current = next;
            next = t;
        }
        return current[n];
    }

    /** A star may match nothing: a state before a star also stands after it. */
    private static void close(Token[] tokens, boolean[] states) {
        for (int i = 0; i < tokens.length; i++) {
            if (states[i] && (tokens[i].kind == Kind.STAR || tokens[i].kind == Kind.DOUBLE_STAR)) {
                states[i + 1] = true;
            }
        }
    }

    /** Expands {@code {a,b}} groups (not nested, as in the JDK) into plain patterns. */
    private static List<String> expand(String pattern) {
        List<String> out = new ArrayList<>();
        out.add("");
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= pattern.length()) {
                    throw new IllegalArgumentException("no character to escape at the end");
                }
                append(out, pattern.substring(i, i + 2));
                i += 2;
            } else if (c == '[') {
                int end = classEnd(pattern, i);
                append(out, pattern.substring(i, end + 1));
                i = end + 1;
            } else if (c == '{') {
                List<String> options = new ArrayList<>();
                StringBuilder option = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                while (j < pattern.length()) {
                    char d = pattern.charAt(j);
                    if (d == '{') {
                        throw new IllegalArgumentException("cannot nest groups at index " + j);
                    } else if (d == '\\' && j + 1 < pattern.length()) {
                        option.append(pattern, j, j + 2);
                        j += 2;
                        continue;
                    } else if (d == '[') {
                        int end = classEnd(pattern, j);
                        option.append(pattern, j, end + 1);
                        j = end + 1;
                        continue;
                    } else if (d == ',') {
                        options.add(option.toString());
                        option.setLength(0);
                    } else if (d == '}') {
                        options.add(option.toString());
                        closed = true;
                        break;
                    } else {
                        option.append(d);
                    }
                    j++;
                }
                if (!closed) {
                    throw new IllegalArgumentException("missing '}' for the group at index " + i);
                }
                List<String> grown = new ArrayList<>();
                for (String prefix : out) {
                    for (String o : options) {
                        grown.add(prefix + o);
                        if (grown.size() > MAX_ALTERNATIVES) {
                            throw new IllegalArgumentException(
                                    "more than "
                                            + MAX_ALTERNATIVES
                                            + " alternatives from {...} groups");
                        }
                    }
                }
                out = grown;
                i = j + 1;
            } else {
                append(out, String.valueOf(c));
                i++;
            }
        }
        return out;
    }

    private static void append(List<String> out, String s) {
        out.replaceAll(p -> p + s);
    }

    private static int classEnd(String pattern, int start) {
        int j = start + 1;
        if (j < pattern.length() && pattern.charAt(j) == '!') {
            j++;
        }
        if (j < pattern.length() && pattern.charAt(j) == ']') {
            j++; // a ']' first is a member
        }
        while (j < pattern.length() && pattern.charAt(j) != ']') {
            if (pattern.charAt(j) == '/') {
                throw new IllegalArgumentException(
                        "explicit name separator in class at index " + j);
            }
            j++;
        }
        if (j >= pattern.length()) {
            throw new IllegalArgumentException("missing ']' for the class at index " + start);
        }
        return j;
    }

    private static Token[] tokens(String p) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            switch (c) {
                case '\\' -> {
                    out.add(new Token(Kind.LITERAL, p.charAt(i + 1), null, false));
                    i += 2;
                }
                case '*' -> {
                    if (i + 1 < p.length() && p.charAt(i + 1) == '*') {
                        out.add(new Token(Kind.DOUBLE_STAR, '*', null, false));
                        i += 2;
                    } else {
                        out.add(new Token(Kind.STAR, '*', null, false));
                        i++;
                    }
                    // runs of stars match what one star of the widest kind matches: keep the states
                    // linear
                    while (i < p.length() && p.charAt(i) == '*') {
                        if (out.get(out.size() - 1).kind == Kind.STAR) {
                            out.set(out.size() - 1, new Token(Kind.DOUBLE_STAR, '*', null, false));
                        }
                        i++;
                    }
                }
                case '?' -> {
                    out.add(new Token(Kind.ANY, '?', null, false));
                    i++;
                }
                case '[' -> {
                    int end = classEnd(p, i);
                    int from = i + 1;
                    boolean negated = from < end && p.charAt(from) == '!';
                    if (negated) {
                        from++;
                    }
                    out.add(new Token(Kind.CLASS, '[', p.substring(from, end), negated));
                    i = end + 1;
                }
                default -> {
                    out.add(new Token(Kind.LITERAL, c, null, false));
                    i++;
                }
            }
        }
        return out.toArray(new Token[0]);
    }
}
