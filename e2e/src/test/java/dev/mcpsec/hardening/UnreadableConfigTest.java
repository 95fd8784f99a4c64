package dev.mcpsec.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.Severity;
import dev.mcpsec.secrets.FakeSecrets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 3: a tracked config holding a live key must fail the gate even when it cannot be
 * read completely (bad bytes, deep nesting, a huge number, over the size limit, over the server
 * limit), and configs nearest the root are read first when {@code maxFiles} stops discovery, which
 * itself fails the gate.
 */
@Timeout(120)
class UnreadableConfigTest {

    @TempDir Path tmp;

    private final String key = FakeSecrets.generate("stripe-live", new Random(11));

    private String entry(String name) {
        return "\""
                + name
                + "\":{\"command\":\"npx\",\"args\":[\"-y\",\"@stripe/mcp@1.0.0\"],"
                + "\"env\":{\"STRIPE_SECRET_KEY\":\""
                + key
                + "\"}}";
    }

    private static void commitAll(Tree t) throws Exception {
        try (Git git = Git.init().setDirectory(t.root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("c")
                    .setAuthor("t", "t@example.invalid")
                    .setCommitter("t", "t@example.invalid")
                    .setSign(false)
                    .call();
        }
    }

    private static ScanLimits withMaxFiles(int n) {
        ScanLimits d = ScanLimits.defaults();
        return new ScanLimits(
                d.maxFileBytes(),
                d.maxNestingDepth(),
                n,
                d.maxWalkDepth(),
                d.maxServers(),
                d.maxValueLength(),
                d.historyMaxCommits(),
                d.historyMaxTime(),
                d.historyMaxBlobBytes(),
                d.scanTimeout());
    }

    /**
     * The gate at its default (high) fails, the file is reported unreadable and the key is still
     * found.
     */
    private void assertGateFailsAndKeyIsSeen(ScanResult r, String reasonPart) {
        assertThat(r.findings())
                .as("findings")
                .anyMatch(
                        f ->
                                f.ruleId().equals("MCP-CFG-003")
                                        && f.checklist().equals("unreadable-config")
                                        && f.severity().compareTo(Severity.HIGH) <= 0
                                        && f.file().equals(".mcp.json")
                                        && f.message().contains(reasonPart));
        assertThat(r.findings())
                .as("the key itself")
                .anyMatch(
                        f ->
                                f.checklist().equals("committed-secrets")
                                        && ".mcp.json".equals(f.file())
                                        && f.severity() == Severity.CRITICAL);
        assertThat(r.findings().stream().map(Finding::toString))
                .noneMatch(s -> s.contains(key.substring(8, 20)));
    }

    @Test
    void invalidUtf8Byte_isDecodedLenientlyAndFailsTheGate() throws Exception {
        Tree t = new Tree(tmp);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(
                ("{\"mcpServers\":{\"x\":{\"command\":\"npx\",\"args\":[\"caf")
                        .getBytes(StandardCharsets.UTF_8));
        b.write(0xE9); // Latin-1 é: not UTF-8
        b.writeBytes(("\"]}," + entry("stripe") + "}}").getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(t.root);
        Files.write(t.root.resolve(".mcp.json"), b.toByteArray());
        commitAll(t);

        ScanResult r = t.scan();

        assertGateFailsAndKeyIsSeen(r, "UTF-8");
        // the readable part is parsed as usual: both servers are there, and the key is tied to its
        // server
        assertThat(r.servers()).hasSize(2);
        assertThat(r.findings())
                .anyMatch(
                        f ->
                                "stripe".equals(f.server())
                                        && f.checklist().equals("committed-secrets"));
    }

    @Test
    void deepNesting_isSearchedAsRawText() throws Exception {
        Tree t = new Tree(tmp);
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{"
                        + entry("stripe")
                        + "},\"x\":"
                        + "[".repeat(200)
                        + "]".repeat(200)
                        + "}");
        commitAll(t);
        assertGateFailsAndKeyIsSeen(t.scan(), "maxNestingDepth");
    }

    @Test
    void thousandAndOneDigitNumber_isSearchedAsRawText() throws Exception {
        Tree t = new Tree(tmp);
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{" + entry("stripe") + "},\"n\":" + "9".repeat(1001) + "}");
        commitAll(t);
        assertGateFailsAndKeyIsSeen(t.scan(), "");
    }

    @Test
    void fileOverTheSizeLimit_isSearchedUpToTheLimit() throws Exception {
        Tree t = new Tree(tmp);
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{"
                        + entry("stripe")
                        + "},\"pad\":\""
                        + "x".repeat(3 << 20)
                        + "\"}");
        commitAll(t);
        assertGateFailsAndKeyIsSeen(t.scan(), "maxFileBytes");
    }

    @Test
    void serversOverTheLimit_areSearchedAsRawText() throws Exception {
        Tree t = new Tree(tmp);
        StringBuilder s = new StringBuilder("{\"mcpServers\":{");
        for (int i = 0; i < 1000; i++) {
            s.append("\"s").append(i).append("\":{\"command\":\"npx\",\"args\":[\"p@1\"]},");
        }
        s.append(entry("stripe")).append("}}");
        t.write(".mcp.json", s.toString());
        commitAll(t);
        assertGateFailsAndKeyIsSeen(t.scan(), "maxServers");
    }

    @Test
    void maxFiles_readsTheConfigsNearestTheRootFirstAndFailsTheGate() throws Exception {
        Tree t = new Tree(tmp);
        // names that sort before the root file, at every depth
        t.write(
                "a/b/c/.mcp.json",
                "{\"mcpServers\":{\"deep\":{\"command\":\"npx\",\"args\":[\"p@1\"]}}}");
        t.write(
                "a/b/.mcp.json",
                "{\"mcpServers\":{\"mid\":{\"command\":\"npx\",\"args\":[\"p@1\"]}}}");
        t.write(
                "a/.cursor/mcp.json",
                "{\"mcpServers\":{\"top\":{\"command\":\"npx\",\"args\":[\"p@1\"]}}}");
        t.write(".mcp.json", "{\"mcpServers\":{" + entry("stripe") + "}}");
        commitAll(t);

        ScanResult r = t.scan(withMaxFiles(2));

        assertThat(r.files())
                .extracting(FileSummary::file)
                .containsExactlyInAnyOrder(".mcp.json", "a/.cursor/mcp.json");
        assertThat(r.findings())
                .anyMatch(
                        f ->
                                f.checklist().equals("committed-secrets")
                                        && ".mcp.json".equals(f.file()));
        assertThat(r.findings())
                .anyMatch(
                        f ->
                                f.ruleId().equals("MCP-CFG-004")
                                        && f.severity().compareTo(Severity.HIGH) <= 0
                                        && f.message().contains("maxFiles"));
    }

    @Test
    void scanTimeout_thatSkipsConfigs_failsTheGate() throws Exception {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"p@1\"]}}}");
        ScanLimits d = ScanLimits.defaults();
        ScanResult r =
                t.scan(
                        new ScanLimits(
                                d.maxFileBytes(),
                                d.maxNestingDepth(),
                                d.maxFiles(),
                                d.maxWalkDepth(),
                                d.maxServers(),
                                d.maxValueLength(),
                                d.historyMaxCommits(),
                                d.historyMaxTime(),
                                d.historyMaxBlobBytes(),
                                Duration.ZERO));
        assertThat(r.findings())
                .anyMatch(
                        f ->
                                f.ruleId().equals("MCP-CFG-004")
                                        && f.message().contains("scanTimeout"));
    }

    @Test
    void aCompleteConfig_isNoFinding() throws Exception {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"p@1\"]}}}");
        commitAll(t);
        assertThat(t.scan().findings()).noneMatch(f -> f.checklist().equals("unreadable-config"));
    }
}
