package dev.mcpsec.facts;

/**
 * A discovered MCP client file (server config or client settings).
 *
 * @param path file path relative to the scan root ({@code ~/...} for user scope)
 * @param client client id, e.g. {@code claude-code}, {@code cursor}, {@code vscode}, {@code
 *     unknown}
 * @param scope {@code project}, {@code user} or {@code system}
 * @param format {@code json}, {@code jsonc}, {@code toml} or {@code yaml}
 * @param kind {@code servers} for server definitions, {@code settings} for client settings files
 * @param tracked git tracks the file (HEAD or index); false when there is no repository
 * @param ignored git ignores the file; false when there is no repository
 * @param inRepository the file lies in a git work tree
 * @param parseError the parse error with its position, or null
 * @param servers number of servers the file declares
 * @param referenceSyntax how this client writes a reference to a secret kept elsewhere, with {@code
 *     NAME} as the variable (e.g. {@code ${env:NAME}}), or null when the client expands no
 *     variables
 */
public record ConfigFile(
        String path,
        String client,
        String scope,
        String format,
        String kind,
        boolean tracked,
        boolean ignored,
        boolean inRepository,
        String parseError,
        int servers,
        String referenceSyntax)
        implements Fact {
    @Override
    public String file() {
        return path;
    }

    @Override
    public int line() {
        return parseError == null ? 0 : 1;
    }

    @Override
    public int column() {
        return 0;
    }

    @Override
    public String subject() {
        return "file";
    }
}
