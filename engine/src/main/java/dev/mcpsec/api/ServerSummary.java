package dev.mcpsec.api;

import java.util.List;

/**
 * One MCP server in the scan inventory, as the config declares it.
 *
 * @param ecosystem {@code npm}, {@code pypi}, {@code oci} (container images), {@code docker-mcp},
 *     {@code remote} or null when the launch is a local program
 * @param imageDigest the image digest ({@code sha256:...}) when the launch pins one, else null
 * @param credentials the credentials the server receives, one entry per value as {@code LOCATION:
 *     KIND (TIER)}, e.g. {@code env.STRIPE_SECRET_KEY: stripe-secret (live)}: kinds and tiers only,
 *     never a value
 */
public record ServerSummary(
        String file,
        int line,
        String name,
        String client,
        String scope,
        String transport,
        String command,
        String url,
        String packageName,
        String packageVersion,
        boolean disabled,
        String ecosystem,
        String imageDigest,
        List<String> credentials) {
    public ServerSummary {
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }

    /** A summary without ecosystem, digest or credentials. */
    public ServerSummary(
            String file,
            int line,
            String name,
            String client,
            String scope,
            String transport,
            String command,
            String url,
            String packageName,
            String packageVersion,
            boolean disabled) {
        this(
                file,
                line,
                name,
                client,
                scope,
                transport,
                command,
                url,
                packageName,
                packageVersion,
                disabled,
                null,
                null,
                List.of());
    }
}
