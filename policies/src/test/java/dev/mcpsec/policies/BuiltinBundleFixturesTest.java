package dev.mcpsec.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.engine.Mcpsec;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture case of the built-in bundle (tests/<case>/) through a real scan, one test per
 * case.
 */
class BuiltinBundleFixturesTest {

    @TestFactory
    Stream<DynamicTest> everyFixtureCase_passes() {
        Path bundle = Path.of("src/main/resources");
        BundleTestReport report =
                Mcpsec.create().testBundle(bundle, ScanRequest.builder(bundle).build());
        assertThat(report.cases()).isNotEmpty();
        return report.cases().stream()
                .map(
                        c ->
                                DynamicTest.dynamicTest(
                                        c.name(),
                                        () -> assertThat(c.problems()).as(c.name()).isEmpty()));
    }
}
