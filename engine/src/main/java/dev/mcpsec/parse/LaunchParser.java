package dev.mcpsec.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises how a server is launched ({@code npx pkg@1.2}, {@code uvx pkg==1}, {@code docker run
 * image@sha256:...}, {@code cmd /c npx ...}, {@code npx mcp-remote URL}, ...) so rules can reason
 * about the package, not the runner.
 */
public final class LaunchParser {

    private static final Set<String> RUNNERS =
            Set.of(
                    "npx",
                    "pnpm",
                    "pnpx",
                    "yarn",
                    "bunx",
                    "bun",
                    "npm",
                    "uvx",
                    "uv",
                    "pipx",
                    "docker",
                    "podman",
                    "cmd",
                    "wsl",
                    "mcp-remote",
                    "node",
                    "python",
                    "python3");
    private static final Set<String> NPX_VALUE_OPTS =
            Set.of(
                    "-p",
                    "--package",
                    "-c",
                    "--call",
                    "--registry",
                    "--cache",
                    "--userconfig",
                    "--node-options",
                    "--workspace",
                    "-w");
    private static final Set<String> UV_VALUE_OPTS =
            Set.of(
                    "--from",
                    "--with",
                    "--python",
                    "-p",
                    "--index",
                    "--index-url",
                    "--extra-index-url",
                    "--directory",
                    "--project",
                    "--with-requirements",
                    "--with-editable",
                    "-w",
                    "--constraint",
                    "-c",
                    "--env-file",
                    "--cache-dir",
                    "--prerelease",
                    "--spec",
                    "--pip-args",
                    "--default-index",
                    "--config-file",
                    "--resolution");

    /**
     * npm packages that only run a script given to them ({@code npx tsx server.ts}): the script is
     * the server.
     */
    private static final Set<String> SCRIPT_RUNNERS =
            Set.of("tsx", "ts-node", "ts-node-esm", "node", "esno", "vite-node", "jiti");

    private LaunchParser() {}

    /**
     * The launch of a parsed server: its command line, or its URL when it has no command; empty
     * when neither.
     */
    public static Optional<Launch> parse(ServerEntry server) {
        if (server.command() != null
                && server.command().value() != null
                && !server.command().value().isBlank()) {
            return Optional.of(
                    parse(
                            server.command().value(),
                            server.args().stream().map(Located::value).toList()));
        }
        if (server.url() != null) {
            return Optional.of(
                    new Launch("remote", null, null, null, null, server.url().value(), List.of()));
        }
        return Optional.empty();
    }

    /**
     * Parses {@code command} + {@code args}; a command written with spaces ({@code "npx -y pkg"})
     * is split.
     */
    public static Launch parse(String command, List<String> args) {
        List<String> tokens = new ArrayList<>();
        String[] words = command.strip().split("\\s+");
        if (words.length > 1 && RUNNERS.contains(program(words[0]))) {
            tokens.addAll(Arrays.asList(words));
        } else {
            tokens.add(command.strip());
        }
        tokens.addAll(args);
        return dispatch(tokens, 0);
    }

    static Launch dispatch(List<String> t, int i) {
        if (i >= t.size()) {
            return binary(t, i);
        }
        if (i == t.size() - 1 && i > 0 && t.get(i).contains(" ")) {
            List<String> split = new ArrayList<>(t.subList(0, i));
            split.addAll(Arrays.asList(t.get(i).strip().split("\\s+")));
            return dispatch(split, i);
        }
        String prog = program(t.get(i));
        String next = i + 1 < t.size() ? t.get(i + 1) : "";
        switch (prog) {
            case "cmd":
                return dispatch(t, skipWhile(t, i + 1, s -> s.startsWith("/") && s.length() == 2));
            case "wsl":
                return dispatch(
                        t,
                        skipOptions(
                                t, i + 1, Set.of("-d", "--distribution", "-u", "--user", "--cd")));
            case "npx":
                return npm("npx", t, i + 1);
            case "pnpx":
                return npm("pnpm-dlx", t, i + 1);
            case "pnpm":
                return "dlx".equals(next) ? npm("pnpm-dlx", t, i + 2) : binary(t, i);
            case "yarn":
                return "dlx".equals(next) ? npm("yarn-dlx", t, i + 2) : binary(t, i);
            case "bunx":
                return npm("bunx", t, i + 1);
            case "bun":
                return "x".equals(next) ? npm("bunx", t, i + 2) : binary(t, i);
            case "npm":
                return "exec".equals(next) || "x".equals(next)
                        ? npm("npm-exec", t, i + 2)
                        : binary(t, i);
            case "uvx":
                return python("uvx", t, i + 1);
            case "uv":
                if ("tool".equals(next) && i + 2 < t.size() && "run".equals(t.get(i + 2))) {
                    return python("uvx", t, i + 3);
                }
                return uvRun(t, i + 1);
            case "pipx":
                return "run".equals(next) ? python("pipx", t, i + 2) : binary(t, i);
            case "docker", "podman":
                return DockerArgs.parse(prog, t, i + 1);
            case "mcp-remote":
                return remoteBridge(t.subList(i + 1, t.size()), null);
            case "node", "nodejs":
                return script(
                        "node",
                        t,
                        i + 1,
                        Set.of("-r", "--require", "--import", "--loader", "--experimental-loader"));
            default:
                if (prog.matches("python[0-9.]*|py")) {
                    return pythonScript(t, i + 1);
                }
                return binary(t, i);
        }
    }

