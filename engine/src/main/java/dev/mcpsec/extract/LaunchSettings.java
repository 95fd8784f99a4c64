package dev.mcpsec.extract;

import dev.mcpsec.facts.LaunchRisk;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.facts.Names;
import dev.mcpsec.parse.SettingEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of a server's launch that weaken it without changing what runs: TLS certificate checks
 * turned off ({@code tls-off}) and the cloud profile, account or cluster context it acts as ({@code
 * cloud-profile}). Read from the command line and the environment as written; values that name a
 * profile or a switch are never secrets, and a database URL is reported by scheme and host only.
 */
final class LaunchSettings {

    /** Environment variables that turn certificate checks off, with the values that do so. */
    private static final Map<String, Pattern> TLS_ENV =
            Map.of(
                    // Node.js: "0" disables certificate verification for every TLS connection
                    "node_tls_reject_unauthorized", Pattern.compile("0"),
                    // PEP 493: PYTHONHTTPSVERIFY=0 turns off verification in the standard library
                    "pythonhttpsverify", Pattern.compile("0"),
                    // git: GIT_SSL_NO_VERIFY set (to anything but false) skips verification
                    "git_ssl_no_verify", Pattern.compile("(?i)(?!0$|false$|no$).+"),
                    // npm: strict-ssl=false accepts any certificate of the registry
                    "npm_config_strict_ssl", Pattern.compile("(?i)false|0|no"),
                    // Python requests: an empty CA bundle variable disables verification
                    "requests_ca_bundle", Pattern.compile(""),
                    "curl_ca_bundle", Pattern.compile(""));

    /** Launch options that turn certificate checks off (any program). */
    private static final Set<String> TLS_FLAGS =
            Set.of(
                    "--insecure",
                    "--no-verify-ssl",
                    "--no-ssl-verify",
                    "--ignore-certificate-errors",
                    "--ignore-https-errors",
                    "--no-check-certificate",
                    "--insecure-skip-tls-verify",
                    "--tls-skip-verify",
                    "--skip-tls-verify",
                    "--disable-ssl-verification",
                    "--strict-ssl=false");

    /** Query settings of a database URL that turn TLS off or accept any certificate. */
    private static final Pattern DB_URL =
            Pattern.compile(
                    "(?i)\\b(postgres(?:ql)?|mysqlx?|mariadb|mongodb(?:\\+srv)?|rediss?|mssql|sqlserver|jdbc:[a-z]+)://"
                            + "(?:[^@/\\s\"']*@)?(\\[[0-9a-f:.]+\\]|[^/:?;,\\s\"']+)([^\\s\"']*)");

    private static final Pattern DB_TLS_OFF =
            Pattern.compile(
                    "(?i)[?&;](sslmode=disable|ssl-mode=disabled|ssl=false|tls=false|usessl=false"
                            + "|encrypt=false|tlsallowinvalidcertificates=true|tlsinsecure=true"
                            + "|tlsallowinvalidhostnames=true|trustservercertificate=true)(?=[&;#]|$)");

    /** Variables and options that name the cloud profile, account or cluster a server acts as. */
    private static final Set<String> PROFILE_ENV =
            Set.of(
                    "aws_profile",
                    "aws_default_profile",
                    "cloudsdk_core_account",
                    "cloudsdk_active_config_name",
                    "cloudsdk_auth_impersonate_service_account",
                    "azure_username",
                    "kubeconfig");

    private static final Set<String> PROFILE_FLAGS =
            Set.of("--profile", "--aws-profile", "--context", "--kube-context", "--kubeconfig");

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");

    private LaunchSettings() {}

    /** Keys of a server entry that say "verify" ({@code false} turns checks off). */
    private static final Pattern VERIFY_KEY =
            Pattern.compile(
                    "(?i)rejectUnauthorized|verify_?ssl|ssl_?verify|verify_?tls|tls_?verify|strict_?ssl");

    /** Keys of a server entry that say "skip" ({@code true} turns checks off). */
    private static final Pattern SKIP_KEY =
            Pattern.compile(
                    "(?i)tls_?skip_?verify|skip_?tls_?verify|insecure_?skip_?verify|insecure");

    static List<LaunchRisk> of(McpServer s, Map<String, String> env) {
        return of(s, env, List.of());
    }

