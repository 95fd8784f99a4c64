package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Values a server receives inside JSON-encoded flag values and command lines in one argument. */
class ArgScannerPositionsTest {

    @Test
    void jsonFlagValue_givesItsStringLeavesNamedByKeyPath() {
        List<ArgValue> v =
                ArgScanner.scan(
                        List.of(
                                "-y",
                                "@smithery/cli",
                                "run",
                                "exa",
                                "--config",
                                "{\"exaApiKey\":\"K1\",\"auth\":{\"token\":\"K2\",\"scopes\":[\"a\",\"b\"]},\"n\":3}"));
        assertThat(v)
                .contains(
                        new ArgValue("exaApiKey", "K1", 5, ValueContext.OTHER),
                        new ArgValue("auth.token", "K2", 5, ValueContext.OTHER),
                        new ArgValue("auth.scopes", "a", 5, ValueContext.OTHER))
                .noneMatch(a -> "--config".equals(a.name()));
    }

    @Test
    void jsonAfterEquals_escapedQuotes_andSingleQuotes_areParsedToo() {
        assertThat(ArgScanner.scan(List.of("--config={\"apiKey\":\"K1\"}")))
                .containsExactly(new ArgValue("apiKey", "K1", 0, ValueContext.OTHER));
        assertThat(ArgScanner.scan(List.of("--config", "{\\\"apiKey\\\":\\\"K2\\\"}")))
                .containsExactly(new ArgValue("apiKey", "K2", 1, ValueContext.OTHER));
        assertThat(ArgScanner.scan(List.of("{'api_key': 'K3'}")))
                .containsExactly(new ArgValue("api_key", "K3", 0, ValueContext.OTHER));
    }

    @Test
    void brokenJson_fallsBackToThePattern_andJsonWithoutStrings_staysOneValue() {
        assertThat(ArgScanner.scan(List.of("--config", "{\"apiKey\":\"K1\", ")))
                .containsExactly(new ArgValue("apiKey", "K1", 1, ValueContext.OTHER));
        assertThat(ArgScanner.scan(List.of("--limits", "{\"max\": 3}")))
                .containsExactly(new ArgValue("--limits", "{\"max\": 3}", 1, ValueContext.ARG));
    }

    @Test
    void deeplyNestedJson_isBounded_noStackOrMemoryBlowUp() {
        String deep = "{\"a\":".repeat(5_000) + "\"K\"" + "}".repeat(5_000);
        List<ArgValue> v = ArgScanner.scan(List.of("--config", deep));
        // over the nesting limit the parser stops; the pattern still finds the innermost pair
        assertThat(v).contains(new ArgValue("a", "K", 1, ValueContext.OTHER));
    }

    @Test
    void commandLineInOneArgument_afterShC_orCmdC_isScannedWordByWord() {
        assertThat(ArgScanner.scan(List.of("-c", "npx -y acme-mcp --api-key K1 TOKEN=K2")))
                .contains(
                        new ArgValue("--api-key", "K1", 1, ValueContext.ARG),
                        new ArgValue("TOKEN", "K2", 1, ValueContext.ENV));
        assertThat(ArgScanner.scan(List.of("/c", "npx -y acme-mcp --api-key='K 3'")))
                .contains(new ArgValue("--api-key", "K 3", 1, ValueContext.ARG));
        // a bare command line written as one positional argument
        assertThat(ArgScanner.scan(List.of("run", "acme-mcp --token K4")))
                .contains(new ArgValue("--token", "K4", 1, ValueContext.ARG));
    }

    @Test
    void sentencesAndAuthorizationValues_areNotSplit() {
        assertThat(ArgScanner.scan(List.of("Bearer abc --x")))
                .containsExactly(new ArgValue(null, "Bearer abc --x", 0, ValueContext.ARG));
        assertThat(ArgScanner.scan(List.of("a plain description")))
                .containsExactly(new ArgValue(null, "a plain description", 0, ValueContext.ARG));
        // -c with a single word is an ordinary option (a config file, say)
        assertThat(ArgScanner.scan(List.of("-c", "config.yaml")))
                .containsExactly(new ArgValue("-c", "config.yaml", 1, ValueContext.ARG));
    }

    @Test
    void words_keepQuotedBlanks() {
        assertThat(ArgScanner.words("a 'b c' \"d e\"f  g"))
                .containsExactly("a", "b c", "d ef", "g");
    }
}
