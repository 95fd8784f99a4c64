package dev.mcpsec.facts;

import java.util.Locale;
import java.util.Set;

/**
 * Name matching for publisher data (used by rules): packages by exact name or prefix, PyPI names
 * under PEP 503 normalisation, hosts by domain (the host itself and its subdomains) or by host and
 * path prefix.
 */
public final class Names {

    private Names() {}

    /**
     * The host is this machine: {@code localhost} and its subdomains, {@code 127.*}, {@code ::1},
     * {@code 0.0.0.0}, or {@code host.docker.internal} (the machine that runs the container). The
     * one definition of "local" for every check that spares local targets; null is not local.
     */
    public static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.endsWith(".localhost")
                || h.startsWith("127.")
                || h.equals("::1")
                || h.equals("[::1]")
                || h.equals("0.0.0.0")
                || h.equals("host.docker.internal");
    }

    /**
     * PEP 503 normal form of a PyPI name: lower case, runs of {@code -}, {@code _} and {@code .}
     * become {@code -}.
     */
    public static String pep503(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /**
     * True when {@code entry} names the package {@code name} of {@code ecosystem} ({@code npm} or
     * {@code pypi}): an entry ending in {@code /} or {@code .} is a prefix (an npm scope, a PyPI
     * name prefix), any other entry is an exact name. PyPI names and entries are compared in their
     * PEP 503 form.
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
     * True when the whole host is a variable that the client or the shell fills in when it starts
     * the server ({@code ${input:domain}}, {@code ${env:HOST}}, {@code ${HOST}}, {@code $HOST},
     * {@code %HOST%}, {@code {{host}}}): the user picks the host, so the config names no operator
     * to judge. A variable followed by a fixed domain ({@code ${input:tenant}.example.net}) is not.
     */
    public static boolean variableHost(String host) {
        return host != null
                && (host.matches("\\$\\{[^{}]+\\}")
                        || host.matches("\\$[A-Za-z_][A-Za-z0-9_]*")
                        || host.matches("%[A-Za-z_][A-Za-z0-9_]*%")
                        || host.matches("\\{\\{[^{}]+\\}\\}"));
    }

    /**
     * True when {@code entry} covers a remote server: an entry without {@code /} is a domain that
     * matches the host and its subdomains ({@code vercel.com} covers {@code mcp.vercel.com}, never
     * {@code evilvercel.com}); an entry with a path ({@code huggingface.co/mcp}) matches URLs on
     * that host that start with that path.
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
        String rest =
                u.substring(Math.min(u.length(), u.indexOf('/') < 0 ? u.length() : u.indexOf('/')));
        return rest.equals(path)
                || rest.startsWith(path.endsWith("/") ? path : path + "/")
                || rest.startsWith(path + "?");
    }

    /**
     * True when the server runs a script kept with the project ({@code node}, {@code tsx}, {@code
     * python} or {@code uv run} on a path that is not under a home directory or a Windows drive):
     * its code is reviewed with the repository, not fetched from a registry.
     */
    public static boolean repositoryScript(McpServer s) {
        if (s == null
                || s.packageName() != null
                || s.url() != null
                || !("node".equals(s.launcher()) || "python".equals(s.launcher()))) {
            return false;
        }
        for (String a : s.args()) {
            if (a.startsWith("/Users/")
                    || a.startsWith("/home/")
                    || a.startsWith("~")
                    || a.matches("(?i)[a-z]:[\\\\/].*")) {
                return false;
            }
        }
        String c = s.command() == null ? "" : s.command();
        return !(c.startsWith("/Users/")
                || c.startsWith("/home/")
                || c.matches("(?i)[a-z]:[\\\\/].*"));
    }

    private static final Set<String> READ_VERBS =
            Set.of(
                    "get",
                    "list",
                    "read",
                    "search",
                    "fetch",
                    "find",
                    "describe",
                    "view",
                    "show",
                    "lookup",
                    "resolve",
                    "browse",
                    "retrieve",
                    "inspect",
                    "query",
                    "count",
                    "explain",
                    "check",
                    "status",
                    "info",
                    "docs",
                    "documentation",
                    "diff",
                    "log",
                    "summarize",
                    "analyze",
                    "validate",
                    "convert",
                    "current",
                    "time",
                    "think",
                    "thinking",
                    "sequentialthinking",
                    "ask",
                    "answer",
                    "screenshot",
                    "snapshot",
                    "extract",
                    "discover",
                    "scrape",
                    "crawl",
                    "map",
                    "lint",
                    "preview",
                    "compare",
                    "estimate");
    private static final Set<String> WRITE_VERBS =
            Set.of(
                    "create",
                    "update",
                    "delete",
                    "remove",
                    "write",
                    "edit",
                    "set",
                    "add",
                    "put",
                    "post",
                    "patch",
                    "send",
                    "push",
                    "merge",
                    "commit",
                    "exec",
                    "execute",
                    "run",
                    "eval",
                    "evaluate",
                    "click",
                    "type",
                    "fill",
                    "press",
                    "navigate",
                    "upload",
                    "download",
                    "move",
                    "rename",
                    "copy",
                    "install",
                    "uninstall",
                    "deploy",
                    "drop",
                    "insert",
                    "truncate",
                    "kill",
                    "start",
                    "stop",
                    "restart",
                    "apply",
                    "close",
                    "comment",
                    "reply",
                    "invite",
                    "assign",
                    "approve",
                    "pay",
                    "charge",
                    "refund",
                    "cancel",
                    "transfer",
                    "publish",
                    "release",
                    "trigger",
                    "dispatch",
                    "sql",
                    "shell",
                    "command",
                    "script",
                    "code",
                    "save",
                    "store",
                    "modify",
                    "change",
                    "reset",
                    "revoke",
                    "grant",
                    "schedule",
                    "book",
                    "order",
                    "buy",
                    "submit",
                    "select",
                    "hover",
                    "drag",
                    "scroll",
                    "resize",
                    "tab",
                    "tabs",
                    "new",
                    "open",
                    "archive",
                    "mark",
                    "label",
                    "fork",
                    "branch",
                    "tag",
                    "import",
                    "sync",
                    "generate",
                    "build",
                    "create_or_update",
                    "query_sql");

    /**
     * True when a tool name reads as read-only: its first verb ({@code get_issue}, {@code
     * brave_web_search}, {@code ListTables}, {@code resolve-library-id}) is a reading verb, not a
     * writing or executing one ({@code save_answer}, {@code run_code}). A name with no known verb,
     * or a wildcard, is not read-only.
     */
    public static boolean readOnlyTool(String tool) {
        if (tool == null || tool.isBlank() || tool.contains("*")) {
            return false;
        }
        String spaced = tool.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        for (String w : spaced.split("[^a-z0-9]+")) {
            if (WRITE_VERBS.contains(w)) {
                return false;
            }
            if (READ_VERBS.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
