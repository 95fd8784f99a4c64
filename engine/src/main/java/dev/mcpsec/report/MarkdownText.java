package dev.mcpsec.report;

import dev.mcpsec.api.SafeText;

/**
 * Escaping for GitHub-flavoured Markdown, where scan data (hostile config values) must render as
 * plain text.
 */
final class MarkdownText {

    // Only what can start markup inside a line: links and images need '[', emphasis '*' or '_',
    // code '`',
    // HTML '<', strikethrough '~', cells '|'. Line-start syntax (#, -, 1.) cannot occur: we never
    // start a line with data.
    private static final String PUNCTUATION = "\\`*[]<>|~";

    private MarkdownText() {}

    /**
     * Plain text for a paragraph, list item or table cell: Markdown punctuation escaped, one line.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String line = oneLine(value);
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '&') {
                out.append("&amp;"); // so "&lt;" in a config value is shown as typed, not decoded
            } else if (c == '_' && !(wordChar(line, i - 1) && wordChar(line, i + 1))) {
                out.append("\\_"); // intraword underscores (ENV_VAR names) never emphasise, so they
                // stay readable
            } else if (c == '@' && wordChar(line, i + 1)) {
                out.append(
                        "@&#8203;"); // npm scopes like @stripe/mcp must not @-mention users in PR
                // comments
            } else {
                if (PUNCTUATION.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A code span for identifiers (paths, server names, packages): literal, and never an @-mention
     * or link. The fence is longer than any backtick run inside. In a table cell pipes are escaped,
     * even inside the span, because GFM splits cells before it parses code spans.
     */
    static String code(String value, boolean inTable) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String line = oneLine(value);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            run = line.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String padding = line.startsWith("`") || line.endsWith("`") || longest > 0 ? " " : "";
        return fence + padding + (inTable ? line.replace("|", "\\|") : line) + padding + fence;
    }

    private static boolean wordChar(String text, int index) {
        return index >= 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index));
    }

    private static String oneLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if (SafeText.isUnsafe(c)) {
                out.append(SafeText.escape(String.valueOf(c)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
