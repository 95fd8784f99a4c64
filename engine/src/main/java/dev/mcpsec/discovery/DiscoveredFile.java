package dev.mcpsec.discovery;

import java.nio.file.Path;

/**
 * A config file found on disk.
 *
 * @param displayPath relative to the scan root with forward slashes, or {@code ~/...} for user
 *     files
 * @param scope {@code project}, {@code user} or {@code system}
 */
public record DiscoveredFile(Path path, String displayPath, CatalogEntry entry, String scope) {}
