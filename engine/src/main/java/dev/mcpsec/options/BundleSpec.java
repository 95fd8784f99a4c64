package dev.mcpsec.options;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A bundle as a user names it ({@code --bundle}, {@code <bundles>}): a directory, a jar, or
 * {@code groupId:artifactId:version}, optionally pinned with {@code #sha256=HEX}. Parsed here for the engine, the CLI
 * and the Maven plugin.
 *
 * @param target the path or coordinates
 * @param pin the pinned SHA-256 in lower case, or null when not pinned
 */
public record BundleSpec(String target, String pin) {
    /** What separates a target from its pin. */
    public static final String PIN = "#sha256=";

    /** Splits {@code spec} into its target and its pin. */
    public static BundleSpec parse(String spec) {
        int hash = spec.indexOf(PIN);
        if (hash < 0) {
            return new BundleSpec(spec, null);
        }
        return new BundleSpec(spec.substring(0, hash), spec.substring(hash + PIN.length()).trim().toLowerCase(Locale.ROOT));
    }

    /** True when the target is {@code groupId:artifactId:version} rather than a path. */
    public boolean coordinates() {
        return target.split(":").length == 3 && !target.contains("/") && !target.contains("\\");
    }

    /**
     * The spec with a relative path target resolved by {@code resolve} (against the working directory or the POM's
     * directory), the pin kept as written; coordinates and absolute paths stay as they are.
     */
    public static String resolvePath(String spec, UnaryOperator<String> resolve) {
        int hash = spec.indexOf(PIN);
        String target = hash < 0 ? spec : spec.substring(0, hash);
        BundleSpec parsed = new BundleSpec(target, null);
        if (parsed.coordinates() || Path.of(target).isAbsolute()) {
            return spec;
        }
        return resolve.apply(target) + (hash < 0 ? "" : spec.substring(hash));
    }
}
