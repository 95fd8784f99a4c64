package dev.mcpsec.rules;

import java.util.List;
import java.util.Map;

/**
 * A loaded policy bundle: its identity, DRL sources and data lists.
 *
 * @param origin where it came from, for messages (a path, a jar, {@code classpath:...})
 * @param policies DRL files, each with a display path used in compile errors
 * @param data data list name → key → values (become {@code PolicyData} facts)
 * @param tests fixture cases: case name → relative file path → bytes (from {@code tests/<case>/})
 * @param policy what {@code bundle.json} decides about rules: re-rates, disabled and locked rules
 * @param sha256 SHA-256 of the jar or of the bundle directory's files (as {@code #sha256=} pins
 *     it), or null
 */
public record Bundle(
        String id,
        String version,
        String description,
        String origin,
        List<DrlFile> policies,
        Map<String, Map<String, List<String>>> data,
        Map<String, Map<String, byte[]>> tests,
        BundlePolicy policy,
        String sha256) {

    /** A bundle that decides nothing about rules and has no digest (project policies, tests). */
    public Bundle(
            String id,
            String version,
            String description,
            String origin,
            List<DrlFile> policies,
            Map<String, Map<String, List<String>>> data,
            Map<String, Map<String, byte[]>> tests) {
        this(id, version, description, origin, policies, data, tests, BundlePolicy.none(), null);
    }

    /** One DRL source of a bundle. */
    public record DrlFile(String path, String content) {}

    /** {@code id@version}, as findings name their bundle. */
    public String label() {
        return id + "@" + version;
    }
}
