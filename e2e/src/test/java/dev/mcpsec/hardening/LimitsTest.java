package dev.mcpsec.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every limit of {@link ScanLimits} (docs/limits.md), hit on purpose: a warning or file error
 * naming it, no hang.
 */
@Timeout(120)
class LimitsTest {

    @TempDir Path tmp;

    private static ScanLimits with(String limit, Object value) {
        ScanLimits d = ScanLimits.defaults();
        return new ScanLimits(
                limit.equals("maxFileBytes") ? (Long) value : d.maxFileBytes(),
                limit.equals("maxNestingDepth") ? (Integer) value : d.maxNestingDepth(),
                limit.equals("maxFiles") ? (Integer) value : d.maxFiles(),
                limit.equals("maxWalkDepth") ? (Integer) value : d.maxWalkDepth(),
                limit.equals("maxServers") ? (Integer) value : d.maxServers(),
                limit.equals("maxValueLength") ? (Integer) value : d.maxValueLength(),
                limit.equals("historyMaxCommits") ? (Integer) value : d.historyMaxCommits(),
                limit.equals("historyMaxTime") ? (Duration) value : d.historyMaxTime(),
                limit.equals("historyMaxBlobBytes") ? (Long) value : d.historyMaxBlobBytes(),
                limit.equals("scanTimeout") ? (Duration) value : d.scanTimeout());
    }

    private static String servers(int n) {
        StringBuilder b = new StringBuilder("{\"mcpServers\":{");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("\"s")
                    .append(i)
                    .append("\":{\"command\":\"npx\",\"args\":[\"p@1\"]}");
        }
        return b.append("}}").toString();
    }

    private static List<String> reported(ScanResult r) {
        List<String> all = new java.util.ArrayList<>(Tree.messages(r));
        r.files().stream()
                .filter(f -> f.error() != null)
                .forEach(f -> all.add(f.file() + ": " + f.error()));
        return all;
    }

    @Test
    void fileSize_isReportedAndTheFileNotParsed() {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", servers(50));
        ScanResult r = t.scan(with("maxFileBytes", 1000L));
        assertThat(reported(r))
                .anyMatch(m -> m.startsWith(".mcp.json") && m.contains("(maxFileBytes)"));
        assertThat(r.servers()).isEmpty();
    }

    @Test
    void nestingDepth_isReportedForJsonYamlAndToml() {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
        t.write(
                ".continue/config.yaml",
                "a:\n" + "  ".repeat(1) + "[".repeat(3000) + "]".repeat(3000) + "\n");
        t.write(".codex/config.toml", "a = " + "[".repeat(3000) + "]".repeat(3000) + "\n");
        ScanResult r = t.scan(with("maxNestingDepth", 16));
        assertThat(reported(r))
                .anyMatch(m -> m.startsWith(".mcp.json") && m.contains("(maxNestingDepth)"))
                .anyMatch(m -> m.startsWith(".continue/config.yaml") && m.contains("nesting"))
                .anyMatch(m -> m.startsWith(".codex/config.toml") && m.contains("nesting"));
    }

    @Test
    void numberOfFiles_stopsDiscoveryWithAWarning() {
        Tree t = new Tree(tmp);
        for (int i = 0; i < 5; i++) {
            t.write("p" + i + "/.mcp.json", servers(1));
        }
        ScanResult r = t.scan(with("maxFiles", 2));
        assertThat(r.files()).hasSize(2);
        assertThat(reported(r)).anyMatch(m -> m.contains("(maxFiles)"));
    }

    @Test
    void walkDepth_stopsTheWalkWithAWarning() {
        Tree t = new Tree(tmp);
        t.write("a/b/c/d/e/f/.mcp.json", servers(1));
        ScanResult r = t.scan(with("maxWalkDepth", 3));
        assertThat(r.files()).isEmpty();
        assertThat(reported(r)).anyMatch(m -> m.contains("(maxWalkDepth)"));
    }

    @Test
    void numberOfServers_keepsTheFirstOnesWithAWarning() {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", servers(30));
        ScanResult r = t.scan(with("maxServers", 5));
        assertThat(r.servers()).hasSize(5);
        assertThat(reported(r)).anyMatch(m -> m.contains("(maxServers)"));
    }

    @Test
    void valueLength_isReportedAndTheValueNotInspected() {
        Tree t = new Tree(tmp);
        t.write(
                ".mcp.json",
                "{\"mcpServers\":{\"s\":{\"command\":\"npx\",\"args\":[\"p@1\"],\"env\":{\"API_KEY\":\""
                        + "a1B2".repeat(100)
                        + "\"}}}}");
        ScanResult r = t.scan(with("maxValueLength", 64));
        assertThat(reported(r))
                .anyMatch(m -> m.contains("env.API_KEY") && m.contains("(maxValueLength)"));
    }

    @Test
    void historyCommitsTimeAndBlobSize_areReported() throws Exception {
        Tree t = new Tree(tmp);
        try (Git git = Git.init().setDirectory(t.root.toFile()).setInitialBranch("main").call()) {
            for (int i = 1; i <= 4; i++) {
                t.write(".mcp.json", servers(i * 20));
                git.add().addFilepattern(".").call();
                git.commit()
                        .setMessage("c" + i)
                        .setAuthor("t", "t@example.invalid")
                        .setCommitter("t", "t@example.invalid")
                        .setSign(false)
                        .call();
            }
        }
        assertThat(reported(t.scan(with("historyMaxCommits", 2))))
                .anyMatch(m -> m.contains("commit limit"));
        assertThat(reported(t.scan(with("historyMaxTime", Duration.ZERO))))
                .anyMatch(m -> m.contains("time limit"));
        assertThat(reported(t.scan(with("historyMaxBlobBytes", 100L))))
                .anyMatch(m -> m.contains("maxBlobBytes"));
    }

    @Test
    void totalScanTime_endsTheScanWithAPartialResultAndAWarning() {
        Tree t = new Tree(tmp);
        t.write(".mcp.json", servers(3));
        ScanResult r = t.scan(with("scanTimeout", Duration.ZERO));
        assertThat(reported(r))
                .anyMatch(m -> m.contains("(scanTimeout)") && m.contains("not parsed"));
        assertThat(r.files()).extracting(FileSummary::file).isEmpty();
    }
}
