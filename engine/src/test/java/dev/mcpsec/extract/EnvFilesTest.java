package dev.mcpsec.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.discovery.ClientCatalog;
import dev.mcpsec.parse.ConfigDocument;
import dev.mcpsec.parse.ConfigParser;
import dev.mcpsec.secrets.DetectorOptions;
import dev.mcpsec.secrets.FakeSecrets;
import dev.mcpsec.secrets.Fingerprinter;
import dev.mcpsec.secrets.SecretDetector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFilesTest {
    @TempDir Path dir;

    private Sink extract(Path root, String envFile) throws Exception {
        String json =
                "{\"servers\": {\"pay\": {\"command\": \"npx\", \"args\": [\"@stripe/mcp\"], \"envFile\": \""
                        + envFile
                        + "\"}}}";
        Files.createDirectories(root.resolve(".vscode"));
        Files.writeString(root.resolve(".vscode/mcp.json"), json);
        ConfigDocument doc =
                ConfigParser.parse(
                        ".vscode/mcp.json",
                        ClientCatalog.matchProjectPath(".vscode/mcp.json").orElseThrow(),
                        json.getBytes(StandardCharsets.UTF_8),
                        "project",
                        ScanLimits.defaults());
        EnvFiles envFiles = new EnvFiles(root, ScanLimits.defaults(), null);
        FactExtractor extractor =
                new FactExtractor(
                        new SecretDetector(DetectorOptions.defaults()),
                        new Fingerprinter("test"),
                        root,
                        envFiles);
        Sink sink = Sink.factsOnly();
        extractor.extract(doc, false, false, sink);
        return sink;
    }

    @Test
    void anEnvFileInsideTheRoot_isReadWithTheWorkspaceFolderResolved() throws Exception {
        Path root = dir.resolve("project");
        Files.createDirectories(root);
        Files.writeString(
                root.resolve(".env"),
                "STRIPE_SECRET_KEY=" + FakeSecrets.generate("stripe-live", new Random(2)) + "\n");

        Sink sink = extract(root, "${workspaceFolder}/.env");

        assertThat(sink.facts().credentials())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.file()).isEqualTo(".env");
                            assertThat(c.server()).isEqualTo("pay");
                            assertThat(c.location()).isEqualTo("envFile:STRIPE_SECRET_KEY");
                        });
        assertThat(sink.warnings()).isEmpty();
    }

    @Test
    void anEnvFileOutsideTheRoot_isNotRead() throws Exception {
        Path root = dir.resolve("project");
        Files.createDirectories(root);
        Files.writeString(
                dir.resolve("prod.env"),
                "STRIPE_SECRET_KEY=" + FakeSecrets.generate("stripe-live", new Random(3)) + "\n");

        Sink sink = extract(root, "../prod.env");

        assertThat(sink.facts().credentials()).isEmpty();
        assertThat(sink.warnings())
                .extracting(ScanWarning::message)
                .containsExactly(
                        "envFile ../prod.env of server pay points outside the scan root: not read");
    }

    @Test
    void aMissingEnvFile_isAWarning() throws Exception {
        Path root = dir.resolve("project");
        Files.createDirectories(root);

        Sink sink = extract(root, "${workspaceFolder}/missing.env");

        assertThat(sink.warnings())
                .extracting(ScanWarning::message)
                .singleElement()
                .asString()
                .endsWith("of server pay does not exist");
    }

    @Test
    void workspaceOf_isTheFolderAboveTheClientsDotFolder() {
        Path root = Path.of("/r");
        assertThat(EnvFiles.workspaceOf(root, root.resolve("app/.vscode/mcp.json")))
                .isEqualTo(root.resolve("app"));
        assertThat(EnvFiles.workspaceOf(root, root.resolve("mcp.json"))).isEqualTo(root);
    }
}
