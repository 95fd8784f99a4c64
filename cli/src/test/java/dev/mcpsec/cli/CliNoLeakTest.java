package dev.mcpsec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.report.ReportFormat;
import dev.mcpsec.secrets.FakeSecrets;
import dev.mcpsec.secrets.Masker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI at every verbosity (quiet, default, verbose, on a terminal with progress and colour), in
 * every format, and its baseline, review, explain and error paths print no 12-character piece of
 * any planted secret.
 */
class CliNoLeakTest {

    private static final int WINDOW = 12;

    @TempDir Path dir;

    @Test
    void noCommandPrintsAnyPieceOfAnySecret() throws Exception {
        Random rnd = new Random(21);
        Map<String, String> pieces = new HashMap<>();
        StringBuilder env = new StringBuilder();
        StringBuilder dotEnv = new StringBuilder();
        int i = 0;
        for (String kind : FakeSecrets.KINDS) {
            String secret = FakeSecrets.generate(kind, rnd);
            String name =
                    kind.equals("aws-secret-key")
                            ? "AWS_SECRET_ACCESS_KEY"
                            : kind.toUpperCase().replace('-', '_') + "_SECRET_KEY_" + i++;
            env.append(env.length() == 0 ? "" : ",")
                    .append('"')
                    .append(name)
                    .append("\":\"")
                    .append(secret.replace("\n", "\\n"))
                    .append('"');
            dotEnv.append(name).append("=\"").append(secret.replace("\n", "\\n")).append("\"\n");
            for (String part : privateParts(secret)) {
                for (int k = 0; k + WINDOW <= part.length(); k++) {
                    pieces.put(part.substring(k, k + WINDOW), kind);
                }
            }
        }
        Path root = Files.createDirectories(dir.resolve("project"));
        Files.writeString(
                root.resolve(".mcp.json"),
                "{\"mcpServers\":{\"all\":{\"command\":\"npx\",\"args\":"
                        + "[\"-y\",\"pkg@1.0.0\"],\"env\":{"
                        + env
                        + "},\"envFile\":\"${workspaceFolder}/.env\"}}}");
        Files.writeString(root.resolve(".env"), dotEnv.toString());
        Files.createDirectories(root.resolve(".cursor"));
        Files.writeString(
                root.resolve(".cursor/mcp.json"),
                "{\"mcpServers\":{\"x\":{\"env\":{\"K\": "
                        + FakeSecrets.generate("stripe-live", rnd)
                        + "}}");
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("c")
                    .setAuthor("t", "t@example.invalid")
                    .setCommitter("t", "t@example.invalid")
                    .setSign(false)
                    .call();
        }

        List<Cli.Run> runs = new ArrayList<>();
        Cli plain = new Cli(Mcpsec.create(), dir);
        Cli terminal = new Cli(Mcpsec.create(), dir).terminal();
        String p = root.toString();
        for (Cli cli : List.of(plain, terminal)) {
            runs.add(cli.run("scan", p));
            runs.add(cli.run("scan", "-v", p));
            runs.add(cli.run("scan", "-q", p));
            runs.add(cli.run("scan", "--user", "-v", p));
            for (ReportFormat f : ReportFormat.values()) {
                runs.add(cli.run("scan", "-v", "-f", f.id(), p));
            }
        }
        runs.add(plain.run("review", "list", "--path", p));
        runs.add(
                plain.run(
                        "review",
                        "add",
                        "all",
                        "--path",
                        p,
                        "--reviewer",
                        "me",
                        "--note",
                        "checked"));
        runs.add(plain.run("explain", "production-keys", "--path", p));
        runs.add(plain.run("baseline", p));
        runs.add(plain.run("scan", "-v", p));
        runs.add(plain.run("scan", "--format", "nope", p));

        assertThat(runs.get(0).out()).contains("all");
        assertThat(runs).allSatisfy(r -> assertThat(r.code()).isBetween(0, 2));
        List<String> texts = new ArrayList<>();
        runs.forEach(r -> texts.add(r.toString()));
        texts.add(Files.readString(root.resolve(".mcpsec/baseline.json"), StandardCharsets.UTF_8));
        for (String text : texts) {
            for (int k = 0; k + WINDOW <= text.length(); k++) {
                String kind = pieces.get(text.substring(k, k + WINDOW));
                assertThat(kind)
                        .as(
                                "a piece of the %s secret after: %s",
                                kind, text.substring(Math.max(0, k - 30), k))
                        .isNull();
            }
        }
    }

    /**
     * The part of a secret that must never be printed: everything but its public prefix and fixed
     * framing.
     */
    private static List<String> privateParts(String secret) {
        if (secret.startsWith("-----BEGIN")) {
            String[] lines = secret.split("\n");
            return List.of(lines).subList(1, lines.length - 1);
        }
        if (secret.startsWith("postgresql://")) {
            return List.of(secret.substring(secret.indexOf(':', 13) + 1, secret.indexOf('@')));
        }
        if (secret.startsWith("eyJ")) {
            return List.of(secret.substring(secret.indexOf('.') + 1));
        }
        String masked = Masker.mask(secret);
        int cut = masked.indexOf('…') >= 0 ? masked.indexOf('…') : masked.indexOf("****");
        return List.of(secret.substring(Math.max(0, cut)));
    }
}
