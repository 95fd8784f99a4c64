package dev.mcpsec.extract;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Classifies how much a filesystem server's directory argument opens up, offline and without
 * touching the disk.
 */
final class FilesystemScope {
    private static final Pattern DRIVE_ROOT = Pattern.compile("(?i)^[a-z]:[\\\\/]*$");
    private static final Pattern HOME_DIR =
            Pattern.compile(
                    "(?i)^(/users/[^/]+|/home/[^/]+|/root|[a-z]:[\\\\/]+users[\\\\/]+[^\\\\/]+)[\\\\/]*$");
    private static final Pattern HOME_TOKEN =
            Pattern.compile(
                    "^(~|\\$HOME|\\$\\{HOME}|\\$\\{env:HOME}|\\$\\{userHome}|%USERPROFILE%|%HOMEPATH%|\\{env:HOME})$");
    private static final Pattern PROJECT_TOKEN =
            Pattern.compile(
                    "^(\\.|\\./|\\$\\{workspaceFolder}|\\$\\{workspaceRoot}|\\$\\{CLAUDE_PROJECT_DIR}|\\$\\{PWD}|\\$PWD)$");

    private FilesystemScope() {}

    /**
     * Result of the classification: the breadth id and the resolved path (or null when unknown).
     */
    record Scope(String breadth, String resolved) {}

    /**
     * @param raw the argument as written
     * @param projectRoot the scan root, absolute, for relative paths and {@code ${workspaceFolder}}
     * @param projectScope relative paths mean something only for project-scope configs
     */
    static Scope classify(String raw, Path projectRoot, boolean projectScope) {
        String p = raw.trim();
        if (p.isEmpty()) {
            return new Scope("none", null);
        }
        if (p.equals("/") || p.equals("\\") || DRIVE_ROOT.matcher(p).matches() || p.equals("/*")) {
            return new Scope(
                    "root",
                    p.startsWith("/") ? "/" : p.substring(0, 2).toUpperCase(Locale.ROOT) + "/");
        }
        if (HOME_TOKEN.matcher(stripSlash(p)).matches() || HOME_DIR.matcher(p).matches()) {
            return new Scope("home", "~");
        }
        String expanded =
                p.replace("${workspaceFolder}", projectRoot.toString())
                        .replace("${workspaceRoot}", projectRoot.toString())
                        .replace("${CLAUDE_PROJECT_DIR}", projectRoot.toString());
        if (PROJECT_TOKEN.matcher(p).matches()) {
            return new Scope("project", projectRoot.toString().replace('\\', '/'));
        }
        if (expanded.startsWith("~/")
                || expanded.startsWith("$HOME/")
                || expanded.startsWith("${HOME}/")
                || expanded.startsWith("${userHome}/")) {
            return new Scope("specific", null);
        }
        if (expanded.contains("${") || expanded.contains("$(") || expanded.startsWith("%")) {
            return new Scope("specific", null);
        }
        boolean windows = expanded.matches("(?i)^[a-z]:[\\\\/].*");
        if (windows) {
            return new Scope("specific", expanded.replace('\\', '/'));
        }
        Path path;
        try {
            path = Path.of(expanded);
        } catch (RuntimeException e) {
            return new Scope("specific", null);
        }
        if (!path.isAbsolute()) {
            if (!projectScope) {
                return new Scope("specific", null);
            }
            path = projectRoot.resolve(path);
        }
        Path norm = path.normalize();
        Path root = projectRoot.toAbsolutePath().normalize();
        String resolved = norm.toString().replace('\\', '/');
        if (norm.equals(root)) {
            return new Scope("project", resolved);
        }
        if (root.startsWith(norm)) {
            return new Scope(norm.getNameCount() == 0 ? "root" : "above-project", resolved);
        }
        if (HOME_DIR.matcher(resolved).matches()) {
            return new Scope("home", resolved);
        }
        if (!projectScope || norm.startsWith(root)) {
            return new Scope("specific", resolved);
        }
        return new Scope(norm.getNameCount() <= 1 ? "above-project" : "specific", resolved);
    }

    private static String stripSlash(String p) {
        return p.length() > 1 && (p.endsWith("/") || p.endsWith("\\"))
                ? p.substring(0, p.length() - 1)
                : p;
    }

    /** True when the launched package or image is a filesystem server. */
    static boolean isFilesystemServer(String packageName, String serverName) {
        if (packageName != null) {
            String n = packageName.toLowerCase(Locale.ROOT);
            return n.endsWith("server-filesystem")
                    || n.equals("mcp/filesystem")
                    || n.endsWith("/filesystem")
                    || n.contains("filesystem-mcp")
                    || n.contains("mcp-filesystem")
                    || n.contains("mcp-server-filesystem");
        }
        return false;
    }
}
