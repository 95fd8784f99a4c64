package dev.mcpsec.api;

/**
 * How a bundle spec ({@code --bundle}, the plugin's {@code <bundles>}) is read, in one place for the engine and every
 * front end. Coordinates are only ever looked up in the local Maven repository; a path is a path only when written as
 * one. A spec may end in {@code #sha256=HEX}.
 */
public final class BundleSpec {
    private static final String PIN = "#sha256=";

    private BundleSpec() {
    }

    /**
     * True when a spec (without its {@code #sha256=} pin) is {@code groupId:artifactId:version}: three non-empty parts
     * and no path separator. Coordinates are only ever looked up in the local Maven repository, never as a path.
     */
    public static boolean isCoordinates(String target) {
        String[] gav = target.split(":", -1);
        return gav.length == 3 && !target.contains("/") && !target.contains("\\")
                && !gav[0].isBlank() && !gav[1].isBlank() && !gav[2].isBlank();
    }

    /**
     * True when a spec (without its pin) is written as a path: it starts with {@code ./}, {@code ../} or {@code /}
     * (or their Windows forms, or a drive letter), is {@code .} or {@code ..}, or is not coordinates and ends in
     * {@code .jar}. A bare name is neither, so that a folder in the working directory named like coordinates can
     * never stand in for a bundle.
     */
    public static boolean isPath(String target) {
        if (target.equals(".") || target.equals("..") || target.startsWith("./") || target.startsWith("../")
                || target.startsWith("/") || target.startsWith(".\\") || target.startsWith("..\\")
                || target.startsWith("\\") || target.matches("[A-Za-z]:[\\\\/].*")) {
            return true;
        }
        return !isCoordinates(target) && target.endsWith(".jar");
    }

    /** The split of a spec into its target and its pin suffix ({@code #sha256=...}, or empty). */
    public static String[] splitPin(String spec) {
        int hash = spec.indexOf(PIN);
        return hash < 0 ? new String[] {spec, ""} : new String[] {spec.substring(0, hash), spec.substring(hash)};
    }
}
