package dev.mcpsec.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a server URL the way clients do (Node's and browsers' WHATWG URL parser), not the way
 * {@code java.net.URI} does: surrounding spaces and control characters are dropped, tabs and
 * newlines removed, the scheme lower-cased, for {@code http}, {@code https}, {@code ws} and {@code
 * wss} any run of {@code /} and {@code \} after the colon starts the host ({@code http:/host},
 * {@code http:\\host}), backslashes are slashes, and the host may hold characters {@code URI}
 * refuses (underscores) or percent escapes. A URL that {@code URI} cannot parse but a client
 * connects to must still reach the transport check.
 */
public final class LenientUrl {
    private LenientUrl() {}

    /**
     * The URL as a client would read it: {@code scheme://authority/rest}; non-web schemes are only
     * trimmed.
     */
    public static String normalize(String url) {
        if (url == null) {
            return null;
        }
        String s = stripControls(url);
        int colon = s.indexOf(':');
        if (colon <= 0 || !validScheme(s.substring(0, colon))) {
            return s;
        }
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!special(scheme)) {
            return scheme + s.substring(colon);
        }
        int i = colon + 1;
        while (i < s.length() && (s.charAt(i) == '/' || s.charAt(i) == '\\')) {
            i++;
        }
        String rest = s.substring(i).replace('\\', '/');
        return scheme + "://" + rest;
    }

    /**
     * The lower-cased host of a URL as a client would connect to it, or null when there is none. A
     * client variable in the host ({@code https://${input:domain}/mcp}) is kept whole, colon
     * included.
     */
    public static String host(String url) {
        String n = normalize(url);
        if (n == null) {
            return null;
        }
        int sep = n.indexOf("://");
        if (sep <= 0) {
            return null;
        }
        int start = sep + 3;
        int end = start;
        while (end < n.length() && "/?#".indexOf(n.charAt(end)) < 0) {
            end++;
        }
        String authority = n.substring(start, end);
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        String host;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = close < 0 ? hostPort : hostPort.substring(0, close + 1);
        } else {
            int portColon = hostPort.lastIndexOf(':');
            // a client variable such as ${input:domain} is part of the host, not a host and a port
            int variableEnd = hostPort.contains("${") ? hostPort.lastIndexOf('}') + 1 : 0;
            if (portColon < variableEnd) {
                portColon = -1;
            }
            host = portColon >= 0 ? hostPort.substring(0, portColon) : hostPort;
        }
        host = percentDecode(host).toLowerCase(Locale.ROOT);
        if (host.endsWith(".") && host.length() > 1) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? null : host;
    }

    private static boolean special(String scheme) {
        return scheme.equals("http")
                || scheme.equals("https")
                || scheme.equals("ws")
                || scheme.equals("wss");
    }

    private static boolean validScheme(String scheme) {
        if (scheme.isEmpty() || !Character.isLetter(scheme.charAt(0)) || scheme.charAt(0) > 127) {
            return false;
        }
        for (int i = 1; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (c > 127 || !(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Leading and trailing C0 controls and spaces go, and tabs and newlines anywhere, as in the
     * WHATWG parser.
     */
    private static String stripControls(String url) {
        int from = 0;
        int to = url.length();
        while (from < to && url.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && url.charAt(to - 1) <= ' ') {
            to--;
        }
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = url.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%'
                    && i + 2 < s.length()
                    && hex(s.charAt(i + 1)) >= 0
                    && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
            } else {
                // whole code points: a surrogate pair encoded one char at a time would turn into
                // "??"
                int cp = s.codePointAt(i);
                byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
