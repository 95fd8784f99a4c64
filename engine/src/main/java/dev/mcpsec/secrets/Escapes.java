package dev.mcpsec.secrets;

/** Backslash escapes as shells, env files and JSON-in-arguments write them. */
final class Escapes {
    private Escapes() {}

    /**
     * Resolves {@code \n}, {@code \t}, {@code \r}; any other escaped character stands for itself.
     */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(
                        switch (n) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> n;
                        });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
