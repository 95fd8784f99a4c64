package dev.mcpsec.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one server entry of any client shape into a {@link ServerEntry}. The key sets of the
 * clients barely overlap, so one tolerant reader serves all of them; only the transport default
 * differs per client.
 */
final class ServerReader {

    private static final Set<String> SSE_BY_DEFAULT = Set.of("cline", "roo", "kilo");
    private static final Set<String> SERVER_SWITCHES =
            Set.of(
                    "autoApprove",
                    "alwaysAllow",
                    "trust",
                    "default_tools_approval_mode",
                    "sandboxEnabled");
    private static final Pattern TOOL_APPROVAL = Pattern.compile("tools\\..+\\.approval_mode");

    /** Keys of a server entry that switch TLS verification off, at any depth (last segment). */
    private static final Pattern TLS_SWITCH =
            Pattern.compile(
                    "(?i)(?:.*\\.)?(rejectUnauthorized|verify_?ssl|ssl_?verify|verify_?tls|tls_?verify|strict_?ssl"
                            + "|tls_?skip_?verify|skip_?tls_?verify|insecure_?skip_?verify|insecure)");

    private final String client;
    private final List<String> warnings;

    ServerReader(String client, List<String> warnings) {
        this.client = client;
        this.warnings = warnings;
    }

    /**
     * Reads {@code node} as the server {@code name}; null (with a warning) when it is not an
     * object.
     */
    ServerEntry read(String name, PNode node) {
        if (node == null || !node.isObject()) {
            warnings.add(at(node) + "server \"" + name + "\" is not an object; skipped");
            return null;
        }
        PNode body = node;
        PNode legacyTransport = node.get("transport");
        if (legacyTransport != null && legacyTransport.isObject()) {
            body = legacyTransport;
        }
        List<Located> args = new ArrayList<>();
        Located command = null;
        PNode cmd = first(body, "command", "cmd");
        if (cmd != null && cmd.isArray()) {
            for (PNode item : cmd.items()) {
                Located l = item.located();
                if (l == null) {
                    continue;
                }
                if (command == null) {
                    command = l;
                } else {
                    args.add(l);
                }
            }
        } else if (cmd != null && cmd.isObject()) {
            command = located(cmd.get("path"));
            addAll(args, cmd.get("args"));
        } else if (cmd != null) {
            command = cmd.located();
        }
        addAll(args, body.get("args"));

        Map<String, Located> env = new LinkedHashMap<>();
        putAll(env, body.get("env"));
        putAll(env, body.get("environment"));
        putAll(env, body.get("envs"));
        envVars(env, body.get("env_vars"));
        if (cmd != null && cmd.isObject()) {
            putAll(env, cmd.get("env"));
        }

        Map<String, Located> headers = new LinkedHashMap<>();
        putAll(headers, body.get("headers"));
        putAll(headers, body.get("http_headers"));
        putAll(headers, node.path("requestOptions", "headers"));
        codexHeaders(headers, body);
        // Claude Code's headersHelper is a command whose output becomes headers; a key written into
        // it is a literal
        // handed to the server like a header, so it is inspected as one (it is never run)
        Located helper = located(body.get("headersHelper"));
        if (helper != null && helper.value() != null) {
            headers.put("headersHelper", helper);
        }

        PNode urlNode = first(body, "httpUrl", "url", "serverUrl", "uri", "tcp");
        Located url = located(urlNode);
        String transport = transport(body, urlNode, command);
        boolean disabled = isTrue(node.get("disabled")) || isFalse(node.get("enabled"));
        List<SettingEntry> settings =
                SettingsReader.select(
                        node,
                        key ->
                                SERVER_SWITCHES.contains(key)
                                        || TOOL_APPROVAL.matcher(key).matches()
                                        || TLS_SWITCH.matcher(key).matches(),
                        name);
        return new ServerEntry(
                name,
                node.keyLine(),
                node.keyColumn(),
                transport,
                command,
                List.copyOf(args),
                env,
                headers,
                url,
                located(first(body, "envFile", "env_file")),
                located(body.get("cwd")),
                disabled,
                settings);
    }

