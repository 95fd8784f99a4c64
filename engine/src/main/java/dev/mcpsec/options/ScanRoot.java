package dev.mcpsec.options;

import dev.mcpsec.api.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check of a directory to scan (or to test), made once for the engine, the CLI and the Maven
 * plugin.
 */
public final class ScanRoot {
    private ScanRoot() {}

    /**
     * {@code path} made absolute and normal, when it is a readable directory; a {@link
     * ConfigurationException} if not.
     */
    public static Path validate(Path path) {
        return validate(path, String.valueOf(path));
    }

    /**
     * As {@link #validate(Path)}, naming the directory as {@code shown} (what the user typed) in
     * the message.
     */
    public static Path validate(Path path, String shown) {
        if (path == null || !Files.exists(path)) {
            throw new ConfigurationException("root", "path does not exist: " + shown);
        }
        if (!Files.isDirectory(path)) {
            throw new ConfigurationException(
                    "root", "not a directory: " + shown + " (give the project folder to scan)");
        }
        if (!Files.isReadable(path)) {
            throw new ConfigurationException("root", "cannot read directory: " + shown);
        }
        return path.toAbsolutePath().normalize();
    }
}
