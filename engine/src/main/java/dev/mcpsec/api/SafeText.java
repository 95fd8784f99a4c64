package dev.mcpsec.api;

/**
 * Text from a scanned tree (server names, file names, config errors) is shown, never obeyed:
 * control characters (escape sequences, newlines that forge log lines), bidirectional overrides and
 * isolates (which reorder what a reader sees) and line separators become visible {@code \\uXXXX}
 * escapes. One function for every text channel: the text report, warnings, error messages on the
 * terminal and in the Maven log, Markdown and HTML.
 */
public final class SafeText {
    private SafeText() {}

    /** {@code text} with every unsafe character written as {@code \\uXXXX}; null stays null. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * As {@link #escape(String)}, keeping line feeds when {@code keepNewlines} (multi-line messages
     * we compose).
     */
    public static String escape(String text, boolean keepNewlines) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = isUnsafe(c) && !(keepNewlines && c == '\n');
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * True for C0 and C1 control characters, DEL, the bidirectional marks, embeddings, overrides
     * and isolates (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) and the Unicode
     * line and paragraph separators.
     */
    public static boolean isUnsafe(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || c == '\u061c'
                || c == '\u200e'
                || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u2028'
                || c == '\u2029';
    }
}
