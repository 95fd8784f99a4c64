package dev.mcpsec.facts;

/**
 * An MCP config file that mcpsec could not read completely: a parse error, bytes that are not
 * UTF-8, a limit ({@code maxFileBytes}, {@code maxNestingDepth}, {@code maxServers}) or a number
 * too long. Clients often read such a file anyway, so what could be read was still checked and its
 * raw text was searched for secrets.
 *
 * @param reason the problem with its position ({@code line:column: message}), tokens shortened
 * @param tracked git tracks the file
 * @param rawSecrets literal secrets found by the search over the raw text that the parsed part did
 *     not show
 */
public record IncompleteConfig(
        String file,
        int line,
        int column,
        String client,
        String scope,
        String reason,
        boolean tracked,
        int rawSecrets)
        implements Fact {
    @Override
    public String subject() {
        return "incomplete";
    }
}
