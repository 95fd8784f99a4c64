package dev.mcpsec.secrets;

import dev.mcpsec.facts.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database given as separate settings rather than as one URL: {@code PGHOST}/{@code
 * PGUSER}/{@code PGPASSWORD}, {@code DB_HOST}/{@code DB_USER}/{@code DB_PASSWORD}, {@code
 * MYSQL_HOST}, {@code MONGO_HOST}, {@code REDIS_HOST}/{@code REDIS_PASSWORD}, and the {@code
 * --host}/{@code --user}/{@code --password}/{@code --database} options of a database server.
 * Settings of one family (the prefix: {@code PG}, {@code MYSQL}, {@code DB}, ...) are assembled
 * into one target; a family without a literal host gives none (a host taken from a reference is
 * unknown). Pure over strings: the caller says which server the settings belong to.
 */
public final class DatabaseVariables {

    /**
     * One named setting: an environment variable ({@code PGHOST}) or an option ({@code --host}).
     */
    public record Input(String name, String value) {}

    /**
     * One assembled database.
     *
     * @param hostInput index in the inputs of the setting that names the host (where the target is
     *     reported)
     * @param target the database as if it had been written as a URL (no password detection: the
     *     password variable is inspected on its own, like every value)
     */
    public record Target(int hostInput, DbUrl target) {}

    private static final Pattern SETTING =
            Pattern.compile(
                    "(pg|postgres|postgresql|psql|mysql|mariadb|mongo|mongodb|redis|mssql|sqlserver|db|database)?_?"
                            + "(host|hostname|server|user|username|password|pass|pwd|database|db|dbname|name|port)");
    private static final Pattern HOST_VALUE =
            Pattern.compile(
                    "[A-Za-z0-9][A-Za-z0-9._-]*|\\[[0-9A-Fa-f:.]+\\]|[0-9A-Fa-f:]*::[0-9A-Fa-f:]*");
    private static final Pattern SIMPLE_VALUE = Pattern.compile("[A-Za-z0-9._@+-]{1,200}");
    private static final Pattern DB_PROGRAM =
            Pattern.compile(
                    "(?i).*(postgres|pgsql|\\bpg\\b|mysql|maria|mongo|redis|mssql|sql|database|\\bdb).*");

    private DatabaseVariables() {}

    /**
     * The databases the settings describe. {@code program} (the server's package or command, may be
     * null) decides whether bare options such as {@code --host} and {@code --user} belong to a
     * database server, and which kind of database an unprefixed family ({@code DB_HOST}) is.
     */
    public static List<Target> assemble(List<Input> inputs, String program) {
        boolean dbProgram = program != null && DB_PROGRAM.matcher(program).matches();
        Map<String, Family> families = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            if (in == null || in.name() == null || in.value() == null) {
                continue;
            }
            String name = in.name().strip();
            boolean option = name.startsWith("-");
            String key = name.replaceFirst("^-+", "").toLowerCase(Locale.ROOT).replace('-', '_');
            Matcher m = SETTING.matcher(key);
            if (!m.matches()) {
                continue;
            }
            String prefix = m.group(1);
            String part = m.group(2);
            if (prefix == null && (!option || !dbProgram)) {
                // a bare --host or --user means a database only for a database server; a bare HOST
                // or USER variable is the server's own setting
                continue;
            }
            if (part.equals("name") && prefix == null) {
                // --name is the server's own name
                continue;
            }
            if (!option
                    && key.equals(prefix + part)
                    && !prefix.equals("pg")
                    && !prefix.equals("mysql")) {
                // DBHOST, MONGOUSER: only libpq (PGHOST) and MySQL hosts (MYSQLHOST) write them so
                continue;
            }
            // the options of one server describe one database; variables group by prefix
            String family = family(prefix, program);
            String group = option ? "--" : prefix + "|" + family;
            String scheme = option && prefix == null ? family(null, program) : family;
            families.computeIfAbsent(group, k -> new Family(scheme))
                    .put(part, i, in.value().strip());
        }
        List<Target> out = new ArrayList<>();
        for (Family f : families.values()) {
            f.target().ifPresent(out::add);
        }
        return out;
    }

    private static String family(String prefix, String program) {
        String p = prefix == null ? "" : prefix;
        switch (p) {
            case "pg", "postgres", "postgresql", "psql":
                return "postgresql";
            case "mysql", "mariadb":
                return "mysql";
            case "mongo", "mongodb":
                return "mongodb";
            case "redis":
                return "redis";
            case "mssql", "sqlserver":
                return "sqlserver";
            default:
                break;
        }
        String prog = program == null ? "" : program.toLowerCase(Locale.ROOT);
        if (prog.contains("postgres") || prog.contains("pgsql") || prog.matches(".*\\bpg\\b.*")) {
            return "postgresql";
        }
        if (prog.contains("mysql") || prog.contains("maria")) {
            return "mysql";
        }
        if (prog.contains("mongo")) {
            return "mongodb";
        }
        if (prog.contains("redis")) {
            return "redis";
        }
        if (prog.contains("mssql") || prog.contains("sqlserver")) {
            return "sqlserver";
        }
        return "database";
    }

    private static final class Family {
        private final String scheme;
        private int hostInput = -1;
        private String host;
        private int port = -1;
        private String user;
        private String database;
        private boolean password;

        Family(String scheme) {
            this.scheme = scheme;
        }

        void put(String part, int index, String value) {
            switch (part) {
                case "host", "hostname", "server" -> {
                    if (host == null && !value.isEmpty()) {
                        hostInput = index;
                        host = value;
                    }
                }
                case "user", "username" -> user = simple(value);
                case "password", "pass", "pwd" -> password |= !value.isEmpty();
                case "port" -> port = port(value);
                default -> database = simple(value);
            }
        }

        java.util.Optional<Target> target() {
            if (host == null) {
                return java.util.Optional.empty();
            }
            if (host.contains("://")) {
                // a URL: read as a connection string elsewhere
                return java.util.Optional.empty();
            }
            String h = host;
            int p = port;
            int colon = h.lastIndexOf(':');
            if (colon > 0 && h.indexOf(':') == colon) {
                p = port(h.substring(colon + 1));
                h = h.substring(0, colon);
            }
            if (!HOST_VALUE.matcher(h).matches()) {
                // a reference or a template
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(
                    new Target(
                            hostInput,
                            new DbUrl(
                                    scheme,
                                    h,
                                    p,
                                    database,
                                    user,
                                    password,
                                    Names.loopbackHost(h),
                                    null)));
        }

        private static String simple(String value) {
            return SIMPLE_VALUE.matcher(value).matches() ? value : null;
        }

        private static int port(String value) {
            return value.matches("[0-9]{1,5}") ? Integer.parseInt(value) : -1;
        }
    }
}
