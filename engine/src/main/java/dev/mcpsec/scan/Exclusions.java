package dev.mcpsec.scan;

import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.discovery.DiscoveredFile;
import dev.mcpsec.project.ProjectConfig;
import java.util.List;

/**
 * A project configuration that leaves out everything, or most of the configs found, changes what
 * the gate checks: it is said in a warning, which every report format carries, not only in verbose
 * output.
 */
final class Exclusions {
    static final String FILE = ".mcpsec/config.json";

    /**
     * Paths that only a catch-all pattern ({@code **}, {@code *}, {@code **}{@code /*}) excludes
     * all of.
     */
    private static final List<String> PROBES =
            List.of(".mcp.json", "x", "a/b/mcp.json", ".vscode/mcp.json");

    private static final int LISTED = 3;

    private Exclusions() {}

    /**
     * The warning for {@code config}'s excludes over the project configs {@code found}, or null
     * when there is none.
     */
    static ScanWarning check(ProjectConfig config, List<DiscoveredFile> found) {
        if (config.exclude().isEmpty()) {
            return null;
        }
        if (PROBES.stream().allMatch(config::excludes)) {
            return new ScanWarning(
                    FILE,
                    0,
                    "exclude "
                            + config.exclude()
                            + " matches every path: no project MCP "
                            + "config is checked, so this scan passes whatever the project holds");
        }
        List<String> project =
                found.stream()
                        .filter(f -> "project".equals(f.scope()))
                        .map(DiscoveredFile::displayPath)
                        .toList();
        List<String> left = project.stream().filter(config::excludes).toList();
        if (left.isEmpty() || left.size() * 2 < project.size()) {
            return null;
        }
        String names =
                String.join(", ", left.subList(0, Math.min(LISTED, left.size())))
                        + (left.size() > LISTED ? ", …" : "");
        return new ScanWarning(
                FILE,
                0,
                "exclude leaves out "
                        + left.size()
                        + " of "
                        + project.size()
                        + " MCP config files found ("
                        + names
                        + "): their servers and secrets are not checked");
    }
}
