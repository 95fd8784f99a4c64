package dev.mcpsec.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgScannerTest {

    @Test
    void flagWithEquals_andFlagWithNextArg_areNamedValues() {
        List<ArgValue> v =
                ArgScanner.scan(
                        List.of(
                                "-y",
                                "@stripe/mcp",
                                "--api-key=K1",
                                "--access-token",
                                "K2",
                                "--auth-token",
                                "K3",
                                "--token",
                                "K4",
                                "--password",
                                "K5"));
        assertThat(v)
                .contains(
                        new ArgValue("--api-key", "K1", 2, ValueContext.ARG),
                        new ArgValue("--access-token", "K2", 4, ValueContext.ARG),
                        new ArgValue("--auth-token", "K3", 6, ValueContext.ARG),
                        new ArgValue("--token", "K4", 8, ValueContext.ARG),
                        new ArgValue("--password", "K5", 10, ValueContext.ARG));
    }

    @Test
    void headerArgs_areSplitIntoNameAndValue() {
        List<ArgValue> v =
                ArgScanner.scan(
                        List.of(
                                "mcp-remote",
                                "https://mcp.example.net/sse",
                                "--header",
                                "Authorization: Bearer T1",
                                "--header",
                                "X-Api-Key:T2",
                                "--header=X-Token: T3"));
        assertThat(v)
                .contains(
                        new ArgValue(null, "https://mcp.example.net/sse", 1, ValueContext.URL),
                        new ArgValue("Authorization", "Bearer T1", 3, ValueContext.HEADER),
                        new ArgValue("X-Api-Key", "T2", 5, ValueContext.HEADER),
                        new ArgValue("X-Token", "T3", 6, ValueContext.HEADER));
    }

    @Test
    void dockerEnvAndBareAssignments_areEnvValues() {
        List<ArgValue> v =
                ArgScanner.scan(
                        List.of(
                                "run",
                                "-i",
                                "--rm",
                                "-e",
                                "GITHUB_TOKEN=T1",
                                "-e",
                                "PASSTHROUGH",
                                "--env",
                                "B=T2",
                                "--env=C=T3",
                                "D=T4",
                                "ghcr.io/github/github-mcp-server"));
        assertThat(v)
                .contains(
                        new ArgValue("GITHUB_TOKEN", "T1", 4, ValueContext.ENV),
                        new ArgValue("B", "T2", 8, ValueContext.ENV),
                        new ArgValue("C", "T3", 9, ValueContext.ENV),
                        new ArgValue("D", "T4", 10, ValueContext.ENV));
        assertThat(v).noneMatch(a -> "PASSTHROUGH".equals(a.name()));
    }

    @Test
    void positionalDatabaseUrl_isAUrlValue() {
        assertThat(
                        ArgScanner.scan(
                                List.of(
                                        "@modelcontextprotocol/server-postgres",
                                        "postgresql://u:p@h/db")))
                .contains(new ArgValue(null, "postgresql://u:p@h/db", 1, ValueContext.URL));
    }

    @Test
    void escapedJsonArg_yieldsItsStringPairs() {
        List<ArgValue> v =
                ArgScanner.scan(
                        List.of(
                                "--config",
                                "x",
                                "{\\\"apiKey\\\":\\\"T1\\\",\\\"n\\\":2}",
                                "{\"token\": \"T2\"}"));
        assertThat(v)
                .contains(
                        new ArgValue("apiKey", "T1", 2, ValueContext.OTHER),
                        new ArgValue("token", "T2", 3, ValueContext.OTHER));
    }

    @Test
    void scannedArgs_feedTheDetector() {
        String key = FakeSecrets.generate("stripe-live", new java.util.Random(3));
        SecretDetector detector = new SecretDetector();
        long found =
                ArgScanner.scan(List.of("-y", "@stripe/mcp", "--tools=all", "--api-key=" + key))
                        .stream()
                        .filter(a -> detector.analyze(a.name(), a.value(), a.context()).hasSecret())
                        .count();
        assertThat(found).isEqualTo(1);
    }

    @Test
    void nullArgsAndNullEntries_areIgnored() {
        assertThat(ArgScanner.scan(null)).isEmpty();
        assertThat(ArgScanner.scan(java.util.Arrays.asList("--token", null))).isEmpty();
    }
}
