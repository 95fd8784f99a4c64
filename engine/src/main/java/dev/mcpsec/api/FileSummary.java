package dev.mcpsec.api;

/**
 * One discovered configuration file in the scan inventory; {@code error} holds a parse error with
 * its position.
 */
public record FileSummary(
        String file,
        String client,
        String scope,
        String format,
        Boolean tracked,
        Boolean ignored,
        int servers,
        String error) {}
