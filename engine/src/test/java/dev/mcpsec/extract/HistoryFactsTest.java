package dev.mcpsec.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.facts.Credential;
import dev.mcpsec.facts.HistoryCredential;
import dev.mcpsec.git.FixtureRepository;
import dev.mcpsec.git.GitInspector;
import dev.mcpsec.project.ProjectConfig;
import dev.mcpsec.secrets.DetectorOptions;
import dev.mcpsec.secrets.FakeSecrets;
import dev.mcpsec.secrets.Fingerprinter;
import dev.mcpsec.secrets.SecretDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFactsTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir Path root;

    private static String config(String key) {
        return "{\"mcpServers\": {\"pay\": {\"command\": \"npx\", \"args\": [\"@stripe/mcp\"],"
                + " \"env\": {\"STRIPE_SECRET_KEY\": \""
                + key
                + "\"}}}}";
    }

    @Test
    void aRemovedSecret_isAHistoryCredentialWithItsFirstCommitAndAge() throws Exception {
        String old = FakeSecrets.generate("stripe-live", new Random(4));
        try (FixtureRepository repo = FixtureRepository.init(root)) {
            Files.writeString(root.resolve(".mcp.json"), config(old));
            repo.commitAll("add the key", "2026-06-01T10:00:00Z");
            Files.writeString(root.resolve(".mcp.json"), config("${STRIPE_SECRET_KEY}"));
            repo.commitAll("use a reference", "2026-06-11T10:00:00Z");
        }
        FactExtractor extractor =
                new FactExtractor(
                        new SecretDetector(DetectorOptions.defaults()),
                        new Fingerprinter("test"),
                        root,
                        null);
        List<ScanWarning> warnings = new ArrayList<>();
        List<HistoryCredential> found;
        try (GitInspector git = GitInspector.open(root, warnings::add).orElseThrow()) {
            found =
                    new HistoryFacts(
                                    extractor,
                                    ScanRequest.builder(root).build(),
                                    ProjectConfig.empty(),
                                    CLOCK)
                            .collect(
                                    git,
                                    Set.of(),
                                    List.<Credential>of(),
                                    warnings,
                                    Duration.ofSeconds(30));
        }

        assertThat(found)
                .singleElement()
                .satisfies(
                        h -> {
                            assertThat(h.file()).isEqualTo(".mcp.json");
                            assertThat(h.server()).isEqualTo("pay");
                            assertThat(h.tier()).isEqualTo("live");
                            assertThat(h.date()).isEqualTo("2026-06-01T10:00:00Z");
                            assertThat(h.ageDays())
                                    .isEqualTo(29); // 2026-06-01T10:00 to 2026-07-01T00:00
                            assertThat(h.stillPresent()).isFalse();
                            assertThat(h.masked()).doesNotContain(old);
                        });
        assertThat(warnings).isEmpty();
    }
}
