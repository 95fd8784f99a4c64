package dev.mcpsec.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded policy bundle: its identity, DRL sources and data lists.
 *
 * @param origin where it came from, for messages (a path, a jar, {@code classpath:...})
 * @param policies DRL files, each with a display path used in compile errors
 * @param data data list name → key → values (become {@code PolicyData} facts)
 * @param testsDir the {@code tests/} folder of a directory bundle, or null
 */
public record Bundle(String id, String version, String description, String origin, List<DrlFile> policies,
                     Map<String, Map<String, List<String>>> data, Path testsDir) {

    /** One DRL source of a bundle. */
    public record DrlFile(String path, String content) {
    }

    /** {@code id@version}, as findings name their bundle. */
    public String label() {
        return id + "@" + version;
    }
}