    private static Launch npm(String launcher, List<String> t, int i) {
        String explicitPackage = null;
        while (i < t.size() && t.get(i).startsWith("-")) {
            String opt = t.get(i);
            if (opt.equals("--")) {
                i++;
                break;
            }
            if (opt.startsWith("--package=")) {
                explicitPackage = opt.substring("--package=".length());
            } else if ((opt.equals("-p") || opt.equals("--package")) && i + 1 < t.size()) {
                explicitPackage = t.get(++i);
            } else if (NPX_VALUE_OPTS.contains(opt)) {
                i++;
            }
            i++;
        }
        if (i >= t.size() && explicitPackage == null) {
            return new Launch(launcher, "npm", null, null, null, null, List.of());
        }
        String spec = explicitPackage != null ? explicitPackage : t.get(i);
        int argsFrom = i + 1;
        String[] nv = npmSpec(spec);
        List<String> rest = List.copyOf(t.subList(Math.min(argsFrom, t.size()), t.size()));
        if ("mcp-remote".equals(nv[0])) {
            return remoteBridge(rest, nv[1]);
        }
        if (SCRIPT_RUNNERS.contains(nv[0])) {
            int j =
                    skipOptions(
                            t,
                            argsFrom,
                            Set.of("-r", "--require", "--import", "--loader", "--tsconfig"));
            if (j < t.size() && scriptPath(t.get(j))) {
                return script(
                        "node",
                        t,
                        argsFrom,
                        Set.of("-r", "--require", "--import", "--loader", "--tsconfig"));
            }
        }
        if ("envmcp".equals(nv[0]) && !rest.isEmpty()) {
            List<String> inner = new ArrayList<>(rest);
            int j = skipOptions(inner, 0, Set.of("-e", "--env-file", "--env"));
            if (j < inner.size()) {
                return dispatch(inner, j);
            }
        }
        return new Launch(launcher, "npm", nv[0], nv[1], null, null, rest);
    }

    private static Launch remoteBridge(List<String> rest, String version) {
        String url =
                rest.stream()
                        .filter(a -> a.matches("(?i)(https?|wss?)://.*"))
                        .findFirst()
                        .orElse(
                                rest.stream()
                                        .filter(a -> !a.startsWith("-"))
                                        .findFirst()
                                        .orElse(null));
        return new Launch("mcp-remote", "npm", "mcp-remote", version, null, url, List.copyOf(rest));
    }

    private static Launch python(String launcher, List<String> t, int i) {
        String from = null;
        while (i < t.size() && t.get(i).startsWith("-")) {
            String opt = t.get(i);
            if (opt.equals("--")) {
                i++;
                break;
            }
            if (opt.startsWith("--from=") || opt.startsWith("--spec=")) {
                from = opt.substring(opt.indexOf('=') + 1);
            } else if ((opt.equals("--from") || opt.equals("--spec")) && i + 1 < t.size()) {
                from = t.get(++i);
            } else if (UV_VALUE_OPTS.contains(opt)) {
                i++;
            }
            i++;
        }
        if (from == null && i >= t.size()) {
            return new Launch(launcher, "pypi", null, null, null, null, List.of());
        }
        String[] nv = pypiSpec(from != null ? from : t.get(i));
        int argsFrom = Math.min(i + 1, t.size());
        return new Launch(
                launcher,
                "pypi",
                nv[0],
                nv[1],
                null,
                null,
                List.copyOf(t.subList(argsFrom, t.size())));
    }

