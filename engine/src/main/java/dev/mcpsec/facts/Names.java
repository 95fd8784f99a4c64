package dev.mcpsec.facts;

import java.util.Locale;

/**
 * Name matching for publisher data (used by rules): packages by exact name or prefix, PyPI names under PEP 503
 * normalisation, hosts by domain (the host itself and its subdomains) or by host and path prefix.
 */
public final class Names {

    private Names() {
    }

    /** PEP 503 normal form of a PyPI name: lower case, runs of {@code -}, {@code _} and {@code .} become {@code -}. */
    public static String pep503(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /**
     * True when {@code entry} names the package {@code name} of {@code ecosystem} ({@code npm} or {@code pypi}): an
     * entry ending in {@code /} or {@code .} is a prefix (an npm scope, a PyPI name prefix), any other entry is an
     * exact name. PyPI names and entries are compared in their PEP 503 form.
     */
    public static boolean packageMatches(String ecosystem, String entry, String name) {
        if (entry == null || name == null || entry.isEmpty()) {
            return false;
        }
        boolean prefix = entry.endsWith("/") || entry.endsWith(".");
        if ("pypi".equals(ecosystem)) {
            String e = pep503(entry);
            String n = pep503(name);
            return prefix ? n.startsWith(e) : n.equals(e);
        }
        return prefix ? name.startsWith(entry) : name.equals(entry);
    }

    /**
     * True when {@code entry} covers a remote server: an entry without {@code /} is a domain that matches the host
     * and its subdomains ({@code vercel.com} covers {@code mcp.vercel.com}, never {@code evilvercel.com}); an entry
     * with a path ({@code huggingface.co/mcp}) matches URLs on that host that start with that path.
     */
    public static boolean hostMatches(String entry, String host, String url) {
        if (entry == null || host == null || entry.isEmpty()) {
            return false;
        }
        String e = entry.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        int slash = e.indexOf('/');
        if (slash < 0) {
            return h.equals(e) || h.endsWith("." + e);
        }
        if (url == null || !h.equals(e.substring(0, slash))) {
            return false;
        }
        String u = url.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
        u = u.replaceFirst("^[^/@]*@", "");
        String path = e.substring(slash);
        String rest = u.substring(Math.min(u.length(), u.indexOf('/') < 0 ? u.length() : u.indexOf('/')));
        return rest.equals(path) || rest.startsWith(path.endsWith("/") ? path : path + "/") || rest.startsWith(path + "?");
    }

    /**
     * True when the server runs a script kept with the project ({@code node}, {@code tsx}, {@code python} or
     * {@code uv run} on a path that is not under a home directory or a Windows drive): its code is reviewed with the
     * repository, not fetched from a registry.
     */
    public static boolean repositoryScript(McpServer s) {
        if (s == null || s.packageName() != null || s.url() != null
                || !("node".equals(s.launcher()) || "python".equals(s.launcher()))) {
            return false;
        }
        for (String a : s.args()) {
            if (a.startsWith("/Users/") || a.startsWith("/home/") || a.startsWith("~") || a.matches("(?i)[a-z]:[\\\\/].*")) {
                return false;
            }
        }
        String c = s.command() == null ? "" : s.command();
        return !(c.startsWith("/Users/") || c.startsWith("/home/") || c.matches("(?i)[a-z]:[\\\\/].*"));
    }
}
