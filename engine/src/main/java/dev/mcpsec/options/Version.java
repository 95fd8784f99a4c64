package dev.mcpsec.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The mcpsec version, from a resource Maven filters at build time: the one the reports and {@code
 * --version} show.
 */
public final class Version {
    private Version() {}

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/mcpsec/version.properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "dev/mcpsec/version.properties is missing from the engine jar");
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version");
            if (version == null || version.isBlank()) {
                throw new IllegalStateException("dev/mcpsec/version.properties has no version");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
