package dev.mcpsec.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server someone wants to add, for {@code mcpsec check}: a launch line ({@code command} and
 * {@code args}) or a remote {@code url}, with the environment it would get.
 *
 * @param transport for a URL: {@code http} (default) or {@code sse}; ignored for a launch line
 */
public record ServerCandidate(
        String command, List<String> args, String url, String transport, Map<String, String> env) {
    public ServerCandidate {
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : new LinkedHashMap<>(env);
        boolean hasCommand = command != null && !command.isBlank();
        boolean hasUrl = url != null && !url.isBlank();
        if (hasCommand == hasUrl) {
            throw new ConfigurationException(
                    "check",
                    hasCommand
                            ? "give either a launch line or --url, not both"
                            : "nothing to check: give a launch line after -- (e.g. mcpsec check -- npx -y some-server@1.2.3) "
                                    + "or --url https://...");
        }
        if (transport != null && !transport.equals("http") && !transport.equals("sse")) {
            throw new ConfigurationException(
                    "transport", "--transport is http or sse, not " + transport);
        }
    }
}
