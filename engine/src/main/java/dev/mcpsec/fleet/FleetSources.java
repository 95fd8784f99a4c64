package dev.mcpsec.fleet;

import dev.mcpsec.api.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the paths a user gives into repositories: a repository itself (clone or bare mirror), a
 * folder whose immediate children are repositories, or a list file with one path per line ({@code
 * #} starts a comment; relative paths are relative to the list file). Symbolic links are not
 * followed; folders that are not repositories are skipped and named in {@link Resolved#skipped()}.
 */
public final class FleetSources {
    /** The list file's size limit; a list of 100,000 repository paths fits in far less. */
    static final long MAX_LIST_BYTES = 16L << 20;

    private FleetSources() {}

    /** The repositories found, sorted by name, and what was passed over with the reason. */
    public record Resolved(List<RepoTarget> repositories, List<String> skipped) {}

    public static Resolved resolve(List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw new ConfigurationException(
                    "path",
                    "no repositories given: pass a folder of clones or mirrors, "
                            + "a repository, or a list file");
        }
        List<Path> candidates = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path input : inputs) {
            Path p = input.toAbsolutePath().normalize();
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                candidates.addAll(readList(p));
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                if (kindOf(p) != null) {
                    candidates.add(p);
                } else {
                    candidates.addAll(children(p, skipped));
                }
            } else {
                throw new ConfigurationException(
                        "path", "not a repository, folder or list file: " + input);
            }
        }
        List<RepoTarget> targets = new ArrayList<>();
        Map<String, Integer> seenNames = new HashMap<>();
        Map<Path, Boolean> seenPaths = new LinkedHashMap<>();
        for (Path c : candidates) {
            if (seenPaths.putIfAbsent(c, Boolean.TRUE) != null) {
                continue;
            }
            RepoTarget.Kind kind = kindOf(c);
            if (kind == null) {
                skipped.add(c + ": not a git repository");
                continue;
            }
            targets.add(new RepoTarget(nameOf(c), c, kind));
        }
        targets.sort(
                Comparator.comparing(RepoTarget::name).thenComparing(t -> t.path().toString()));
        List<RepoTarget> unique = new ArrayList<>();
        for (RepoTarget t : targets) {
            int n = seenNames.merge(t.name(), 1, Integer::sum);
            unique.add(n == 1 ? t : new RepoTarget(t.name() + "~" + n, t.path(), t.kind()));
        }
        return new Resolved(List.copyOf(unique), List.copyOf(skipped));
    }

    /** Clone, bare mirror, or null when {@code dir} is neither. */
    static RepoTarget.Kind kindOf(Path dir) {
        Path dotGit = dir.resolve(".git");
        if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
            return RepoTarget.Kind.CLONE;
        }
        if (Files.isRegularFile(dir.resolve("HEAD"), LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(dir.resolve("objects"), LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(dir.resolve("refs"), LinkOption.NOFOLLOW_LINKS)) {
            return RepoTarget.Kind.MIRROR;
        }
        return null;
    }

    static String nameOf(Path repo) {
        String name = repo.getFileName() == null ? repo.toString() : repo.getFileName().toString();
        return name.endsWith(".git") && name.length() > 4
                ? name.substring(0, name.length() - 4)
                : name;
    }

    private static List<Path> children(Path dir, List<String> skipped) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            for (Path child : s.sorted().toList()) {
                if (Files.isSymbolicLink(child)) {
                    skipped.add(child + ": symbolic link, not followed");
                } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
                        && !child.getFileName().toString().startsWith(".")) {
                    out.add(child);
                }
            }
            return out;
        } catch (IOException e) {
            throw new ConfigurationException(
                    "path", "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> readList(Path file) {
        try {
            if (Files.size(file) > MAX_LIST_BYTES) {
                throw new ConfigurationException(
                        "path",
                        "list file " + file + " is larger than " + (MAX_LIST_BYTES >> 20) + " MiB");
            }
            Path base = file.getParent();
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                Path p = base.resolve(t).toAbsolutePath().normalize();
                out.add(p);
            }
            return out;
        } catch (IOException e) {
            throw new ConfigurationException(
                    "path", "cannot read list file " + file + ": " + e.getMessage(), e);
        }
    }
}
