package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.PolicyException;
import dev.mcpsec.api.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class MavenMessagesTest {

    @Test
    void engineSettingNames_becomePomElements() {
        assertThat(MavenMessages.elementFor("bundle")).isEqualTo("bundles");
        assertThat(MavenMessages.elementFor("baseline")).isEqualTo("baseline");
        assertThat(MavenMessages.elementFor("path")).isEqualTo("scanDirectory");
        assertThat(MavenMessages.elementFor("format")).isEqualTo("formats");
        assertThat(MavenMessages.elementFor("somethingElse")).isNull();
        assertThat(MavenMessages.elementFor(null)).isNull();
    }

    @Test
    void controlAndBidiCharactersFromTheScannedTree_areEscapedInTheBuildLog() {
        String config =
                MavenMessages.describe(
                        new ConfigurationException(
                                "config",
                                ".mcpsec/config.json: unknown key \"k\u001b[2J\u202e\n[INFO] BUILD SUCCESS\""));
        Finding f =
                new Finding(
                        "R-1",
                        "c",
                        Severity.HIGH,
                        "t",
                        "m\u001b]0;x\u0007",
                        ".mcp.json",
                        1,
                        1,
                        "evil\u202e\u2066",
                        null,
                        null,
                        null,
                        "fp",
                        "b@1");

        assertThat(config)
                .doesNotContain("\u001b", "\u202e", "\n")
                .contains("\\u001b[2J", "\\u000a[INFO]");
        assertThat(MavenMessages.findingLine(f))
                .doesNotContain("\u001b", "\u0007", "\u202e", "\u2066")
                .contains("evil\\u202e");
    }

    @Test
    void configurationError_isPhrasedWithTheElement() {
        String message =
                MavenMessages.describe(
                        new ConfigurationException(
                                "bundle", "com.acme:policies:1.0 is not in the local repository"));

        assertThat(message)
                .isEqualTo(
                        "mcpsec: <bundles>: com.acme:policies:1.0 is not in the local repository");
    }

    @Test
    void configurationErrorWithoutAParameter_keepsTheEngineText() {
        String message =
                MavenMessages.describe(new ConfigurationException("telemetry", "no such thing"));

        assertThat(message).isEqualTo("mcpsec: configuration error: no such thing");
    }

    @Test
    void policyError_listsEachProblemWithItsLocation() {
        String message =
                MavenMessages.describe(
                        new PolicyException(
                                "bundle acme does not compile",
                                List.of(
                                        "META-INF/mcpsec/policies/broken.drl:7:3: mismatched input")));

        assertThat(message)
                .contains("<bundles>")
                .contains("plugin's <dependencies>")
                .contains("META-INF/mcpsec/policies/broken.drl:7:3: mismatched input");
    }

    @Test
    void bundleTestErrors_pointAtTheBundleDirectory() {
        assertThat(
                        MavenMessages.describeBundleTest(
                                new ConfigurationException("path", "no bundle.json")))
                .isEqualTo("mcpsec: <bundleDirectory>: no bundle.json");
        assertThat(
                        MavenMessages.describeBundleTest(
                                new PolicyException("bad", List.of("a.drl:1:1: x"))))
                .startsWith("mcpsec: the bundle in <bundleDirectory> could not be loaded: bad");
    }

    @Test
    void unexpectedError_isAnInternalErrorWithItsType() {
        assertThat(MavenMessages.describe(new IllegalStateException("boom")))
                .isEqualTo(
                        "mcpsec: internal error (IllegalStateException): boom; please report it with the build log");
    }

    @Test
    void findingLine_startsWithFileAndLine() {
        Finding f =
                new Finding(
                        "MCP-SEC-001",
                        "stripe-test-keys",
                        Severity.CRITICAL,
                        "Live Stripe key",
                        "a live Stripe key sk_live_…f3 is written in the config",
                        ".mcp.json",
                        7,
                        30,
                        "stripe",
                        "claude-code",
                        null,
                        "use an env reference",
                        "fp",
                        "builtin@0.1.0");

        assertThat(MavenMessages.findingLine(f))
                .isEqualTo(
                        ".mcp.json:7: [critical] MCP-SEC-001 a live Stripe key sk_live_…f3 is written in the config (server stripe)");
    }

    @Test
    void failure_countsAndPointsAtTheReports() {
        assertThat(MavenMessages.failure(1, "high", "reports in target/mcpsec: mcpsec.json"))
                .isEqualTo(
                        "mcpsec: 1 finding at or above <failOn>high</failOn>; reports in target/mcpsec: mcpsec.json");
        assertThat(MavenMessages.failure(3, "medium", "x")).startsWith("mcpsec: 3 findings");
    }
}
