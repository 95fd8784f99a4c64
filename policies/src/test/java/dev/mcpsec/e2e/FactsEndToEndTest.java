package dev.mcpsec.e2e;

import dev.mcpsec.api.FactRecord;
import dev.mcpsec.api.Mcpsec;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.report.FactsReport;
import dev.mcpsec.secrets.FakeSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mcpsec facts} shows every fact the rules see, and never a whole secret. */
class FactsEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void everyFactTheRulesSee_isListed_withSecretsMaskedEverywhere() throws Exception {
        String key = FakeSecrets.generate("stripe-live", new Random(7));
        Path project = dir.resolve("project");
        Files.createDirectories(project);
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(project.resolve(".mcp.json"), """
                {"mcpServers": {
                  "stripe": {"command": "npx", "args": ["-y", "@stripe/mcp@0.2.4", "--api-key=%s"]},
                  "files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/"]}
                }}
                """.formatted(key));
        List<FactRecord> facts = Mcpsec.facts(ScanRequest.builder(project).home(dir.resolve("home")).history(false).build());

        assertThat(facts).extracting(FactRecord::type).contains("ConfigFile", "McpServer", "Credential", "FilesystemRoot",
                "PolicyData");
        FactRecord stripe = facts.stream().filter(f -> f.type().equals("McpServer") && "stripe".equals(f.fields().get("name")))
                .findFirst().orElseThrow();
        assertThat(stripe.fields()).containsEntry("packageName", "@stripe/mcp").containsEntry("packageVersion", "0.2.4");
        assertThat(stripe.fields().get("args").toString()).contains("--api-key=sk_live_").doesNotContain(key);

        for (boolean json : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FactsReport.write(facts, out, json);
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("McpServer").contains("@stripe/mcp").doesNotContain(key)
                    .doesNotContain(key.substring(8, key.length() - 4));
        }
    }
}
