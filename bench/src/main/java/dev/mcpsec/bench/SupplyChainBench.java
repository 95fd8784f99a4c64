package dev.mcpsec.bench;

import dev.mcpsec.facts.McpServer;
import dev.mcpsec.supply.AdvisoryIndex;
import dev.mcpsec.supply.AdvisorySet;
import dev.mcpsec.supply.LookAlikes;
import dev.mcpsec.supply.OsvReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Supply-chain matching cost, run by {@code scripts/bench-supply.sh}: reads the built-in
 * advisories, matches 7,000 servers shaped like the generated tree of {@code scripts/bench-scan.sh}
 * (index build + match, and look-alike checks; best of 30), then reads a generated OSV export of N
 * records (one per zip entry, as OSV publishes all.zip) keeping 3 packages. Arguments: the
 * advisories folder, N.
 */
public final class SupplyChainBench {
    private SupplyChainBench() {}

    public static void main(String[] a) throws IOException {
        long t0 = System.nanoTime();
        AdvisorySet builtin = OsvReader.read(Path.of(a[0]));
        long t1 = System.nanoTime();
        List<McpServer> servers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            servers.add(s("stripe" + i, "npm", "@stripe/mcp", "0.2.4"));
            servers.add(s("fs" + i, "npm", "@modelcontextprotocol/server-filesystem", null));
            servers.add(s("db" + i, "npm", "@modelcontextprotocol/server-postgres", "0.6.2"));
            servers.add(s("gh" + i, "oci", "ghcr.io/github/github-mcp-server", null));
            servers.add(s("slack" + i, "npm", "@modelcontextprotocol/server-slack", null));
            servers.add(s("notion" + i, "npm", "@notionhq/notion-mcp-server", null));
            servers.add(s("metrics" + i, null, null, null));
        }
        LookAlikes la =
                new LookAlikes(
                        Map.of(
                                "npm",
                                List.of(
                                        "@modelcontextprotocol/",
                                        "@playwright/mcp",
                                        "@stripe/mcp",
                                        "@notionhq/notion-mcp-server",
                                        "@supabase/mcp-server-supabase",
                                        "@github/",
                                        "@upstash/context7-mcp",
                                        "@sentry/mcp-server",
                                        "@cloudflare/",
                                        "@anthropic-ai/",
                                        "mcp-remote"),
                                "docker",
                                List.of(
                                        "ghcr.io/github/github-mcp-server",
                                        "mcp/",
                                        "docker.io/mcp/")));
        long best = Long.MAX_VALUE;
        long bestLa = Long.MAX_VALUE;
        int matches = 0;
        for (int r = 0; r < 30; r++) {
            long s0 = System.nanoTime();
            AdvisoryIndex idx = new AdvisoryIndex(List.of(builtin));
            int m = 0;
            for (McpServer s : servers) {
                m += idx.match(s).size();
            }
            long s1 = System.nanoTime();
            for (McpServer s : servers) {
                if (s.packageName() != null) {
                    la.check(s.ecosystem(), s.packageName());
                }
            }
            long s2 = System.nanoTime();
            best = Math.min(best, s1 - s0);
            bestLa = Math.min(bestLa, s2 - s1);
            matches = m;
        }
        System.out.printf(
                "builtin read %.1f ms (%d records); index+match of %d servers best %.2f ms (%d matches); "
                        + "look-alikes best %.2f ms%n",
                (t1 - t0) / 1e6,
                builtin.total(),
                servers.size(),
                best / 1e6,
                matches,
                bestLa / 1e6);
        // a large export as OSV publishes it: N records in one zip
        int n = Integer.parseInt(a[1]);
        Path zip = Files.createTempFile("osv", ".zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < n; i++) {
                z.putNextEntry(new ZipEntry("GHSA-" + i + ".json"));
                z.write(
                        ("{\"schema_version\":\"1.6.0\",\"id\":\"GHSA-"
                                        + i
                                        + "\",\"modified\":\"2026-11-01T00:00:00Z\","
                                        + "\"aliases\":[\"CVE-2099-"
                                        + i
                                        + "\"],\"summary\":\"s\",\"details\":\""
                                        + "d".repeat(600)
                                        + "\",\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"pkg-"
                                        + i
                                        + "\"},"
                                        + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"1.2.3\"}]}]}],"
                                        + "\"references\":[{\"type\":\"ADVISORY\",\"url\":\"https://example.com/"
                                        + i
                                        + "\"}]}")
                                .getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        Set<String> wanted =
                Set.of("@stripe/mcp", "@modelcontextprotocol/server-filesystem", "pkg-17");
        long bestRead = Long.MAX_VALUE;
        int kept = 0;
        for (int r = 0; r < 3; r++) {
            long r0 = System.nanoTime();
            AdvisorySet big = OsvReader.read(zip, af -> wanted.contains(af.name()));
            bestRead = Math.min(bestRead, System.nanoTime() - r0);
            kept = big.advisories().size();
        }
        System.out.printf(
                "export of %d records (%.1f MB zip): read+filter best %.0f ms, kept %d%n",
                n, Files.size(zip) / 1e6, bestRead / 1e6, kept);
        Files.delete(zip);
    }

    private static McpServer s(String name, String eco, String pkg, String ver) {
        return McpServer.builder()
                .name(name)
                .file("x/.mcp.json")
                .line(1)
                .column(1)
                .client("claude-code")
                .scope("project")
                .transport("stdio")
                .command("npx")
                .args(List.of())
                .launcher(eco == null ? "binary" : "npx")
                .ecosystem(eco)
                .packageName(pkg)
                .packageVersion(ver)
                .disabled(false)
                .build();
    }
}
