package dev.mcpsec.supply;

import dev.mcpsec.facts.McpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * OSV records and exports written the way OSV publishes them, and servers to match them against.
 */
final class OsvTestData {
    private OsvTestData() {}

    /**
     * A GitHub-reviewed advisory as OSV serves it (schema 1.6, ECOSYSTEM range, database_specific
     * of GitHub).
     */
    static String ghsa(
            String id,
            String cve,
            String ecosystem,
            String name,
            String introduced,
            String fixed,
            String modified) {
        return """
                {
                  "schema_version": "1.6.0",
                  "id": "%s",
                  "modified": "%s",
                  "published": "2025-07-09T15:30:44Z",
                  "aliases": ["%s"],
                  "summary": "%s has a test vulnerability",
                  "details": "Details of %s.",
                  "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H"}],
                  "affected": [{
                    "package": {"ecosystem": "%s", "name": "%s", "purl": "pkg:npm/%s"},
                    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "%s"}, {"fixed": "%s"}]}],
                    "database_specific": {"source": "https://github.com/github/advisory-database"}
                  }],
                  "references": [
                    {"type": "ADVISORY", "url": "https://nvd.nist.gov/vuln/detail/%s"},
                    {"type": "PACKAGE", "url": "https://example.com/%s"}
                  ],
                  "database_specific": {"cwe_ids": ["CWE-78"], "severity": "CRITICAL", "github_reviewed": true}
                }
                """
                .formatted(
                        id,
                        modified,
                        cve,
                        name,
                        id,
                        ecosystem,
                        name,
                        name,
                        introduced,
                        fixed,
                        cve,
                        name);
    }

    /**
     * An OpenSSF malicious-packages record as OSV serves it (MAL- id, SEMVER range without a fix).
     */
    static String mal(String id, String name, String introduced, String modified) {
        return """
                {
                  "schema_version": "1.5.0",
                  "id": "%s",
                  "modified": "%s",
                  "published": "%s",
                  "summary": "Malicious code in %s (npm)",
                  "details": "This package contains malicious code.",
                  "affected": [{
                    "package": {"ecosystem": "npm", "name": "%s"},
                    "ranges": [{"type": "SEMVER", "events": [{"introduced": "%s"}]}],
                    "database_specific": {"malicious-packages-origins": [{"source": "test"}]}
                  }],
                  "references": [{"type": "WEB", "url": "https://example.com/report/%s"}]
                }
                """
                .formatted(id, modified, modified, name, name, introduced, name);
    }

    /**
     * A zip with one record per entry at its top level, as {@code <ecosystem>/all.zip} of OSV's
     * bucket is laid out.
     */
    static Path zip(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    static McpServer npm(String name, String pkg, String version) {
        return new McpServer(
                name,
                ".mcp.json",
                3,
                5,
                "claude-code",
                "project",
                "stdio",
                "npx",
                List.of("-y", version == null ? pkg : pkg + "@" + version),
                null,
                null,
                "npx",
                "npm",
                pkg,
                version,
                null,
                false);
    }

    static McpServer pypi(String name, String pkg, String version) {
        return new McpServer(
                name,
                ".mcp.json",
                3,
                5,
                "claude-code",
                "project",
                "stdio",
                "uvx",
                List.of(version == null ? pkg : pkg + "==" + version),
                null,
                null,
                "uvx",
                "pypi",
                pkg,
                version,
                null,
                false);
    }

    static McpServer image(String name, String image, String tag, String digest) {
        return new McpServer(
                name,
                ".mcp.json",
                3,
                5,
                "claude-code",
                "project",
                "stdio",
                "docker",
                List.of("run", "-i", image),
                null,
                null,
                "docker",
                "oci",
                image,
                tag,
                digest,
                false);
    }
}
