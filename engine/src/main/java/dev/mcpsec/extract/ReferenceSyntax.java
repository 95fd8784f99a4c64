package dev.mcpsec.extract;

import java.util.Locale;
import java.util.Map;

/**
 * How each client writes a reference to a secret kept outside the file, so that fixes can say
 * exactly what to write instead of a literal (docs/clients.md, "Interpolation syntaxes").
 */
final class ReferenceSyntax {
    private static final Map<String, String> BY_CLIENT =
            Map.ofEntries(
                    Map.entry("claude-code", "${NAME}"),
                    Map.entry("kiro", "${NAME}"),
                    Map.entry("copilot-cli", "${NAME}"),
                    Map.entry("cursor", "${env:NAME}"),
                    Map.entry("windsurf", "${env:NAME}"),
                    Map.entry("roo", "${env:NAME}"),
                    Map.entry("kilo", "${env:NAME}"),
                    Map.entry("vscode", "${input:name} or ${env:NAME}"),
                    Map.entry("visual-studio", "${input:name} or ${env:NAME}"),
                    Map.entry("gemini", "$NAME"),
                    Map.entry("opencode", "{env:NAME}"),
                    Map.entry("crush", "$NAME"),
                    Map.entry("continue", "${{ secrets.NAME }}"),
                    Map.entry("codex", "env_vars = [\"NAME\"] (Codex forwards variables by name)"));

    private ReferenceSyntax() {}

    /**
     * The client's reference syntax with {@code NAME} as the variable, or null when the client
     * expands none.
     */
    static String of(String client) {
        return BY_CLIENT.get(client);
    }

    /**
     * A concrete reference for one value: the client's syntax with a variable name derived from
     * where it sits.
     */
    static String suggest(String client, String variable) {
        String syntax = of(client);
        if (syntax == null) {
            return "a value kept outside the file (this client expands no variables: keep the file out of git)";
        }
        String name = variableName(variable);
        return syntax.replace("NAME", name)
                .replace("name", name.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static String variableName(String variable) {
        if (variable == null || variable.isBlank()) {
            return "SECRET";
        }
        String v =
                variable.replaceAll("^-+", "")
                        .replaceAll("[^A-Za-z0-9]+", "_")
                        .toUpperCase(Locale.ROOT);
        v = v.replaceAll("^_+|_+$", "");
        return v.isEmpty() || Character.isDigit(v.charAt(0)) ? "SECRET" : v;
    }
}
