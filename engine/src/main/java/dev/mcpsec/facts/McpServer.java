package dev.mcpsec.facts;

import java.util.List;

/**
 * One MCP server entry.
 *
 * @param transport {@code stdio}, {@code http}, {@code sse} or {@code ws}
 * @param command the executable ({@code npx}, {@code docker}, ...), or null for remote servers
 * @param args arguments as written (references unresolved)
 * @param url remote URL, or the URL an {@code mcp-remote} bridge connects to
 * @param host host of {@code url}, lower case, or null
 * @param launcher how the package is started: {@code npx}, {@code pnpm-dlx}, {@code yarn-dlx},
 *     {@code npm-exec}, {@code bunx}, {@code uvx}, {@code pipx}, {@code docker}, {@code podman},
 *     {@code mcp-remote}, {@code remote}, {@code node}, {@code python}, {@code binary}
 * @param ecosystem {@code npm}, {@code pypi}, {@code oci} (container images), {@code docker-mcp}
 *     (the Docker MCP gateway), {@code remote} or null
 * @param packageName package or image name without version/tag, or null
 * @param packageVersion the pinned version or image tag, or null when unpinned
 * @param imageDigest image digest ({@code sha256:...}) when given
 * @param disabled the client is told not to start it
 */
public record McpServer(
        String name,
        String file,
        int line,
        int column,
        String client,
        String scope,
        String transport,
        String command,
        List<String> args,
        String url,
        String host,
        String launcher,
        String ecosystem,
        String packageName,
        String packageVersion,
        String imageDigest,
        boolean disabled)
        implements Fact {
    public McpServer {
        args = args == null ? List.of() : List.copyOf(args);
    }

    @Override
    public String server() {
        return name;
    }

    @Override
    public String subject() {
        return "server";
    }

    /**
     * True when a flag has that value, as {@code --flag=value} or {@code --flag value} (value
     * case-insensitive).
     */
    public boolean argValueIs(String flag, String expected) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equalsIgnoreCase(flag + "=" + expected)
                    || (a.equals(flag)
                            && i + 1 < args.size()
                            && args.get(i + 1).equalsIgnoreCase(expected))) {
                return true;
            }
        }
        return false;
    }

    /** True when any argument contains {@code text}. */
    public boolean argContains(String text) {
        for (String a : args) {
            if (a.contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** True when any argument equals {@code arg} or starts with {@code arg=}. */
    public boolean hasArg(String arg) {
        for (String a : args) {
            if (a.equals(arg) || a.startsWith(arg + "=")) {
                return true;
            }
        }
        return false;
    }

    /** A builder, so that seventeen fields are never passed by position. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link McpServer} by field name; unset fields are null, 0 or false. */
    public static final class Builder {
        private String name;
        private String file;
        private int line;
        private int column;
        private String client;
        private String scope;
        private String transport;
        private String command;
        private List<String> args;
        private String url;
        private String host;
        private String launcher;
        private String ecosystem;
        private String packageName;
        private String packageVersion;
        private String imageDigest;
        private boolean disabled;

        private Builder() {}

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder file(String value) {
            this.file = value;
            return this;
        }

        public Builder line(int value) {
            this.line = value;
            return this;
        }

        public Builder column(int value) {
            this.column = value;
            return this;
        }

        public Builder client(String value) {
            this.client = value;
            return this;
        }

        public Builder scope(String value) {
            this.scope = value;
            return this;
        }

        public Builder transport(String value) {
            this.transport = value;
            return this;
        }

        public Builder command(String value) {
            this.command = value;
            return this;
        }

        public Builder args(List<String> value) {
            this.args = value;
            return this;
        }

        public Builder url(String value) {
            this.url = value;
            return this;
        }

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        public Builder launcher(String value) {
            this.launcher = value;
            return this;
        }

        public Builder ecosystem(String value) {
            this.ecosystem = value;
            return this;
        }

        public Builder packageName(String value) {
            this.packageName = value;
            return this;
        }

        public Builder packageVersion(String value) {
            this.packageVersion = value;
            return this;
        }

        public Builder imageDigest(String value) {
            this.imageDigest = value;
            return this;
        }

        public Builder disabled(boolean value) {
            this.disabled = value;
            return this;
        }

        public McpServer build() {
            return new McpServer(
                    name,
                    file,
                    line,
                    column,
                    client,
                    scope,
                    transport,
                    command,
                    args,
                    url,
                    host,
                    launcher,
                    ecosystem,
                    packageName,
                    packageVersion,
                    imageDigest,
                    disabled);
        }
    }
}
