package dev.mcpsec.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.discovery.CatalogEntry;
import dev.mcpsec.discovery.ConfigShape;
import dev.mcpsec.parse.ConfigDocument;
import dev.mcpsec.parse.ConfigParser;
import dev.mcpsec.secrets.DetectorOptions;
import dev.mcpsec.secrets.FakeSecrets;
import dev.mcpsec.secrets.Fingerprinter;
import dev.mcpsec.secrets.SecretDetector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The DRL-free end of the pipeline: bytes → config document → facts (servers, settings,
 * credentials, references, filesystem roots), as the scan engine runs it before rules. Property: no
 * exception, and no credential fact's masked value, detector note or fingerprint, nor any warning,
 * shows a fake secret planted through {@code @@FAKE:<kind>@@} tokens.
 */
class PipelineFuzzTest {

    private static final ScanLimits LIMITS =
            new ScanLimits(
                    64 * 1024,
                    16,
                    100,
                    8,
                    20,
                    4096,
                    10,
                    Duration.ofSeconds(1),
                    64 * 1024,
                    Duration.ofSeconds(10));
    private static final CatalogEntry MCP =
            new CatalogEntry(
                    "claude-code",
                    "project",
                    ".mcp.json",
                    "jsonc",
                    ConfigShape.MCP_SERVERS,
                    "servers");
    private static final CatalogEntry VSCODE =
            new CatalogEntry(
                    "vscode",
                    "project",
                    ".vscode/mcp.json",
                    "jsonc",
                    ConfigShape.VSCODE,
                    "servers");
    private static final CatalogEntry CODEX =
            new CatalogEntry(
                    "codex", "project", ".codex/config.toml", "toml", ConfigShape.CODEX, "servers");
    private static final CatalogEntry CONTINUE =
            new CatalogEntry(
                    "continue",
                    "project",
                    ".continue/config.yaml",
                    "yaml",
                    ConfigShape.CONTINUE,
                    "servers");

    private final FactExtractor extractor =
            new FactExtractor(
                    new SecretDetector(
                            DetectorOptions.defaults().withMaxValueLength(LIMITS.maxValueLength())),
                    new Fingerprinter("fuzz"),
                    Path.of("/nonexistent-fuzz-root"),
                    null);

    @FuzzTest(maxDuration = "90s")
    void configToFacts(byte[] data) {
        Map<String, String> planted = new HashMap<>();
        String text = new String(data, StandardCharsets.UTF_8);
        if (text.contains("@@FAKE:")) {
            try {
                text = FakeSecrets.expandFakes(text, new Random(7), planted);
            } catch (IllegalArgumentException unknownKind) {
                planted.clear();
            }
        }
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        for (CatalogEntry entry : List.of(MCP, VSCODE, CODEX, CONTINUE)) {
            ConfigDocument doc =
                    ConfigParser.parse(entry.pattern(), entry, content, "project", LIMITS);
            List<ScanWarning> warnings = new ArrayList<>();
            Sink sink = new Sink(new FactSet(), new ArrayList<>(), warnings);
            extractor.extract(doc, false, false, sink);
            String shown =
                    sink.facts().credentials().stream()
                                    .map(
                                            c ->
                                                    c.masked()
                                                            + " "
                                                            + c.detector()
                                                            + " "
                                                            + c.fingerprint())
                                    .toList()
                            + " "
                            + warnings;
            for (String secret : planted.values()) {
                assertThat(shown).doesNotContain(secret);
            }
        }
    }
}
