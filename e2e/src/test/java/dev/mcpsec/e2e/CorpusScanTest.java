package dev.mcpsec.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-world corpus, each file at the path its repository had it, scanned with the built-in
 * rules: nothing crashes, the truncated file is a parse error, and every secret-shaped finding
 * stays masked.
 */
class CorpusScanTest {
    private static final Path CORPUS = Path.of("../engine/src/test/resources/corpus/real");

    @TempDir Path dir;

    @Test
    void everyCorpusFile_scansWithoutACrash() throws Exception {
        List<String[]> rows =
                Files.readAllLines(CORPUS.resolve("SOURCES.tsv")).stream()
                        .skip(1)
                        .map(l -> l.split("\t"))
                        .toList();
        Map<String, Integer> rootsByPath = new HashMap<>();
        Map<String, Integer> findingsByChecklist = new TreeMap<>();
        List<String> parseErrors = new ArrayList<>();
        int servers = 0;
        int files = 0;
        Files.createDirectories(dir.resolve("home"));
        for (String[] row : rows) {
            int n = rootsByPath.merge(row[2], 1, Integer::sum);
            Path root = dir.resolve("root" + n);
            Path target = root.resolve(row[2]);
            Files.createDirectories(target.getParent());
            Files.copy(CORPUS.resolve(row[0]), target);
        }
        for (int i = 1; i <= rootsByPath.values().stream().max(Integer::compare).orElse(0); i++) {
            ScanResult r =
                    Mcpsec.create()
                            .scan(
                                    ScanRequest.builder(dir.resolve("root" + i))
                                            .home(dir.resolve("home"))
                                            .history(false)
                                            .build());
            files += r.files().size();
            servers += r.servers().size();
            r.files().stream()
                    .filter(f -> f.error() != null)
                    .map(FileSummary::file)
                    .forEach(parseErrors::add);
            for (Finding f : r.findings()) {
                findingsByChecklist.merge(f.checklist(), 1, Integer::sum);
                assertThat(f.message()).doesNotContain("FAKE0FAKE0FAKE0", "fa4e0fa4e0fa4e0");
            }
        }
        System.out.println(
                "corpus: "
                        + files
                        + " files, "
                        + servers
                        + " servers, findings by checklist "
                        + findingsByChecklist
                        + ", parse errors "
                        + parseErrors);
        assertThat(files).isEqualTo(rows.size());
        assertThat(parseErrors).hasSize(1);
        assertThat(servers).isEqualTo(359);
    }
}
