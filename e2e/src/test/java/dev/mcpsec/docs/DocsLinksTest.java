package dev.mcpsec.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the README, docs/ and the rule pages (policies/docs/) points at a file
 * that exists, and every document a Java comment names is one of the project's own: nothing points
 * outside the project.
 */
class DocsLinksTest {
    private static final Path REPO = Path.of("..");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    /**
     * A document named in a comment: {@code docs/cli.md}, {@code writing-policies.md#testing}, …
     */
    private static final Pattern DOC = Pattern.compile("([A-Za-z0-9_./-]*[A-Za-z0-9_-]\\.md)\\b");

    private static final Pattern OUTSIDE =
            Pattern.compile("\\.\\.[/]shared|/work[/]shared|shared[/]spec");

    @Test
    void relativeLinks_resolve() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(REPO.resolve("README.md"));
        for (String dir : List.of("docs", "policies/docs")) {
            try (Stream<Path> docs = Files.walk(REPO.resolve(dir))) {
                docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
            }
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;
                }
                String file =
                        target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                if (!Files.exists(page.getParent().resolve(file))) {
                    broken.add(REPO.relativize(page) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void javaComments_nameOnlyTheProjectsOwnDocuments() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path source : javaSources()) {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                String where = REPO.relativize(source) + ":" + (i + 1);
                if (OUTSIDE.matcher(line).find() && !source.endsWith("DocsLinksTest.java")) {
                    broken.add(where + " points outside the project: " + line);
                }
                if (!(line.startsWith("*") || line.startsWith("//") || line.startsWith("/*"))) {
                    continue;
                }
                Matcher m = DOC.matcher(line);
                while (m.find()) {
                    if (!projectDocument(m.group(1))) {
                        broken.add(
                                where + " names " + m.group(1) + ", which is not in the project");
                    }
                }
            }
        }
        assertThat(broken).as("references outside the project").isEmpty();
    }

    /** A path under docs/, or the name of a page in docs/ or at the root of the project. */
    private static boolean projectDocument(String name) {
        String clean = name.replaceFirst("^(\\.\\./)+", "");
        return Files.exists(REPO.resolve(clean))
                || Files.exists(REPO.resolve("docs").resolve(clean))
                || Files.exists(REPO.resolve("docs").resolve(Path.of(clean).getFileName()));
    }

    private static List<Path> javaSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        Files.walkFileTree(
                REPO,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        return name.equals("target") || name.equals(".git")
                                ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (file.toString().endsWith(".java")) {
                            sources.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        assertThat(sources).as("Java sources found under " + REPO.toAbsolutePath()).isNotEmpty();
        return sources;
    }
}
