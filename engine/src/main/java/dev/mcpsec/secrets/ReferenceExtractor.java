package dev.mcpsec.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the interpolation syntaxes of the MCP clients (docs/clients.md, "Interpolation syntaxes")
 * in a value.
 */
final class ReferenceExtractor {

    // One alternation so a value is walked once; group numbers are read in find().
    private static final Pattern REFERENCE =
            Pattern.compile(
                    "\\$\\{\\{\\s*([A-Za-z_]+)\\.([A-Za-z0-9_.-]+)\\s*}}" // 1,2  ${{ secrets.X }}
                            + "|\\$\\{(env|input|file|config|command):([^}]*)}" // 3,4  ${env:X}
                            + "|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?}" // 5    ${VAR}
                            // ${VAR:-d}
                            + "|\\$\\{([^}]*)}" // 6    ${anything}
                            + "|\\{\\{\\s*([^}]*?)\\s*}}" // 7    {{template}}
                            + "|\\{(env|file):([^}]*)}" // 8,9  {env:X}
                            + "|\\$\\(([^)]*)\\)" // 10   $(command)
                            + "|(?<![A-Za-z0-9\\\\$])\\$([A-Z_][A-Za-z0-9_]*)" // 11   $VAR
                            + "|%([A-Za-z_][A-Za-z0-9_]*)%"); // 12   %VAR%

    private ReferenceExtractor() {}

    static List<Reference> find(String value) {
        if (value == null || !mayContainReference(value)) {
            return List.of();
        }
        List<Reference> found = new ArrayList<>(2);
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            found.add(toReference(m));
        }
        return found;
    }

    private static boolean mayContainReference(String value) {
        return value.indexOf('$') >= 0 || value.indexOf('{') >= 0 || value.indexOf('%') >= 0;
    }

    private static Reference toReference(Matcher m) {
        if (m.group(1) != null) {
            String scope = m.group(1).toLowerCase(java.util.Locale.ROOT);
            String syntax =
                    switch (scope) {
                        case "secrets" -> "secret";
                        case "inputs" -> "input";
                        case "env" -> "env";
                        default -> "other";
                    };
            return new Reference(m.group(2), syntax);
        }
        if (m.group(3) != null) {
            String syntax =
                    switch (m.group(3)) {
                        case "env", "input", "file" -> m.group(3);
                        default -> "other";
                    };
            return new Reference(m.group(4).strip(), syntax);
        }
        if (m.group(5) != null) {
            String name = m.group(5);
            // VS Code style predefined variables (${workspaceFolder}, ${userHome}) are camelCase,
            // env vars are not.
            return new Reference(name, Character.isLowerCase(name.charAt(0)) ? "other" : "env");
        }
        if (m.group(6) != null) {
            return new Reference(m.group(6).strip(), "other");
        }
        if (m.group(7) != null) {
            return new Reference(m.group(7), "other");
        }
        if (m.group(8) != null) {
            return new Reference(m.group(9).strip(), m.group(8));
        }
        if (m.group(10) != null) {
            return new Reference(m.group(10).strip(), "other");
        }
        if (m.group(11) != null) {
            return new Reference(m.group(11), "env");
        }
        return new Reference(m.group(12), "env");
    }
}
