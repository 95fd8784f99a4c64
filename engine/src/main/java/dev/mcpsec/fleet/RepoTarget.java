package dev.mcpsec.fleet;

import java.nio.file.Path;

/**
 * One repository of a fleet.
 *
 * @param name the repository's name in reports (folder name, {@code .git} suffix dropped), unique
 *     within a run
 * @param path where it lives: a clone's work tree or a bare mirror's git directory
 * @param kind clone or bare mirror
 */
public record RepoTarget(String name, Path path, Kind kind) {

    /** How a repository is laid out on disk. */
    public enum Kind {
        /** A work tree with a {@code .git} folder or file. */
        CLONE,
        /** A bare repository ({@code git clone --mirror}): read from its objects, no checkout. */
        MIRROR;

        /** The lower-case name used in reports. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
