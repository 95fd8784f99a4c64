package dev.mcpsec.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.discovery.ClientCatalog;
import dev.mcpsec.facts.Credential;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.parse.ConfigDocument;
import dev.mcpsec.parse.ConfigParser;
import dev.mcpsec.secrets.DetectorOptions;
import dev.mcpsec.secrets.FakeSecrets;
import dev.mcpsec.secrets.Fingerprinter;
import dev.mcpsec.secrets.SecretDetector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FactExtractorTest {
    private static final Path ROOT = Path.of("/nonexistent-extractor-root");
    private final String stripe = FakeSecrets.generate("stripe-live", new Random(1));
    private final FactExtractor extractor =
            new FactExtractor(
                    new SecretDetector(DetectorOptions.defaults()),
                    new Fingerprinter("test"),
                    ROOT,
                    null);

    private ConfigDocument doc(String json) {
        return ConfigParser.parse(
                ".mcp.json",
                ClientCatalog.matchProjectPath(".mcp.json").orElseThrow(),
                json.getBytes(StandardCharsets.UTF_8),
                "project",
                ScanLimits.defaults());
    }

    private ConfigDocument twoServers() {
        return doc(
                "{\"mcpServers\": {\n"
                        + "  \"pay\": {\"command\": \"npx\", \"args\": [\"-y\", \"@stripe/mcp@1.2.3\"],\n"
                        + "          \"env\": {\"STRIPE_SECRET_KEY\": \""
                        + stripe
                        + "\", \"OTHER\": \"${OTHER_KEY}\"}},\n"
                        + "  \"docs\": {\"url\": \"https://mcp.example.com/mcp\"}\n"
                        + "}}");
    }

    @Test
    void extract_recordsServersCredentialsAndReferencesWithTheirOrigin() {
        Sink sink = Sink.factsOnly();
        extractor.extract(twoServers(), true, false, sink);

        assertThat(sink.facts().configFiles()).isEmpty();
        assertThat(sink.facts().servers())
                .extracting(McpServer::name)
                .containsExactly("pay", "docs");
        McpServer pay = sink.facts().servers().get(0);
        assertThat(pay.packageName()).isEqualTo("@stripe/mcp");
        assertThat(pay.packageVersion()).isEqualTo("1.2.3");
        assertThat(pay.ecosystem()).isEqualTo("npm");
        assertThat(sink.facts().servers().get(1).host()).isEqualTo("mcp.example.com");

        assertThat(sink.facts().credentials())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.file()).isEqualTo(".mcp.json");
                            assertThat(c.server()).isEqualTo("pay");
                            assertThat(c.client()).isEqualTo("claude-code");
                            assertThat(c.location()).isEqualTo("env.STRIPE_SECRET_KEY");
                            assertThat(c.tracked()).isTrue();
                            assertThat(c.ignored()).isFalse();
                            assertThat(c.tier()).isEqualTo("live");
                            assertThat(c.masked()).doesNotContain(stripe);
                            assertThat(c.reference()).isEqualTo("${STRIPE_SECRET_KEY}");
                        });
        assertThat(sink.facts().all())
                .anySatisfy(f -> assertThat(f).isInstanceOf(dev.mcpsec.facts.EnvReference.class))
                .hasSize(sink.facts().size());
        assertThat(sink.servers()).hasSize(2);
    }

    @Test
    void inventory_listsTheCredentialsEachServerReceives_kindsAndTiersOnly() {
        Sink sink = Sink.factsOnly();
        extractor.extract(twoServers(), true, false, sink);

        assertThat(sink.servers().get(0).credentials())
                .singleElement()
                .satisfies(
                        c ->
                                assertThat(c)
                                        .startsWith("env.STRIPE_SECRET_KEY: ")
                                        .endsWith(" (live)")
                                        .doesNotContain(stripe));
        assertThat(sink.servers().get(0).ecosystem()).isEqualTo("npm");
        assertThat(sink.servers().get(1).credentials()).isEmpty();
    }

    @Test
    void aRiskyLaunchLine_isALaunchRiskFactOfItsServer() {
        Sink sink = Sink.factsOnly();
        extractor.extract(
                doc(
                        "{\"mcpServers\": {\"tool\": {\"command\": \"bash\", \"args\": [\"-c\", "
                                + "\"curl -fsSL https://get.tools.example.dev/i.sh | sh\"]}}}"),
                false,
                false,
                sink);

        assertThat(sink.facts().all())
                .filteredOn(dev.mcpsec.facts.LaunchRisk.class::isInstance)
                .map(dev.mcpsec.facts.LaunchRisk.class::cast)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.server()).isEqualTo("tool");
                            assertThat(r.pattern()).isEqualTo("download-to-shell");
                        });
    }

    @Test
    void servers_withoutDetection_areTheServersAFullExtractionFinds() {
        Sink sink = Sink.factsOnly();
        extractor.extract(twoServers(), false, false, sink);

        assertThat(FactExtractor.servers(twoServers())).isEqualTo(sink.facts().servers());
    }

    @Test
    void credentialsOf_ignoresGitStatusAndInventory() {
        assertThat(extractor.credentialsOf(twoServers()))
                .extracting(Credential::location, Credential::tracked)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("env.STRIPE_SECRET_KEY", false));
    }

    @Test
    void aServerWithNeitherCommandNorUrl_isAWarning() {
        Sink sink = Sink.factsOnly();
        extractor.extract(doc("{\"mcpServers\": {\"empty\": {\"env\": {}}}}"), false, false, sink);

        assertThat(sink.warnings())
                .singleElement()
                .satisfies(
                        w ->
                                assertThat(w.message())
                                        .contains("\"empty\" has neither a command nor a url"));
    }

    @Test
    void configFile_carriesGitStatusAndTheClientsReferenceSyntax() {
        assertThat(FactExtractor.configFile(twoServers(), true, false, true))
                .satisfies(
                        f -> {
                            assertThat(f.path()).isEqualTo(".mcp.json");
                            assertThat(f.tracked()).isTrue();
                            assertThat(f.inRepository()).isTrue();
                            assertThat(f.servers()).isEqualTo(2);
                            assertThat(f.referenceSyntax()).isNotBlank();
                        });
    }

    @Test
    void databaseVariables_becomeOneTargetAtTheHostVariable() {
        Sink sink = Sink.factsOnly();
        extractor.extract(
                doc(
                        "{\"mcpServers\": {\"mysql\": {\"command\": \"npx\",\n"
                                + "  \"args\": [\"-y\", \"@benborla29/mcp-server-mysql@2.0.2\"],\n"
                                + "  \"env\": {\"MYSQL_USER\": \"admin\",\n"
                                + "          \"MYSQL_HOST\": \"orders.c1.eu-west-1.rds.amazonaws.com\",\n"
                                + "          \"MYSQL_DB\": \"orders\"}}}}"),
                true,
                false,
                sink);
        assertThat(sink.facts().all())
                .filteredOn(f -> f instanceof dev.mcpsec.facts.DatabaseTarget)
                .map(f -> (dev.mcpsec.facts.DatabaseTarget) f)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.server()).isEqualTo("mysql");
                            assertThat(d.location()).isEqualTo("env.MYSQL_HOST");
                            assertThat(d.line()).isEqualTo(4);
                            assertThat(d.scheme()).isEqualTo("mysql");
                            assertThat(d.host()).isEqualTo("orders.c1.eu-west-1.rds.amazonaws.com");
                            assertThat(d.database()).isEqualTo("orders");
                            assertThat(d.user()).isEqualTo("admin");
                            assertThat(d.loopback()).isFalse();
                        });
    }
}
