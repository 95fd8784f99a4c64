package dev.mcpsec.scan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ServerCandidate;
import dev.mcpsec.api.ServerSummary;
import dev.mcpsec.json.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code mcpsec check}: vets one server before anyone adds it, by writing it as the only server of
 * a Claude Code project config ({@code .mcp.json}) in a private temporary folder and scanning that
 * folder with the request's rules, bundles and advisories. Nothing is started. Findings point at
 * the pseudo-file {@value #FILE}.
 */
public final class CandidateCheck {
    /** How findings and the inventory name the checked server's "file". */
    public static final String FILE = "launch line";

    /** The server's name in messages. */
    public static final String SERVER = "candidate";

    /**
     * Rules about the project's own files and registers, which say nothing about a server not yet
     * added.
     */
    static final Set<String> PROJECT_CHECKLISTS =
            Set.of(
                    "source-reviewed",
                    "config-ignored",
                    "committed-secrets",
                    "history-secrets",
                    "key-reuse",
                    "key-rotation");

    private final ScanEngine engine;

    public CandidateCheck(ScanEngine engine) {
        this.engine = engine;
    }

    public ScanResult check(ServerCandidate candidate, ScanRequest request) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mcpsec-check");
            Files.writeString(dir.resolve(".mcp.json"), config(candidate));
            ScanRequest one =
                    request.toBuilder(dir)
                            .includeUser(false)
                            .history(false)
                            .projectPolicies(false)
                            .baseline(null)
                            .excludeRules(PROJECT_CHECKLISTS)
                            .build();
            return relabel(engine.scan(one));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the check in a temporary folder", e);
        } finally {
            delete(dir);
        }
    }

    static String config(ServerCandidate c) {
        ObjectNode root = JsonTrees.object();
        ObjectNode server = root.putObject("mcpServers").putObject(SERVER);
        if (c.url() != null && !c.url().isBlank()) {
            server.put("type", c.transport() == null ? "http" : c.transport());
            server.put("url", c.url());
        } else {
            server.put("command", c.command());
            c.args().forEach(server.putArray("args")::add);
        }
        if (!c.env().isEmpty()) {
            ObjectNode env = server.putObject("env");
            c.env().forEach(env::put);
        }
        try {
            return JsonTrees.pretty(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScanResult relabel(ScanResult r) {
        List<Finding> findings =
                r.findings().stream()
                        .map(
                                f ->
                                        new Finding(
                                                f.ruleId(),
                                                f.checklist(),
                                                f.severity(),
                                                f.title(),
                                                f.message(),
                                                FILE,
                                                0,
                                                0,
                                                f.server(),
                                                f.client(),
                                                f.commit(),
                                                f.remediation(),
                                                f.fingerprint(),
                                                f.bundle()))
                        .toList();
        List<FileSummary> files =
                r.files().stream()
                        .map(
                                f ->
                                        new FileSummary(
                                                FILE,
                                                f.client(),
                                                f.scope(),
                                                f.format(),
                                                null,
                                                null,
                                                f.servers(),
                                                f.error()))
                        .toList();
        List<ServerSummary> servers =
                r.servers().stream()
                        .map(
                                s ->
                                        new ServerSummary(
                                                FILE,
                                                0,
                                                s.name(),
                                                s.client(),
                                                s.scope(),
                                                s.transport(),
                                                s.command(),
                                                s.url(),
                                                s.packageName(),
                                                s.packageVersion(),
                                                s.disabled(),
                                                s.ecosystem(),
                                                s.imageDigest(),
                                                s.credentials()))
                        .toList();
        return new ScanResult(
                r.toolVersion(),
                "mcpsec check",
                files,
                servers,
                findings,
                r.suppressed(),
                r.warnings(),
                r.rules(),
                r.durationMs(),
                List.of(),
                List.of(),
                List.of());
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless; the next boot cleans it
        }
    }
}
