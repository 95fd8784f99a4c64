package dev.mcpsec.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The mcpsec version, from a resource Maven filters at build time. */
final class Version {
    private Version() {
    }

    static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/mcpsec/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
