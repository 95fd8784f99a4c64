package dev.mcpsec.facts;

/**
 * A database connection string handed to a server (URL, DSN or JDBC).
 *
 * @param loopback the host is localhost or a loopback address
 */
public record DatabaseTarget(
        String file,
        int line,
        int column,
        String server,
        String location,
        String scheme,
        String host,
        String database,
        String user,
        boolean hasPassword,
        boolean loopback)
        implements Fact {
    @Override
    public String subject() {
        return "db:" + location;
    }
}
