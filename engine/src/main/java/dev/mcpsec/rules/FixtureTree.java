package dev.mcpsec.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpsec.git.FixtureRepository;
import dev.mcpsec.secrets.FakeSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a fixture case to disk: {@code @@FAKE:kind@@} tokens become run-time generated secrets,
 * {@code _gitignore} becomes {@code .gitignore}, files under {@code _home/} go to the scan's home
 * folder (for user-scope configs), files under {@code _system/} below the scan's system root (for
 * system-wide managed files), and the case's {@code git}/{@code commits} settings build a
 * repository ({@link FixtureRepository}).
 */
final class FixtureTree {
    private FixtureTree() {}

    static final String HOME = "_home";
    static final String SYSTEM = "_system";

    static void materialise(
            Path project, Path home, Map<String, byte[]> files, JsonNode expected, Random random)
            throws IOException {
        materialise(project, home, null, files, expected, random);
    }

    static void materialise(
            Path project,
            Path home,
            Path system,
            Map<String, byte[]> files,
            JsonNode expected,
            Random random)
            throws IOException {
        String gitMode = expected.path("git").asText("none");
        List<String> commitDirs = new ArrayList<>();
        commitDirs.add(HOME);
        for (JsonNode c : expected.path("commits")) {
            commitDirs.add(c.path("dir").asText());
        }
        Map<String, String> fakes = new java.util.HashMap<>();
        Files.createDirectories(project);
        try (FixtureRepository git =
                "none".equals(gitMode) && commitDirs.size() == 1
                        ? null
                        : FixtureRepository.init(project)) {
            int i = 1;
            for (JsonNode c : expected.path("commits")) {
                clearWorkTree(project);
                write(project, files, commitDirs.get(i) + "/", List.of(), random, fakes);
                git.commitAll(
                        c.path("message").asText("fixture commit " + i),
                        c.path("date").asText(null));
                i++;
            }
            if (commitDirs.size() > 1) {
                clearWorkTree(project);
            }
            List<String> notProject = new ArrayList<>(commitDirs);
            notProject.add(SYSTEM);
            write(project, files, "", notProject, random, fakes);
            write(home, files, HOME + "/", List.of(), random, fakes);
            if (system != null) {
                write(system, files, SYSTEM + "/", List.of(), random, fakes);
            }
            if ("commit".equals(gitMode)) {
                git.commitAll("fixture working tree", null);
            }
        }
    }

    private static void write(
            Path project,
            Map<String, byte[]> files,
            String prefix,
            List<String> skipDirs,
            Random random,
            Map<String, String> fakes)
            throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String rel = f.getKey();
            if (!rel.startsWith(prefix) || rel.equals("expected.json")) {
                continue;
            }
            rel = rel.substring(prefix.length());
            String top = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : rel;
            if (skipDirs.contains(top)) {
                continue;
            }
            String name =
                    rel.endsWith("_gitignore")
                            ? rel.substring(0, rel.length() - "_gitignore".length()) + ".gitignore"
                            : rel;
            Path target = project.resolve(name).normalize();
            if (!target.startsWith(project)) {
                throw new IOException("fixture path escapes the case: " + rel);
            }
            Files.createDirectories(target.getParent());
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            Files.writeString(
                    target, FakeSecrets.expandFakes(text, random, fakes), StandardCharsets.UTF_8);
        }
    }

    private static void clearWorkTree(Path project) throws IOException {
        try (Stream<Path> top = Files.list(project)) {
            for (Path p : top.filter(p -> !p.getFileName().toString().equals(".git")).toList()) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
                }
            }
        }
    }
}
