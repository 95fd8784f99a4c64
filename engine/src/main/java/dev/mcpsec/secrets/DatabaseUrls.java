package dev.mcpsec.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient parsing of URLs with credentials: database URLs, JDBC URLs and any {@code
 * scheme://user:pass@host}.
 */
final class DatabaseUrls {

    private static final Pattern DB_URL =
            Pattern.compile(
                    "(?i)\\b(postgres(?:ql)?|mysqlx?|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver)://"
                            + "([^\\s\"'<>]+)");
    private static final Pattern JDBC_URL =
            Pattern.compile("(?i)\\bjdbc:([a-z0-9]+)(?::[a-z0-9]+)*://([^\\s\"'<>]+)");
    private static final Pattern ANY_URL =
            Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]{1,20}://([^\\s\"'<>/?#@]+)@");
    private static final Pattern JDBC_PARAM =
            Pattern.compile("(?i)[?&;](user|username|password|databaseName|database)=([^&;\\s]*)");

    /**
     * One parsed connection string.
     *
     * @param port -1 when absent
     * @param password the raw password or null; {@code passwordStart} is its offset in the analysed
     *     value
     */
    record Parsed(
            String scheme,
            String host,
            int port,
            String database,
            String user,
            String password,
            int passwordStart) {}

    private DatabaseUrls() {}

    /** The password of the first {@code scheme://user:password@} in the value, if any. */
    static Optional<String> userinfoPassword(String value) {
        if (value.indexOf("://") < 0) {
            return Optional.empty();
        }
        Matcher m = ANY_URL.matcher(value);
        if (!m.find()) {
            return Optional.empty();
        }
        String userinfo = m.group(1);
        int colon = userinfo.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(userinfo.substring(colon + 1));
    }

    /** Every database or JDBC URL in the value. */
    static List<Parsed> find(String value) {
        if (value.indexOf("://") < 0) {
            return List.of();
        }
        List<Parsed> out = new ArrayList<>(1);
        Matcher m = DB_URL.matcher(value);
        while (m.find()) {
            if (m.start() >= 5 && value.regionMatches(true, m.start() - 5, "jdbc:", 0, 5)) {
                continue;
            }
            out.add(parse(m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.start(2)));
        }
        Matcher j = JDBC_URL.matcher(value);
        while (j.find()) {
            out.add(
                    parseJdbc(
                            "jdbc:" + j.group(1).toLowerCase(Locale.ROOT), j.group(2), j.start(2)));
        }
        return out;
    }

    /**
     * Parses {@code rest}, the part after {@code scheme://}, which starts at {@code offset} in the
     * value.
     */
    static Parsed parse(String scheme, String rest, int offset) {
        int pathStart = indexOfAny(rest, "/?#", 0);
        int at = rest.lastIndexOf('@', pathStart < 0 ? rest.length() - 1 : pathStart);
        String user = null;
        String password = null;
        int passwordStart = -1;
        if (at >= 0) {
            String userinfo = rest.substring(0, at);
            int colon = userinfo.indexOf(':');
            user = colon < 0 ? userinfo : userinfo.substring(0, colon);
            if (colon >= 0) {
                password = userinfo.substring(colon + 1);
                passwordStart = offset + colon + 1;
            }
        }
        int hostStart = at + 1;
        int hostEnd = indexOfAny(rest, "/?#;", hostStart);
        String hostPort = rest.substring(hostStart, hostEnd < 0 ? rest.length() : hostEnd);
        int comma = hostPort.indexOf(',');
        if (comma >= 0) {
            hostPort = hostPort.substring(0, comma);
        }
        String host = hostPort;
        int port = -1;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && hostPort.indexOf(']', colon) < 0) {
            host = hostPort.substring(0, colon);
            port = parsePort(hostPort.substring(colon + 1));
        }
        String database = null;
        if (hostEnd >= 0 && rest.charAt(hostEnd) == '/') {
            int dbEnd = indexOfAny(rest, "?#;", hostEnd + 1);
            database = emptyToNull(rest.substring(hostEnd + 1, dbEnd < 0 ? rest.length() : dbEnd));
        }
        return new Parsed(
                scheme,
                host.isEmpty() ? null : host,
                port,
                database,
                emptyToNull(user),
                password,
                passwordStart);
    }

    private static Parsed parseJdbc(String scheme, String rest, int offset) {
        Parsed base = parse(scheme, rest, offset);
        String user = base.user();
        String password = base.password();
        int passwordStart = base.passwordStart();
        String database = base.database();
        Matcher p = JDBC_PARAM.matcher(rest);
        while (p.find()) {
            String key = p.group(1).toLowerCase(Locale.ROOT);
            switch (key) {
                case "password" -> {
                    password = p.group(2);
                    passwordStart = offset + p.start(2);
                }
                case "user", "username" -> user = p.group(2);
                default -> database = p.group(2);
            }
        }
        return new Parsed(
                scheme,
                base.host(),
                base.port(),
                database,
                emptyToNull(user),
                password,
                passwordStart);
    }

    /** True for localhost names and loopback addresses. */
    private static int parsePort(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(s);
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = Math.max(from, 0); i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
