package dev.mcpsec.supply;

import dev.mcpsec.facts.LaunchRisk;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.facts.Names;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises launch lines that run code nobody reviewed: a shell fed a download, an encoded
 * payload, a program under a temporary or world-writable folder, a package fetched straight from a
 * git or tarball URL, and a package registry other than the default one. Reads the command line and
 * the server's environment as written; never runs anything.
 */
public final class LaunchRisks {
    private static final Set<String> SHELLS =
            Set.of("sh", "bash", "zsh", "dash", "ksh", "fish", "ash", "cmd", "powershell", "pwsh");
    private static final Set<String> NPM_LAUNCHERS =
            Set.of("npx", "pnpm-dlx", "yarn-dlx", "npm-exec", "bunx");
    private static final Set<String> PY_LAUNCHERS = Set.of("uvx", "pipx");
    private static final Pattern WINDOWS_EXTENSION = Pattern.compile("\\.(exe|cmd|bat|ps1)$");
    private static final Pattern INTERPRETER = Pattern.compile("python[0-9.]*|node|perl|ruby");
    private static final Pattern DOWNLOAD =
            Pattern.compile(
                    "(?i)\\b(curl|wget|iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring|downloadfile|certutil)\\b");
    private static final Pattern PIPE_TO_INTERPRETER =
            Pattern.compile(
                    "(?i)\\|\\s*(?:sudo\\s+)?(?:env\\s+)?((?:ba|z|da|k|a)?sh|fish|python[0-9.]*|node|perl|ruby|php|iex|invoke-expression|cmd)\\b");
    private static final Pattern EVAL_DOWNLOAD =
            Pattern.compile(
                    "(?i)((?:ba|z|da|k)?sh\\s+<\\(\\s*(?:curl|wget))|(\\$\\(\\s*(?:curl|wget)\\b)|(`\\s*(?:curl|wget)\\b)"
                            + "|((?:iex|invoke-expression)\\s*[(\\s]\\s*\\(?\\s*(?:irm|iwr|invoke-restmethod|invoke-webrequest|new-object\\s+net\\.webclient))");
    private static final Pattern DOWNLOAD_THEN_RUN =
            Pattern.compile(
                    "(?i)\\b(curl|wget)\\b[^;&|]*(?:-o|-O|--output)\\s*\\S+[^;&|]*(?:&&|;)\\s*(?:chmod\\s+\\+x|(?:ba)?sh\\s|\\./|python|node)");
    private static final Pattern BASE64 =
            Pattern.compile(
                    "(?i)(\\bbase64\\s+(?:-d|--decode|-D)\\b)|(frombase64string)|(b64decode)|(\\batob\\s*\\()"
                            + "|(buffer\\.from\\([^)]*['\"]base64['\"])|(\\bopenssl\\s+(?:base64|enc)\\s+-d)");
    private static final Pattern PS_ENCODED =
            Pattern.compile(
                    "(?i)^[-/](e|ec|en|enc|enco|encod|encode|encoded"
                            + "|encodedc|encodedco|encodedcom|encodedcomm|encodedcomma|encodedcomman|encodedcommand)$");
    private static final Pattern TEMP =
            Pattern.compile(
                    "(?i)^(/tmp/|/var/tmp/|/dev/shm/|/private/tmp/|/private/var/folders/|/var/folders/|\\$tmpdir/|\\$\\{tmpdir}/"
                            + "|%temp%[\\\\/]|%tmp%[\\\\/]|\\$env:temp[\\\\/]|[a-z]:[\\\\/]windows[\\\\/]temp[\\\\/]"
                            + "|[a-z]:[\\\\/]users[\\\\/]public[\\\\/]|.*[\\\\/]appdata[\\\\/]local[\\\\/]temp[\\\\/])");
    private static final Pattern GIT_SPEC =
            Pattern.compile(
                    "(?i)^(git\\+[a-z]+://|git://|github:|gitlab:|bitbucket:|gist:|ssh://git@|git@[^:]+:).*|^https?://.*\\.git(#.*)?$");
    private static final Pattern GITHUB_SHORTHAND =
            Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+(#.*)?$");
    private static final Pattern URL_SPEC = Pattern.compile("(?i)^(https?|file)://.*|^file:.*");
    private static final Set<String> NPM_REGISTRY_OPTS = Set.of("--registry");
    private static final Set<String> PY_INDEX_OPTS =
            Set.of(
                    "--index-url",
                    "-i",
                    "--extra-index-url",
                    "--index",
                    "--default-index",
                    "--find-links",
                    "-f");

    /**
     * Options and variables (lower case) that add a package source next to the default one instead
     * of replacing it: the resolver may take a name from either, which is what dependency confusion
     * feeds on. uv's {@code --index} is searched before the default index.
     */
    private static final Set<String> ADDED_SOURCES =
            Set.of(
                    "--extra-index-url",
                    "--index",
                    "--find-links",
                    "-f",
                    "uv_index",
                    "uv_extra_index_url",
                    "pip_extra_index_url",
                    "pip_find_links",
                    "uv_find_links");

    private static final Set<String> NPM_REGISTRY_ENV =
            Set.of(
                    "npm_config_registry",
                    "yarn_registry",
                    "yarn_npm_registry_server",
                    "bun_config_registry");

    /** npm's per-scope registry setting as a variable: {@code npm_config_@acme:registry}. */
    private static final Pattern NPM_SCOPED_REGISTRY_ENV =
            Pattern.compile("(?i)npm_config_@[a-z0-9._-]+:registry");

    private static final Set<String> PY_INDEX_ENV =
            Set.of(
                    "uv_index_url",
                    "uv_default_index",
                    "uv_index",
                    "uv_extra_index_url",
                    "pip_index_url",
                    "pip_extra_index_url",
                    "pip_find_links",
                    "uv_find_links",
                    "pipx_default_index_url");

    private LaunchRisks() {}

    /**
     * The risks of one server's launch; {@code env} is its environment as configured (names to
     * values).
     */
    public static List<LaunchRisk> of(McpServer s, Map<String, String> env) {
        List<LaunchRisk> out = new ArrayList<>();
        if (s.command() == null || s.command().isBlank()) {
            return out;
        }
        List<String> line = new ArrayList<>(List.of(s.command().strip().split("\\s+")));
        line.addAll(s.args());
        shell(s, line, out);
        tempBinary(s, line, out);
        packageSource(s, out);
        registry(s, line, env, out);
        return out;
    }

    private static void shell(McpServer s, List<String> line, List<LaunchRisk> out) {
        String joined = String.join(" ", line);
        boolean shellOrInline = false;
        for (int i = 0; i < line.size(); i++) {
            String prog = program(line.get(i));
            if (SHELLS.contains(prog) || INTERPRETER.matcher(prog).matches()) {
                shellOrInline = true;
            }
            if (("powershell".equals(prog) || "pwsh".equals(prog))) {
                for (int j = i + 1; j < line.size(); j++) {
                    if (PS_ENCODED.matcher(line.get(j)).matches()) {
                        out.add(risk(s, "base64-payload", prog + " " + line.get(j)));
                        break;
                    }
                }
            }
        }
        if (!shellOrInline) {
            return;
        }
        Matcher download = DOWNLOAD.matcher(joined);
        if (download.find()) {
            Matcher pipe = PIPE_TO_INTERPRETER.matcher(joined.substring(download.end()));
            if (pipe.find()) {
                out.add(
                        risk(
                                s,
                                "download-to-shell",
                                download.group(1).toLowerCase(Locale.ROOT)
                                        + " piped into "
                                        + pipe.group(1).toLowerCase(Locale.ROOT)));
                return;
            }
        }
        Matcher eval = EVAL_DOWNLOAD.matcher(joined);
        if (eval.find()) {
            out.add(
                    risk(
                            s,
                            "download-to-shell",
                            eval.group().replaceAll("[()`$<]", " ").strip().replaceAll("\\s+", " ")
                                    + ": the shell evaluates a download"));
            return;
        }
        Matcher fetchRun = DOWNLOAD_THEN_RUN.matcher(joined);
        if (fetchRun.find()) {
            out.add(
                    risk(
                            s,
                            "download-to-shell",
                            fetchRun.group(1).toLowerCase(Locale.ROOT)
                                    + " downloads a program that the same line then runs"));
            return;
        }
        Matcher b64 = BASE64.matcher(joined);
        if (b64.find() && out.stream().noneMatch(r -> r.pattern().equals("base64-payload"))) {
            out.add(
                    risk(
                            s,
                            "base64-payload",
                            b64.group()
                                    .replaceAll("[()'\"]", " ")
                                    .strip()
                                    .replaceAll("\\s+", " ")));
        }
    }

    private static void tempBinary(McpServer s, List<String> line, List<LaunchRisk> out) {
        String command = line.get(0);
        if (TEMP.matcher(command).find()) {
            out.add(risk(s, "temp-binary", command));
            return;
        }
        String prog = program(command);
        if (prog.matches("node|nodejs|python[0-9.]*|py|deno|bun|ruby|perl|java")
                || SHELLS.contains(prog)) {
            for (int i = 1; i < line.size(); i++) {
                String a = line.get(i);
                if (a.startsWith("-")) {
                    continue;
                }
                if (TEMP.matcher(a).find()) {
                    out.add(risk(s, "temp-binary", prog + " " + a));
                }
                break;
            }
        }
    }

    private static void packageSource(McpServer s, List<LaunchRisk> out) {
        String spec = s.packageName();
        String launcher = s.launcher();
        if (spec == null || launcher == null) {
            return;
        }
        boolean npm = NPM_LAUNCHERS.contains(launcher);
        boolean py = PY_LAUNCHERS.contains(launcher);
        if (!npm && !py) {
            return;
        }
        if (GIT_SPEC.matcher(spec).matches()
                || (npm && !spec.startsWith("@") && GITHUB_SHORTHAND.matcher(spec).matches())) {
            out.add(risk(s, "git-url", safeUrl(spec)));
        } else if (URL_SPEC.matcher(spec).matches()) {
            out.add(risk(s, "tarball-url", safeUrl(spec)));
        }
    }

    private static void registry(
            McpServer s, List<String> line, Map<String, String> env, List<LaunchRisk> out) {
        String launcher = s.launcher();
        boolean npm = launcher != null && NPM_LAUNCHERS.contains(launcher);
        boolean py = launcher != null && PY_LAUNCHERS.contains(launcher);
        if (!npm && !py) {
            return;
        }
        Set<String> opts = npm ? NPM_REGISTRY_OPTS : PY_INDEX_OPTS;
        for (int i = 0; i < line.size(); i++) {
            String a = line.get(i);
            int eq = a.indexOf('=');
            String opt = eq > 0 ? a.substring(0, eq) : a;
            if (opts.contains(opt)) {
                String value =
                        eq > 0 ? a.substring(eq + 1) : i + 1 < line.size() ? line.get(i + 1) : null;
                if (value != null) {
                    out.add(registryRisk(s, npm ? "npm" : "pypi", opt, value));
                }
            }
        }
        Set<String> names = npm ? NPM_REGISTRY_ENV : PY_INDEX_ENV;
        for (Map.Entry<String, String> e : env.entrySet()) {
            if ((names.contains(e.getKey().toLowerCase(Locale.ROOT))
                            || (npm && NPM_SCOPED_REGISTRY_ENV.matcher(e.getKey()).matches()))
                    && e.getValue() != null
                    && !e.getValue().isBlank()) {
                out.add(registryRisk(s, npm ? "npm" : "pypi", e.getKey(), e.getValue()));
            }
        }
    }

    private static LaunchRisk registryRisk(
            McpServer s, String ecosystem, String where, String value) {
        String host = null;
        String scheme = null;
        try {
            URI u = URI.create(value.strip());
            host = u.getHost() == null ? null : u.getHost().toLowerCase(Locale.ROOT);
            scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // a reference such as ${REGISTRY}: the host is unknown
        }
        String pattern;
        if (ADDED_SOURCES.contains(where.toLowerCase(Locale.ROOT))) {
            pattern = "extra-index";
        } else if ("http".equals(scheme) && host != null && !Names.loopbackHost(host)) {
            pattern = "registry-http";
        } else {
            pattern = "registry";
        }
        return new LaunchRisk(
                s.file(),
                s.line(),
                s.column(),
                s.name(),
                pattern,
                where + " " + safeUrl(value.strip()),
                ecosystem,
                host);
    }

    private static LaunchRisk risk(McpServer s, String pattern, String detail) {
        return new LaunchRisk(
                s.file(), s.line(), s.column(), s.name(), pattern, detail, null, null);
    }

    /** A URL without user info, query or fragment, so no token in it is ever reported. */
    static String safeUrl(String spec) {
        String s = spec.replaceAll("(?i)^([a-z+]+://)[^/@\\s]*@", "$1");
        int cut = s.length();
        for (char c : new char[] {'?', '#'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return s.substring(0, cut);
    }

    private static String program(String path) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return WINDOWS_EXTENSION.matcher(name).replaceFirst("");
    }
}
