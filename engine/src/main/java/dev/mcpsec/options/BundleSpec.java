package dev.mcpsec.options;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A bundle as a user names it ({@code --bundle}, {@code <bundles>}): a path written as one, or
 * {@code groupId:artifactId:version}, optionally pinned with {@code #sha256=HEX}. Parsed here, in
 * one place, for the engine, the CLI and the Maven plugin. Coordinates are only ever looked up in
 * the local Maven repository; a path is a path only when written as one ({@code ./x}, {@code ../x},
 * {@code /x}, or a name ending in {@code .jar}), so that a folder named like coordinates can never
 * stand in for a bundle. A spec that is neither is refused by the engine.
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
        return new BundleSpec(
                spec.substring(0, hash),
                spec.substring(hash + PIN.length()).trim().toLowerCase(Locale.ROOT));
    }

    /**
     * True when the target is {@code groupId:artifactId:version} (see {@link
     * #isCoordinates(String)}).
     */
    public boolean coordinates() {
        return isCoordinates(target);
    }

    /** True when the target is written as a path (see {@link #isPath(String)}). */
    public boolean path() {
        return isPath(target);
    }

    /**
     * True when a target (a spec without its {@code #sha256=} pin) is {@code
     * groupId:artifactId:version}: three non-empty parts and no path separator. Coordinates are
     * only ever looked up in the local Maven repository, never as a path.
     */
    public static boolean isCoordinates(String target) {
        String[] gav = target.split(":", -1);
        return gav.length == 3
                && !target.contains("/")
                && !target.contains("\\")
                && !gav[0].isBlank()
                && !gav[1].isBlank()
                && !gav[2].isBlank();
    }

    /**
     * True when a target (a spec without its pin) is written as a path: it starts with {@code ./},
     * {@code ../} or {@code /} (or their Windows forms, or a drive letter), is {@code .} or {@code
     * ..}, or is not coordinates and ends in {@code .jar}. A bare name is neither, so that a folder
     * in the working directory named like coordinates can never stand in for a bundle.
     */
    public static boolean isPath(String target) {
        if (target.equals(".")
                || target.equals("..")
                || target.startsWith("./")
                || target.startsWith("../")
                || target.startsWith("/")
                || target.startsWith(".\\")
                || target.startsWith("..\\")
                || target.startsWith("\\")
                || target.matches("[A-Za-z]:[\\\\/].*")) {
            return true;
        }
        return !isCoordinates(target) && target.endsWith(".jar");
    }

    /**
     * The spec with a relative target written as a path resolved by {@code resolve} (against the
     * working directory or the POM's directory), the pin kept as written; coordinates, absolute
     * paths and anything not written as a path (which the engine refuses) stay as they are and are
     * never looked up as files.
     */
    public static String resolvePath(String spec, UnaryOperator<String> resolve) {
        int hash = spec.indexOf(PIN);
        String target = hash < 0 ? spec : spec.substring(0, hash);
        if (!isPath(target) || Path.of(target).isAbsolute()) {
            return spec;
        }
        return resolve.apply(target) + (hash < 0 ? "" : spec.substring(hash));
    }
}
