package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.secrets.FakeSecrets;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build log carries findings, warnings and a summary, never a credential written in a display
 * field.
 */
class BuildLogReportTest {
    @TempDir Path dir;

    @Test
    void secretsInUrlsPackageSpecsAndCommandLines_neverReachTheBuildLog() throws Exception {
        Random rnd = new Random(3);
        String stripe = FakeSecrets.generate("stripe-live", rnd);
        String github = FakeSecrets.generate("github-classic", rnd);
        String hex = FakeSecrets.generate("generic-hex40", rnd);
        String openai = FakeSecrets.generate("openai", rnd);
        Files.writeString(
                dir.resolve(".mcp.json"),
                "{\"mcpServers\":{"
                        + "\"remote\":{\"type\":\"http\",\"url\":\"https://u:"
                        + hex
                        + "@mcp.example.com/mcp?token="
                        + stripe
                        + "\"},"
                        + "\"git\":{\"command\":\"npx\",\"args\":[\"-y\",\"git+https://"
                        + github
                        + "@github.com/acme/srv.git\"]},"
                        + "\"line\":{\"command\":\"npx -y @acme/srv@1.0.0 --api-key "
                        + openai
                        + "\"}}}");
        ScanResult result =
                Mcpsec.create()
                        .scan(
                                ScanRequest.builder(dir)
                                        .history(false)
                                        .home(dir.resolve("home"))
                                        .build());
        List<String> lines = new ArrayList<>();
        Log log =
                (Log)
                        Proxy.newProxyInstance(
                                Log.class.getClassLoader(),
                                new Class<?>[] {Log.class},
                                (proxy, method, args) -> {
                                    if (args != null
                                            && args.length > 0
                                            && args[0] instanceof CharSequence text) {
                                        lines.add(text.toString());
                                    }
                                    return method.getReturnType() == boolean.class
                                            ? Boolean.TRUE
                                            : null;
                                });

        new BuildLogReport(log).replay(BuildLogReport.lines(result, true, List.of()));

        assertThat(lines)
                .as("findings are logged")
                .anyMatch(l -> l.contains("line") && l.contains("["));
        String all = String.join("\n", lines);
        for (String secret :
                List.of(stripe.substring(8), github.substring(4), hex, openai.substring(8))) {
            for (int i = 0; i + 12 <= secret.length(); i++) {
                assertThat(all).doesNotContain(secret.substring(i, i + 12));
            }
        }
    }
}
