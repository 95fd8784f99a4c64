package dev.mcpsec.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ReviewStatus;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ServerSummary;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.report.ReportFormat;
import dev.mcpsec.report.ReportOptions;
import dev.mcpsec.report.Reporters;
import dev.mcpsec.secrets.FakeSecrets;
import dev.mcpsec.testsupport.ReportSchemas;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: a secret of every generated kind placed in a display field (a remote {@code url}:
 * query, user info, token user info, path segment, fragment; a package spec: {@code
 * git+https://token@...}, a tarball URL, {@code uvx --from URL}; an image name; a whole command
 * line written in {@code command}) never reaches any output channel in a 12-character piece: no
 * report format (plain and verbose), {@code servers[]}, warnings, review list, review add and the
 * written {@code .mcpsec/reviewed.json}, baseline file, result {@code toString}. The detector sees
 * those fields too: a provider key placed there is a finding.
 */
class DisplayFieldLeakTest {

    private static final int WINDOW = 12;

    /** Kinds with a provider prefix the detector recognises wherever they are written. */
    private static final List<String> ALWAYS_FOUND =
            List.of("stripe-live", "github-classic", "openai", "anthropic");

    /** Checklists whose findings say a credential was found. */
    private static final String[] CREDENTIAL_CHECKLISTS = {
        "production-keys", "config-ignored", "github-fine-grained", "key-rotation"
    };

    @TempDir Path tmp;

    /**
     * Where a secret can hide in a display field: server JSON for one secret, already URL-encoded
     * where needed.
     */
    private static final Map<String, Function<String, String>> PLACEMENTS = new LinkedHashMap<>();

    static {
        PLACEMENTS.put("url-query", s -> remote("https://mcp.example.com/mcp?token=" + enc(s)));
        PLACEMENTS.put(
                "url-userinfo", s -> remote("https://user:" + enc(s) + "@mcp.example.com/mcp"));
        PLACEMENTS.put(
                "url-token-userinfo", s -> remote("https://" + enc(s) + "@mcp.example.com/mcp"));
        PLACEMENTS.put(
                "url-path", s -> remote("https://hooks.example.com/services/" + enc(s) + "/mcp"));
        PLACEMENTS.put("url-fragment", s -> remote("https://mcp.example.com/mcp#" + enc(s)));
        PLACEMENTS.put(
                "git-spec",
                s ->
                        launch(
                                "npx",
                                "-y",
                                "git+https://" + enc(s) + "@github.com/acme/mcp-server.git"));
        PLACEMENTS.put(
                "tarball",
                s ->
                        launch(
                                "npx",
                                "-y",
                                "https://registry.example.com/acme-mcp/-/acme-mcp-1.0.0.tgz?token="
                                        + enc(s)));
        PLACEMENTS.put(
                "uvx-from",
                s ->
                        launch(
                                "uvx",
                                "--from",
                                "git+https://x-access-token:"
                                        + enc(s)
                                        + "@github.com/acme/mcp-server",
                                "mcp-server"));
        PLACEMENTS.put(
                "image",
                s ->
                        launch(
                                "docker",
                                "run",
                                "-i",
                                "--rm",
                                "registry.example.com/" + enc(s) + "/mcp-server:1.0"));
        PLACEMENTS.put(
                "command-line",
                s -> "{\"command\":" + json("npx -y @acme/mcp-server@1.0.0 --api-key " + s) + "}");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void noOutputHoldsAPieceOfASecretWrittenInADisplayField(long seed) throws Exception {
        Random rnd = new Random(seed);
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String kind : FakeSecrets.KINDS) {
            secrets.put(kind, FakeSecrets.generate(kind, rnd));
        }
        Tree t = new Tree(tmp);
        StringBuilder servers = new StringBuilder();
        for (Map.Entry<String, Function<String, String>> p : PLACEMENTS.entrySet()) {
            for (Map.Entry<String, String> s : secrets.entrySet()) {
                servers.append(servers.length() == 0 ? "" : ",")
                        .append(json(p.getKey() + "." + s.getKey()))
                        .append(':')
                        .append(p.getValue().apply(s.getValue()));
            }
        }
        t.write(".mcp.json", "{\"mcpServers\":{" + servers + "}}");

        List<String> captured = new ArrayList<>();
        ScanRequest request = t.request().history(false).progress(captured::add).build();
        ScanResult result = Mcpsec.create().scan(request);
        assertThat(result.servers()).hasSize(PLACEMENTS.size() * secrets.size());

        captured.add(result.toString());
        for (ServerSummary s : result.servers()) {
            captured.add(s.toString());
        }
        result.warnings().forEach(w -> captured.add(w.toString()));
        for (ReportFormat format : ReportFormat.values()) {
            for (boolean verbose : new boolean[] {false, true}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Reporters.get(format).write(result, out, new ReportOptions(false, verbose, null));
                captured.add(out.toString(StandardCharsets.UTF_8));
                ReportSchemas.assertValid(
                        format.id(),
                        out.toString(StandardCharsets.UTF_8),
                        "of DisplayFieldLeakTest");
            }
        }
        Path baseline = t.root.resolve(".mcpsec/baseline.json");
        Mcpsec.create().writeBaseline(request, baseline);
        captured.add(Files.readString(baseline));
        for (String placement : PLACEMENTS.keySet()) {
            captured.add(
                    Mcpsec.create()
                            .reviewAdd(request, placement + ".stripe-live", "t", null, null)
                            .toString());
            captured.add(
                    Mcpsec.create()
                            .reviewAdd(request, placement + ".generic-hex40", "t", null, null)
                            .toString());
        }
        captured.add(Files.readString(t.root.resolve(".mcpsec/reviewed.json")));
        for (ReviewStatus r : Mcpsec.create().reviewList(request)) {
            captured.add(r.toString());
        }

        Map<String, String> pieces = new HashMap<>();
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            for (String part : NoLeakTest.privateParts(secret.getValue())) {
                for (String form : List.of(part, enc(part))) {
                    for (int i = 0; i + WINDOW <= form.length(); i++) {
                        pieces.put(form.substring(i, i + WINDOW), secret.getKey());
                    }
                }
            }
        }
        for (int n = 0; n < captured.size(); n++) {
            assertThat(firstLeak(captured.get(n), pieces))
                    .as("output %s holds a piece of a secret", n)
                    .isNull();
        }

        for (String placement : PLACEMENTS.keySet()) {
            for (String kind : ALWAYS_FOUND) {
                String server = placement + "." + kind;
                assertThat(result.findings())
                        .as("a %s key in %s is a finding", kind, placement)
                        .filteredOn(f -> server.equals(f.server()))
                        .extracting(Finding::checklist)
                        .containsAnyOf(CREDENTIAL_CHECKLISTS);
            }
        }
    }

    private static String firstLeak(String text, Map<String, String> pieces) {
        for (int i = 0; i + WINDOW <= text.length(); i++) {
            String kind = pieces.get(text.substring(i, i + WINDOW));
            if (kind != null) {
                return kind
                        + " in: "
                        + text.substring(Math.max(0, i - 60), Math.min(text.length(), i + 20));
            }
        }
        return null;
    }

    private static String remote(String url) {
        return "{\"type\":\"http\",\"url\":" + json(url) + "}";
    }

    private static String launch(String command, String... args) {
        StringBuilder a = new StringBuilder();
        for (String arg : args) {
            a.append(a.length() == 0 ? "" : ",").append(json(arg));
        }
        return "{\"command\":" + json(command) + ",\"args\":[" + a + "]}";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String json(String v) {
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
