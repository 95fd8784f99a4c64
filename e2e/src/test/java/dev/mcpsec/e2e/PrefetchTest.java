package dev.mcpsec.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.rules.Bundle;
import dev.mcpsec.rules.BundleLoader;
import dev.mcpsec.rules.Policies;
import dev.mcpsec.scan.Prefetch;
import dev.mcpsec.scan.ScanEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's read-ahead ({@link Prefetch}, started while it parses its command line) changes no
 * result: the rules it starts compiling are exactly the set a scan without extra bundles loads (the
 * same content, so the scan finds that compilation under its content key), and a scan after it
 * reports what a scan without it reports.
 */
class PrefetchTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir Path tmp;

    @Test
    void theHeadStartCompilesTheBundlesOfAScanWithoutExtraBundles() {
        List<Bundle> headStart =
                Policies.classPathOnly(BundleLoader.fromClassLoader(Policies.classLoader()));
        List<Bundle> scan = Policies.bundles(ScanRequest.builder(tmp).build(), tmp);

        assertThat(headStart).extracting(Bundle::label).contains("builtin@0.1.0");
        assertThat(headStart).usingRecursiveComparison().isEqualTo(scan);
    }

    @Test
    void aScanAfterTheReadAhead_reportsWhatAScanWithoutItReports() throws Exception {
        Path root = Path.of("../examples/leaky-demo").toAbsolutePath().normalize();
        Files.createDirectories(tmp.resolve("home"));
        ScanRequest request =
                ScanRequest.builder(root)
                        .home(tmp.resolve("home"))
                        .history(false)
                        .fingerprintSalt("prefetch")
                        .build();
        ScanEngine engine = new ScanEngine(CLOCK);

        ScanResult without = engine.scan(request);
        Prefetch.start(true);
        ScanResult with = engine.scan(request);

        assertThat(with.findings()).isNotEmpty().isEqualTo(without.findings());
        assertThat(with.rules()).isEqualTo(without.rules());
        assertThat(with.bundles()).isEqualTo(without.bundles());
        assertThat(with.warnings()).isEqualTo(without.warnings());
    }
}
