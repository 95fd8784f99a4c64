package dev.mcpsec.cli;

import dev.mcpsec.api.ConfigurationException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of user-given directories, phrased as the CLI reports them. */
final class Paths {
    private Paths() {
    }

    /** The directory {@code path} names, resolved against the working directory; exit 2 when it is not one. */
    static Path existingDirectory(Environment env, String path) {
        Path resolved = env.resolve(path);
        if (!Files.exists(resolved)) {
            throw new ConfigurationException("root", "path does not exist: " + path);
        }
        if (!Files.isDirectory(resolved)) {
            throw new ConfigurationException("root", "not a directory: " + path);
        }
        if (!Files.isReadable(resolved)) {
            throw new ConfigurationException("root", "cannot read directory: " + path);
        }
        return resolved;
    }
}
