package dev.mcpsec.discovery;

import dev.mcpsec.api.ScanWarning;

import java.util.List;

/** The config files a discovery found, sorted by display path, and what it had to skip. */
public record DiscoveryResult(List<DiscoveredFile> files, List<ScanWarning> warnings) {
}
