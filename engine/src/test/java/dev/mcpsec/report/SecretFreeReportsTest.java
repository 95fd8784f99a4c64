package dev.mcpsec.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.Severity;
import dev.mcpsec.api.SuppressedFinding;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reporters only render what the scan result holds: a result with masked secrets yields reports
 * with masked secrets.
 */
class SecretFreeReportsTest {

    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    // The CycloneDX BOM lists servers, not findings: CycloneDxReporterTest checks that it holds no
    // secret at all.
    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = "CYCLONEDX", mode = EnumSource.Mode.EXCLUDE)
    void maskedSecretsInTheResult_neverBecomeRawValuesInAReport(ReportFormat format) {
        String raw = "sk_" + "live_" + random(24);
        String masked = "sk_live_…" + raw.substring(raw.length() - 4);
        String middle = raw.substring(8, raw.length() - 4);
        Finding finding =
                ReportFixtures.finding(
                        "MCP-STRIPE-001",
                        "stripe-test-keys",
                        Severity.CRITICAL,
                        "Stripe key is not a test key",
                        "Stripe key " + masked + " in env STRIPE_SECRET_KEY",
                        ".mcp.json",
                        7,
                        30,
                        "stripe",
                        null,
                        "Rotate " + masked + ".");
        ScanResult sample = ReportFixtures.sample();
        ScanResult result =
                new ScanResult(
                        sample.toolVersion(),
                        sample.root(),
                        sample.files(),
                        sample.servers(),
                        List.of(finding),
                        List.of(new SuppressedFinding(finding, "accepted " + masked, "baseline")),
                        sample.warnings(),
                        sample.rules(),
                        sample.durationMs(),
                        List.of(),
                        List.of(),
                        List.of());

        String report = ReportFixtures.render(format, result, new ReportOptions(true, true, null));

        assertThat(report)
                .doesNotContain(raw)
                .doesNotContain(middle)
                .doesNotContain(middle.substring(0, 8));
        assertThat(report.replace("\\u2026", "…").replace("&#8203;", ""))
                .contains(masked.substring(masked.length() - 5));
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
