package dev.mcpsec.cli;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.ScanRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which advisory data a command loads, on top of the bundles' own, and how old it may be. */
public final class AdvisoryOptions {

    @Option(
            names = "--advisories",
            paramLabel = "PATH",
            description =
                    "Extra advisories in the OSV format: a JSON file, a folder of them, or a zip as OSV "
                            + "publishes its exports (e.g. npm/all.zip). Repeatable. Never downloaded.")
    List<String> advisories = new ArrayList<>();

    @Option(
            names = "--advisories-max-age",
            paramLabel = "DAYS",
            defaultValue = "90",
            description =
                    "Advisory data older than this many days is a warning (default: ${DEFAULT-VALUE}).")
    int maxAgeDays;

    /** Copies these options onto a request builder; a missing path is a usage error. */
    ScanRequest.Builder applyTo(ScanRequest.Builder builder, Environment env) {
        List<Path> paths = new ArrayList<>();
        for (String a : advisories) {
            Path p = env.resolve(a);
            if (!Files.exists(p)) {
                throw new ConfigurationException(
                        "advisories", "advisory path does not exist: " + a);
            }
            paths.add(p);
        }
        if (maxAgeDays < 0) {
            throw new ConfigurationException(
                    "advisoriesMaxAge",
                    "--advisories-max-age must be 0 or more days, not " + maxAgeDays);
        }
        return builder.advisories(paths).advisoriesMaxAge(Duration.ofDays(maxAgeDays));
    }
}
