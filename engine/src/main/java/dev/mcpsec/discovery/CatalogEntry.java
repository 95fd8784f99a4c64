package dev.mcpsec.discovery;

/**
 * One place a client keeps MCP configuration.
 *
 * @param client client id ({@code claude-code}, {@code vscode}, ..., {@code unknown})
 * @param scope {@code project}, {@code user} or {@code system}
 * @param pattern path with {@code /} separators: relative to any directory of a project (matched at
 *     any depth), or relative to the home folder; a segment may hold {@code *}
 * @param format {@code json}, {@code jsonc}, {@code yaml}, {@code toml}, or {@code script} (a hook
 *     script read as lines of text)
 * @param shape which adapter reads it
 * @param kind {@code servers} or {@code settings}
 */
public record CatalogEntry(
        String client,
        String scope,
        String pattern,
        String format,
        ConfigShape shape,
        String kind) {

    /** The pattern split into path segments. */
    public String[] segments() {
        return pattern.split("/");
    }
}
