package dev.mcpsec.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds MCP client configs by their content in a dotfiles repository, where they sit at paths no
 * client reads them from ({@code claude/mcp.json}, {@code zed/settings.json}, {@code
 * dot_codex/config.toml}): a JSON, TOML or YAML file whose text holds a server map ({@code
 * mcpServers}, {@code servers}, {@code context_servers}, {@code [mcp_servers.x]}) with a launch
 * command or a URL is read with the adapter of that shape. Bounded: only in a repository with a
 * dotfiles marker, only files of config extensions and at most {@value #MAX_BYTES} bytes, text
 * only, at most {@value #MAX_SNIFFED} files per scan; well-known files of other tools ({@code
 * package.json}, {@code tsconfig.json}, {@code launch.json}, ...) are never read.
 */
final class ShapeSniffer {
    /** Largest file sniffed; MCP configs are small. */
    static final int MAX_BYTES = 256 * 1024;

    /** Most files sniffed in one scan. */
    static final int MAX_SNIFFED = 2_000;

    /** Files at the root of a repository that mark it as a dotfiles repository. */
    private static final Set<String> MARKERS =
            Set.of(
                    ".chezmoiroot",
                    ".chezmoiignore",
                    ".chezmoiexternal.toml",
                    ".chezmoi.toml.tmpl",
                    ".chezmoi.yaml.tmpl",
                    ".stowrc",
                    ".stow-local-ignore",
                    "install.conf.yaml",
                    "install.conf.json",
                    ".yadm",
                    "rcrc",
                    "dot_config");

    private static final Set<String> EXTENSIONS = Set.of("json", "jsonc", "toml", "yaml", "yml");

    /** Files of other tools whose keys could look alike. */
    private static final Set<String> NEVER =
            Set.of(
                    "package.json",
                    "package-lock.json",
                    "composer.json",
                    "tsconfig.json",
                    "jsconfig.json",
                    "launch.json",
                    "tasks.json",
                    "extensions.json",
                    "keybindings.json",
                    "docker-compose.yml",
                    "docker-compose.yaml",
                    "compose.yml",
                    "compose.yaml",
                    "pyproject.toml",
                    "cargo.toml",
                    "netlify.toml",
                    "renovate.json",
                    ".eslintrc.json",
                    ".prettierrc.json",
                    "pnpm-lock.yaml");

    private static final Pattern JSON_MAP =
            Pattern.compile("\"(mcpServers|servers|context_servers)\"\\s*:\\s*\\{");
    private static final Pattern JSON_LAUNCH =
            Pattern.compile("\"(command|url|serverUrl|httpUrl)\"\\s*:\\s*[\"\\[{]");
    private static final Pattern JSON_MCP_TYPE =
            Pattern.compile(
                    "\"type\"\\s*:\\s*\"(stdio|http|sse|streamable-http|streamableHttp)\"|\"args\"\\s*:\\s*\\[");
    private static final Pattern TOML_MAP =
            Pattern.compile("(?m)^\\s*\\[mcp_servers\\.[^\\]]+\\]\\s*$");
    private static final Pattern TOML_LAUNCH = Pattern.compile("(?m)^\\s*(command|url)\\s*=");
    private static final Pattern YAML_MAP = Pattern.compile("(?m)^mcpServers\\s*:\\s*$");
    private static final Pattern YAML_LAUNCH =
            Pattern.compile("(?m)^\\s*-?\\s*(command|url)\\s*:\\s*\\S");

    private ShapeSniffer() {}

    /** True when {@code root} holds a dotfiles marker (chezmoi, GNU Stow, dotbot, yadm, rcm). */
    static boolean dotfilesRepository(Path root) {
        for (String marker : MARKERS) {
            if (Files.exists(root.resolve(marker))) {
                return true;
            }
        }
        Path name = root.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).contains("dotfiles");
    }

    /**
     * True for a file name worth sniffing (a config extension, not a known file of another tool).
     */
    static boolean candidate(String fileName) {
        // chezmoi templates ({@code .tmpl}) hold {{ }} that no client parses: not read
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0
                && EXTENSIONS.contains(name.substring(dot + 1))
                && !NEVER.contains(name)
                && !name.startsWith("tsconfig.");
    }

    /**
     * The catalogue entry to read {@code file} with, when its content is an MCP client config;
     * empty when it is not, or is too large, binary or unreadable.
     */
    static Optional<CatalogEntry> sniff(Path file, String rel) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        return classify(rel, new String(bytes, StandardCharsets.UTF_8));
    }

    /** The shape of {@code text}, judged by its content; {@code rel} gives the format. */
    static Optional<CatalogEntry> classify(String rel, String text) {
        String lower = rel.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".toml")) {
            return TOML_MAP.matcher(text).find() && TOML_LAUNCH.matcher(text).find()
                    ? Optional.of(entry("codex", rel, "toml", ConfigShape.CODEX))
                    : Optional.empty();
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML_MAP.matcher(text).find() && YAML_LAUNCH.matcher(text).find()
                    ? Optional.of(entry("continue", rel, "yaml", ConfigShape.CONTINUE))
                    : Optional.empty();
        }
        var map = JSON_MAP.matcher(text);
        if (!map.find() || !JSON_LAUNCH.matcher(text).find()) {
            return Optional.empty();
        }
        return switch (map.group(1)) {
            case "mcpServers" ->
                    Optional.of(entry("unknown", rel, "jsonc", ConfigShape.MCP_SERVERS));
            case "context_servers" -> Optional.of(entry("zed", rel, "jsonc", ConfigShape.ZED));
            // "servers" is a common word: only with an MCP transport type or args
            default ->
                    JSON_MCP_TYPE.matcher(text).find()
                            ? Optional.of(entry("vscode", rel, "jsonc", ConfigShape.VSCODE))
                            : Optional.empty();
        };
    }

    private static CatalogEntry entry(String client, String rel, String format, ConfigShape shape) {
        return new CatalogEntry(client, "project", rel, format, shape, "servers");
    }
}