    /** {@code uv run ...} runs code of a local project, not a published package. */
    private static Launch uvRun(List<String> t, int i) {
        int j = skipOptions(t, i, UV_VALUE_OPTS);
        if (j < t.size() && "run".equals(t.get(j))) {
            j = skipOptions(t, j + 1, UV_VALUE_OPTS);
            return new Launch(
                    "python",
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.copyOf(t.subList(Math.min(j + 1, t.size()), t.size())));
        }
        return binary(t, i - 1);
    }

    private static Launch pythonScript(List<String> t, int i) {
        while (i < t.size() && t.get(i).startsWith("-")) {
            String opt = t.get(i);
            if (opt.equals("-m")) {
                return new Launch(
                        "python",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.copyOf(t.subList(Math.min(i + 2, t.size()), t.size())));
            }
            i += opt.equals("-X") || opt.equals("-W") ? 2 : 1;
        }
        return new Launch(
                "python",
                null,
                null,
                null,
                null,
                null,
                List.copyOf(t.subList(Math.min(i + 1, t.size()), t.size())));
    }

    private static Launch script(String launcher, List<String> t, int i, Set<String> valueOpts) {
        int j = skipOptions(t, i, valueOpts);
        return new Launch(
                launcher,
                null,
                null,
                null,
                null,
                null,
                List.copyOf(t.subList(Math.min(j + 1, t.size()), t.size())));
    }

    /**
     * A path to a script file rather than a package name: has a directory part or a script
     * extension.
     */
    static boolean scriptPath(String arg) {
        return arg.contains("/") || arg.contains("\\") || arg.matches("(?i).+\\.(c|m)?[jt]sx?");
    }

    private static Launch binary(List<String> t, int i) {
        int from = Math.min(i + 1, t.size());
        return new Launch(
                "binary", null, null, null, null, null, List.copyOf(t.subList(from, t.size())));
    }

    /**
     * npm package spec → {name, version}; git URLs, paths and aliases keep their text as the name.
     */
    static String[] npmSpec(String spec) {
        if (spec.contains(":") || spec.startsWith(".") || spec.startsWith("/")) {
            return new String[] {spec, null};
        }
        int at = spec.lastIndexOf('@');
        if (at <= 0) {
            return new String[] {spec, null};
        }
        return new String[] {spec.substring(0, at), spec.substring(at + 1)};
    }

    /**
     * PyPI requirement → {name, version}: {@code ==1.2} and {@code @1.2} give the version, other
     * operators stay.
     */
    static String[] pypiSpec(String spec) {
        if (spec.contains("://") || spec.startsWith(".") || spec.startsWith("/")) {
            return new String[] {spec, null};
        }
        String s = spec.strip();
        int op = indexOfAny(s, "=<>~!@");
        String name = op < 0 ? s : s.substring(0, op).strip();
        String version = null;
        if (op >= 0) {
            String rest = s.substring(op);
            version =
                    rest.startsWith("==")
                            ? rest.substring(2)
                            : rest.startsWith("@") ? rest.substring(1).strip() : rest;
        }
        int bracket = name.indexOf('[');
        if (bracket > 0) {
            name = name.substring(0, bracket);
        }
        return new String[] {name, version == null || version.isBlank() ? null : version.strip()};
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Skips options (and the values of {@code valueOpts}) from {@code i}; returns the first
     * positional.
     */
    static int skipOptions(List<String> t, int i, Set<String> valueOpts) {
        while (i < t.size() && t.get(i).startsWith("-")) {
            if (t.get(i).equals("--")) {
                return i + 1;
            }
            i += valueOpts.contains(t.get(i)) ? 2 : 1;
        }
        return i;
    }

    private static int skipWhile(List<String> t, int i, java.util.function.Predicate<String> p) {
        while (i < t.size() && p.test(t.get(i))) {
            i++;
        }
        return i;
    }

    /** The program's base name, lower case, without directory or Windows extension. */
    static String program(String path) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.replaceFirst("\\.(exe|cmd|bat|ps1)$", "");
    }
}
