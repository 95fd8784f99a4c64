package dev.mcpsec.discovery;

import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.facts.SkippedConfigs;
import java.util.List;

/**
 * The config files a discovery found, sorted by display path, and what it had to skip.
 *
 * @param truncatedBy set when a limit ({@code maxFiles}) stopped discovery before every config was
 *     found; null otherwise
 */
public record DiscoveryResult(
        List<DiscoveredFile> files, List<ScanWarning> warnings, SkippedConfigs truncatedBy) {
    public DiscoveryResult(List<DiscoveredFile> files, List<ScanWarning> warnings) {
        this(files, warnings, null);
    }
}
