package dev.mcpsec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.discovery.CatalogEntry;
import dev.mcpsec.discovery.ConfigShape;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz targets for every parser: the positional reader per format, the config parser per client
 * shape and the launch parser. None of them documents an exception, so any exception is a finding.
 * Without {@code JAZZER_FUZZ} each target replays its seed directory ({@code
 * ParserFuzzTestInputs/<method>}, which includes the real-world corpus); docs/fuzzing.md tells how
 * to fuzz for longer.
 */
class ParserFuzzTest {

    /** Tight limits so the fuzzer reaches the limit paths with small inputs. */
    static final ScanLimits SMALL =
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

    @FuzzTest(maxDuration = "90s")
    void json(byte[] data) {
        read(data, "json");
    }

    @FuzzTest(maxDuration = "90s")
    void jsonc(byte[] data) {
        read(data, "jsonc");
    }

    @FuzzTest(maxDuration = "90s")
    void yaml(byte[] data) {
        read(data, "yaml");
    }

    @FuzzTest(maxDuration = "90s")
    void toml(byte[] data) {
        read(data, "toml");
    }

    /**
     * The same bytes through every client adapter, read as JSONC (the loosest JSON the catalogue
     * uses).
     */
    @FuzzTest(maxDuration = "90s")
    void everyShape(byte[] data) {
        for (ConfigShape shape : ConfigShape.values()) {
            CatalogEntry entry =
                    new CatalogEntry("fuzz", "project", "fuzz.json", "jsonc", shape, "servers");
            ConfigDocument doc = ConfigParser.parse("fuzz.json", entry, data, "project", SMALL);
            assertThat(doc.servers().size()).isLessThanOrEqualTo(SMALL.maxServers());
            assertThat(doc.parseError() == null || doc.servers().isEmpty()).isTrue();
            for (ServerEntry s : doc.servers()) {
                LaunchParser.parse(s);
            }
        }
    }

    /** One token per line: the first is the command, the rest its arguments. */
    @FuzzTest(maxDuration = "90s")
    void launch(byte[] data) {
        List<String> lines =
                Arrays.asList(new String(data, StandardCharsets.UTF_8).split("\n", -1));
        Launch launch = LaunchParser.parse(lines.get(0), lines.subList(1, lines.size()));
        assertThat(launch).isNotNull();
        assertThat(launch.packageArgs()).isNotNull();
    }

    private static void read(byte[] data, String format) {
        ReadResult r = PositionalReader.read(data, format, SMALL);
        assertThat(r.root() == null || r.error() == null).isTrue();
        if (r.error() != null) {
            assertThat(r.error()).matches("(?s)\\d+:\\d+: .+").doesNotContain("\n");
            assertThat(r.error().length()).isLessThanOrEqualTo(200);
        }
    }
}
