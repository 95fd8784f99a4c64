package dev.mcpsec.secrets;

/**
 * A database connection string found in a value (URL, DSN or JDBC).
 *
 * @param port -1 when the URL names none
 * @param hasPassword the URL carries a password, literal or reference
 * @param loopback the host is localhost or a loopback address
 * @param password the password as a detection when it is a real literal, else null
 */
public record DbUrl(
        String scheme,
        String host,
        int port,
        String database,
        String user,
        boolean hasPassword,
        boolean loopback,
        Detection password) {}
