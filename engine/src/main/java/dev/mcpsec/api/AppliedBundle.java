package dev.mcpsec.api;

/**
 * A policy bundle a scan applied, as reports record it (SARIF {@code runs[].tool.extensions}).
 *
 * @param sha256 SHA-256 of the jar, or of the bundle directory's files, or null when not computed
 *     (project policies)
 */
public record AppliedBundle(String id, String version, String origin, String sha256) {}
