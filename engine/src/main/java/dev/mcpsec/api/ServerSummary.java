package dev.mcpsec.api;

/** One MCP server in the scan inventory, as the config declares it. */
public record ServerSummary(String file, int line, String name, String client, String scope, String transport,
                            String command, String url, String packageName, String packageVersion, boolean disabled) {
}