    /**
     * The settings of one server: its environment, its launch line and the TLS keys of its entry
     * ({@code rejectUnauthorized: false}, {@code verify_ssl: false}, {@code tlsSkipVerify: true},
     * at any depth).
     */
    static List<LaunchRisk> of(McpServer s, Map<String, String> env, List<SettingEntry> entry) {
        List<LaunchRisk> out = new ArrayList<>();
        String remote = s.host() != null && Names.loopbackHost(s.host()) ? null : s.host();
        boolean local = s.host() != null && remote == null;
        for (SettingEntry e : entry) {
            String last = e.key().substring(e.key().lastIndexOf('.') + 1);
            String v = e.value() == null ? "" : e.value().strip().toLowerCase(Locale.ROOT);
            boolean off =
                    (VERIFY_KEY.matcher(last).matches() && v.matches("false|0|no"))
                            || (SKIP_KEY.matcher(last).matches() && v.matches("true|1|yes"));
            if (off && !local) {
                out.add(risk(s, "tls-off", e.key() + "=" + e.value().strip(), remote));
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            setting(s, e.getKey(), e.getValue(), local, out);
        }
        List<String> line = new ArrayList<>();
        if (s.command() != null && !s.command().isBlank()) {
            line.addAll(List.of(s.command().strip().split("\\s+")));
        }
        line.addAll(s.args());
        boolean curl =
                !line.isEmpty() && line.get(0) != null && program(line.get(0)).equals("curl");
        for (int i = 0; i < line.size(); i++) {
            String a = line.get(i);
            if (a == null) {
                continue;
            }
            String lower = a.toLowerCase(Locale.ROOT);
            if (!local && (TLS_FLAGS.contains(lower) || (curl && a.equals("-k")))) {
                out.add(risk(s, "tls-off", a, remote));
            }
            int eq = a.indexOf('=');
            String opt = eq > 0 ? lower.substring(0, eq) : lower;
            if (PROFILE_FLAGS.contains(opt)) {
                String value =
                        eq > 0 ? a.substring(eq + 1) : i + 1 < line.size() ? line.get(i + 1) : null;
                if (literal(value)) {
                    out.add(risk(s, "cloud-profile", opt + "=" + value.strip(), remote));
                }
            }
            Matcher m = ASSIGNMENT.matcher(a);
            if (m.matches()) {
                // env NAME=value before the program, docker -e NAME=value
                setting(s, m.group(1), m.group(2), local, out);
            } else {
                databaseTls(s, a, out);
            }
        }
        return out.stream().distinct().toList();
    }

    private static void setting(
            McpServer s, String name, String value, boolean local, List<LaunchRisk> out) {
        if (name == null || value == null) {
            return;
        }
        String key = name.toLowerCase(Locale.ROOT);
        Pattern off = TLS_ENV.get(key);
        if (off != null && !local && off.matcher(value.strip()).matches()) {
            // the value is a switch (0, true, empty); anything longer is not repeated
            String shown = value.strip().matches("[A-Za-z0-9]{0,5}") ? value.strip() : "(set)";
            out.add(risk(s, "tls-off", name + "=" + shown, s.host()));
        }
        if (PROFILE_ENV.contains(key) && literal(value)) {
            out.add(risk(s, "cloud-profile", name + "=" + value.strip(), s.host()));
        }
        if (value.contains("://")) {
            databaseTls(s, value, out);
        }
    }

    /** A database URL to a remote host whose query turns TLS off. */
    private static void databaseTls(McpServer s, String value, List<LaunchRisk> out) {
        Matcher m = DB_URL.matcher(value);
        while (m.find()) {
            String host = m.group(2).toLowerCase(Locale.ROOT);
            Matcher off = DB_TLS_OFF.matcher(m.group(3));
            // a single-label host is a container or compose service name on the same machine
            if (off.find() && !Names.loopbackHost(host) && host.contains(".")) {
                String scheme = m.group(1).toLowerCase(Locale.ROOT);
                out.add(risk(s, "tls-off", off.group(1) + " on " + scheme + "://" + host, host));
            }
        }
    }

    /** A value written out (not a reference such as ${AWS_PROFILE}, not empty). */
    private static boolean literal(String value) {
        return value != null
                && !value.isBlank()
                && !value.contains("${")
                && !value.startsWith("$")
                && !value.startsWith("%")
                && !value.contains("{{");
    }

    private static String program(String path) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.replaceFirst("\\.exe$", "");
    }

    private static LaunchRisk risk(McpServer s, String pattern, String detail, String host) {
        return new LaunchRisk(
                s.file(), s.line(), s.column(), s.name(), pattern, detail, null, host);
    }
}
