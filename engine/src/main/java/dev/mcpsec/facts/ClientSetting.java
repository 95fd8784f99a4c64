package dev.mcpsec.facts;

/**
 * An approval or trust switch in a client's settings, flattened to a dotted key.
 *
 * <p>Examples: {@code enableAllProjectMcpServers=true}, {@code permissions.allow=mcp__github} (one
 * fact per list item), {@code trust=true} with {@code server=fs}, {@code autoApprove=get_forecast}
 * with a server.
 */
public record ClientSetting(
        String file, int line, int column, String client, String key, String value, String server)
        implements Fact {
    @Override
    public String subject() {
        return "setting:" + key + "=" + value;
    }
}
