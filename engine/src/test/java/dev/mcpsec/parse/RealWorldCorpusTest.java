package dev.mcpsec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.discovery.DiscoveredFile;
import dev.mcpsec.discovery.Discovery;
import dev.mcpsec.discovery.DiscoveryResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Places each of the 184 committed real-world configs at its original path, discovers and parses
 * it, and compares the server count with an independent plain-Jackson read of the client's
 * top-level key.
 */
class RealWorldCorpusTest {

    private static final String CORPUS = "/corpus/real/";
    private static final String TRUNCATED_FILE = "131-windsurf-mcp.json";

    @TempDir static Path tmp;

    private static final List<String[]> rows = new ArrayList<>();
    private static final Map<String, ConfigDocument> parsed = new HashMap<>();

    @BeforeAll
    static void placeDiscoverAndParse() throws IOException {
        String sources = new String(resource("SOURCES.tsv"), StandardCharsets.UTF_8);
        Map<String, Integer> uses = new HashMap<>();
        Map<Path, Map<String, String>> fileByDisplayPath = new HashMap<>();
        for (String line : sources.split("\n")) {
            String[] cols = line.split("\t");
            if (cols[0].equals("file") || cols.length < 5) {
                continue;
            }
            rows.add(cols);
            int rootIndex = uses.merge(cols[2], 1, Integer::sum);
            Path root = tmp.resolve("root" + rootIndex);
            Path target = root.resolve(cols[2]);
            Files.createDirectories(target.getParent());
            Files.write(target, resource(cols[0]));
            fileByDisplayPath.computeIfAbsent(root, r -> new HashMap<>()).put(cols[2], cols[0]);
        }
        for (Map.Entry<Path, Map<String, String>> root : fileByDisplayPath.entrySet()) {
            DiscoveryResult result =
                    Discovery.discover(root.getKey(), false, null, ScanLimits.defaults());
            assertThat(result.warnings()).isEmpty();
            for (DiscoveredFile f : result.files()) {
                String name = root.getValue().get(f.displayPath());
                assertThat(name).as("discovered %s was placed", f.displayPath()).isNotNull();
                parsed.put(name, ConfigParser.parse(f, ScanLimits.defaults()));
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RealWorldCorpusTest.class.getResourceAsStream(CORPUS + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }

    @Test
    void everyPlacedFile_isDiscovered() {
        assertThat(rows).hasSize(184);
        assertThat(parsed.keySet())
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> r[0]).toList());
    }

    @Test
    void truncatedFile_isAParseErrorWithAPosition() {
        assertThat(parsed.get(TRUNCATED_FILE).parseError()).matches("[1-9]\\d*:[1-9]\\d*: .+");
        assertThat(parsed.entrySet())
                .filteredOn(e -> e.getValue().parseError() != null)
                .extracting(Map.Entry::getKey)
                .containsExactly(TRUNCATED_FILE);
    }

    @Test
    void serverCounts_matchAnIndependentRead() throws IOException {
        int total = 0;
        for (String[] row : rows) {
            if (row[0].equals(TRUNCATED_FILE)) {
                continue;
            }
            int expected = independentCount(row[0], row[4]);
            assertThat(parsed.get(row[0]).servers()).as(row[0]).hasSize(expected);
            total += expected;
        }
        assertThat(total).isEqualTo(359);
    }

    @Test
    void everyServerAndItsValues_haveALine() {
        parsed.values().stream()
                .flatMap(d -> d.servers().stream())
                .forEach(
                        s -> {
                            assertThat(s.line()).as(s.name()).isPositive();
                            if (s.command() != null) {
                                assertThat(s.command().line()).as(s.name()).isPositive();
                            }
                            s.args().forEach(a -> assertThat(a.line()).as(s.name()).isPositive());
                            s.env()
                                    .values()
                                    .forEach(v -> assertThat(v.line()).as(s.name()).isPositive());
                        });
    }

    /**
     * Counts entries under the client's documented key with a plain Jackson tree, not the
     * positional reader.
     */
    private static int independentCount(String file, String kind) throws IOException {
        byte[] bytes = resource(file);
        JsonNode root;
        if (file.endsWith(".toml")) {
            root = new TomlMapper().readTree(bytes);
        } else if (file.endsWith(".yaml")) {
            root = new YAMLMapper().readTree(bytes);
        } else {
            ObjectMapper jsonc =
                    JsonMapper.builder()
                            .enable(
                                    JsonReadFeature.ALLOW_JAVA_COMMENTS,
                                    JsonReadFeature.ALLOW_TRAILING_COMMA)
                            .build();
            root = jsonc.readTree(new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", ""));
        }
        JsonNode servers =
                switch (kind) {
                    case "claude-settings.json", "claude-settings-local.json" -> null;
                    case "vscode-mcp.json" -> root.get("servers");
                    case "opencode.json", "crush.json" -> root.get("mcp");
                    case "zed-settings.json" -> root.get("context_servers");
                    case "codex-config.toml" -> root.get("mcp_servers");
                    case "gemini-settings.json", "amazonq-mcp.json", "continue-config.yaml" ->
                            root.get("mcpServers");
                    default ->
                            root.has("mcpServers") ? root.get("mcpServers") : root.get("servers");
                };
        if (servers == null) {
            return 0;
        }
        return (int)
                StreamSupport.stream(servers.spliterator(), false)
                        .filter(JsonNode::isObject)
                        .count();
    }
}
