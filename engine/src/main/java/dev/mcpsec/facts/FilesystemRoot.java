package dev.mcpsec.facts;

/**
 * A directory a filesystem server is allowed to reach.
 *
 * @param path the argument as written; empty when the server was given no directory
 * @param resolved the path with {@code ~}, {@code ${workspaceFolder}}-style variables and {@code
 *     ..} resolved (forward slashes), or null when it cannot be resolved offline
 * @param breadth {@code none} (no directory given), {@code root} ({@code /} or a drive), {@code
 *     home} (a home folder or {@code ~}), {@code above-project}, {@code project} or {@code
 *     specific}
 */
public record FilesystemRoot(
        String file,
        int line,
        int column,
        String server,
        String path,
        String resolved,
        String breadth)
        implements Fact {
    @Override
    public String subject() {
        return "fsroot:" + path;
    }
}
