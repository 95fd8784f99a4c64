package dev.mcpsec.secrets;

/**
 * A literal secret found outside MCP configs, identified by its salted fingerprint.
 *
 * @param file path relative to the scan root, forward slashes
 * @param line 1-based line
 * @param column 1-based column of the secret
 * @param context {@code env-file}, {@code ci}, {@code compose} or {@code manifest}
 * @param variable the name the value is assigned to, or null
 */
public record Occurrence(
        String file,
        int line,
        int column,
        String context,
        String variable,
        String fingerprint,
        String kind,
        String masked) {}
