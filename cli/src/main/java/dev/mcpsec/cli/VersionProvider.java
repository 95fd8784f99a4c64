package dev.mcpsec.cli;

import dev.mcpsec.engine.Mcpsec;
import picocli.CommandLine;

/** {@code --version}: the engine's version, the one the reports carry. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return Mcpsec.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"mcpsec " + version()};
    }
}