    private String transport(PNode body, PNode urlNode, Located command) {
        PNode typeNode = first(body, "type", "transportType");
        if (typeNode == null && body.get("transport") != null && body.get("transport").isScalar()) {
            typeNode = body.get("transport");
        }
        String type =
                typeNode == null || typeNode.text() == null
                        ? ""
                        : typeNode.text().toLowerCase(Locale.ROOT);
        switch (type.replace("_", "-")) {
            case "stdio", "local":
                return "stdio";
            case "sse":
                return "sse";
            case "http", "streamable-http", "streamablehttp", "remote":
                return "http";
            case "ws", "websocket":
                return "ws";
            case "":
                break;
            default:
                if (!Set.of("builtin", "platform", "inline-python", "frontend").contains(type)) {
                    warnings.add(
                            at(typeNode)
                                    + "unknown transport type \""
                                    + PositionalReader.clean(type)
                                    + "\"");
                }
                break;
        }
        if (urlNode == null) {
            return "stdio";
        }
        String urlKey = keyOf(body, urlNode);
        if ("tcp".equals(urlKey)) {
            return "ws";
        }
        String u = urlNode.text() == null ? "" : urlNode.text().toLowerCase(Locale.ROOT);
        if (u.startsWith("ws://") || u.startsWith("wss://")) {
            return "ws";
        }
        if (command == null
                && (SSE_BY_DEFAULT.contains(client)
                        || ("gemini".equals(client) && "url".equals(urlKey))
                        || u.matches(".*/sse/?(\\?.*)?$"))) {
            return "sse";
        }
        return command != null && type.isEmpty() ? "stdio" : "http";
    }

    private static String keyOf(PNode parent, PNode child) {
        for (Map.Entry<String, PNode> e : parent.fields().entrySet()) {
            if (e.getValue() == child) {
                return e.getKey();
            }
        }
        return null;
    }

    private static void codexHeaders(Map<String, Located> headers, PNode body) {
        PNode bearerVar = body.get("bearer_token_env_var");
        if (bearerVar != null && bearerVar.text() != null) {
            headers.put(
                    "Authorization",
                    new Located(
                            "Bearer ${" + bearerVar.text() + "}",
                            bearerVar.line(),
                            bearerVar.column()));
        }
        PNode bearer = body.get("bearer_token");
        if (bearer != null && bearer.text() != null) {
            headers.put(
                    "Authorization",
                    new Located("Bearer " + bearer.text(), bearer.line(), bearer.column()));
        }
        PNode envHeaders = body.get("env_http_headers");
        if (envHeaders != null && envHeaders.isObject()) {
            envHeaders
                    .fields()
                    .forEach(
                            (header, var) -> {
                                if (var.text() != null) {
                                    headers.put(
                                            header,
                                            new Located(
                                                    "${" + var.text() + "}",
                                                    var.line(),
                                                    var.column()));
                                }
                            });
        }
    }

    /**
     * Codex {@code env_vars} forwards host variables by name: recorded as {@code ${NAME}}
     * references.
     */
    private static void envVars(Map<String, Located> env, PNode list) {
        if (list == null || !list.isArray()) {
            return;
        }
        for (PNode item : list.items()) {
            PNode nameNode = item.isObject() ? item.get("name") : item;
            if (nameNode != null && nameNode.text() != null) {
                env.put(
                        nameNode.text(),
                        new Located(
                                "${" + nameNode.text() + "}", nameNode.line(), nameNode.column()));
            }
        }
    }

    private static void putAll(Map<String, Located> target, PNode object) {
        if (object == null || !object.isObject()) {
            return;
        }
        object.fields()
                .forEach(
                        (k, v) -> {
                            Located l = v.located();
                            if (l != null) {
                                target.put(k, l);
                            }
                        });
    }

    private static void addAll(List<Located> target, PNode list) {
        if (list == null) {
            return;
        }
        if (list.isScalar()) {
            Located l = list.located();
            if (l != null) {
                target.add(l);
            }
            return;
        }
        for (PNode item : list.items()) {
            Located l = item.located();
            if (l != null) {
                target.add(l);
            }
        }
    }

    private static PNode first(PNode node, String... keys) {
        for (String k : keys) {
            PNode v = node.get(k);
            if (v != null && !(v.isScalar() && v.text() == null)) {
                return v;
            }
        }
        return null;
    }

    private static Located located(PNode node) {
        return node == null ? null : node.located();
    }

    static boolean isTrue(PNode node) {
        return node != null && node.isScalar() && "true".equalsIgnoreCase(node.text());
    }

    static boolean isFalse(PNode node) {
        return node != null && node.isScalar() && "false".equalsIgnoreCase(node.text());
    }

    static String at(PNode node) {
        return node == null ? "" : node.keyLine() + ":" + node.keyColumn() + ": ";
    }
}
