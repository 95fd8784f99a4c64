package dev.mcpsec.report;

import dev.mcpsec.api.SafeText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A tiny HTML builder (used by the scan and fleet reports): every piece of scan data goes through
 * {@link #text}, since config values are hostile input.
 */
public final class Html {

    private final StringBuilder out = new StringBuilder(16_384);

    /** Appends trusted markup written in this package. */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends scan data, escaped for element content and quoted attribute values alike. */
    public Html text(String value) {
        out.append(escape(value));
        return this;
    }

    public Html text(long value) {
        out.append(value);
        return this;
    }

    /**
     * {@code <tag class="css">escaped text</tag>}; {@code css} is a constant of this package, never
     * scan data.
     */
    public Html element(String tag, String css, String value) {
        out.append('<').append(tag);
        if (css != null) {
            out.append(" class=\"").append(css).append('"');
        }
        return raw(">").text(value).raw("</" + tag + ">");
    }

    /** A table cell with a value in a code span, or an empty cell. */
    Html codeCell(String value) {
        return value == null || value.isEmpty()
                ? raw("<td></td>")
                : raw("<td>").element("code", null, value).raw("</td>");
    }

    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                        escaped.append('\uFFFD');
                    } else if (SafeText.isUnsafe(c)) {
                        escaped.append(SafeText.escape(String.valueOf(c)));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** The report stylesheet shared by the HTML reports. */
    public static String stylesheet() {
        try (InputStream in = Html.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the mcpsec engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
