package dev.mcpsec.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a git directory before JGit is handed it: JGit opens {@code HEAD}, {@code config}, {@code
 * index}, {@code packed-refs}, refs, {@code objects/info/alternates}, objects and more without
 * asking what they are, and a FIFO in any of those places blocks the scan forever. Every entry must
 * be a directory or a regular file. It also lists what would make git read outside the directory
 * that holds {@code .git}: symlinks, {@code objects/info/alternates}, {@code commondir}, and {@code
 * include.path} / {@code includeIf} in the config ({@code core.excludesFile} is handled where
 * ignore files are read, by {@link IgnoreRules}).
 */
final class GitDirCheck {
    static final int MAX_ENTRIES = 2_000_000;
    private static final int MAX_DEPTH =
            Integer.MAX_VALUE; // no links are followed, so no loops; MAX_ENTRIES bounds the walk
    private static final int MAX_SMALL_FILE_BYTES = 64 * 1024;
    private static final int MAX_CONFIG_BYTES = 1 << 20;

    /**
     * What the check found: a reason the repository must not be opened at all, and what leads
     * outside.
     */
    record Result(String refusal, List<String> external) {}

    private GitDirCheck() {}

    /**
     * @param gitDir the repository's git directory (already resolved from a {@code gitdir:} file)
     * @param inside the folder reads must stay in (the work tree holding {@code .git}), real path
     */
    static Result check(Path gitDir, Path inside) {
        List<String> external = new ArrayList<>();
        String[] refusal = {null};
        int[] entries = {0};
        try {
            Files.walkFileTree(
                    gitDir,
                    Set.of(),
                    MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                                Path dir, BasicFileAttributes attrs) {
                            return count() ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!count()) {
                                return FileVisitResult.TERMINATE;
                            }
                            String shown = shown(gitDir, file);
                            if (attrs.isSymbolicLink()) {
                                external.add(shown + " is a symbolic link");
                            } else if (!attrs.isRegularFile() && !attrs.isDirectory()) {
                                refusal[0] =
                                        shown + " is not a regular file (FIFO, device or socket)";
                                return FileVisitResult.TERMINATE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            refusal[0] =
                                    shown(gitDir, file)
                                            + " cannot be read ("
                                            + exc.getClass().getSimpleName()
                                            + ")";
                            return FileVisitResult.TERMINATE;
                        }

                        private boolean count() {
                            if (++entries[0] > MAX_ENTRIES) {
                                refusal[0] = "more than " + MAX_ENTRIES + " entries";
                                return false;
                            }
                            return true;
                        }
                    });
        } catch (IOException e) {
            refusal[0] = "cannot be listed (" + e.getClass().getSimpleName() + ")";
        }
        if (refusal[0] != null) {
            return new Result(refusal[0], external);
        }
        for (String name : List.of("objects/info/alternates", "commondir")) {
            String text = smallFile(gitDir.resolve(name), MAX_SMALL_FILE_BYTES);
            if (text == null) {
                continue;
            }
            for (String line : text.split("\n")) {
                String p = line.strip();
                if (p.isEmpty() || p.startsWith("#")) {
                    continue;
                }
                Path base = name.equals("commondir") ? gitDir : gitDir.resolve("objects");
                if (!inside(base, p, inside)) {
                    external.add(name + " points outside the scanned folder");
                    break;
                }
            }
        }
        String config = smallFile(gitDir.resolve("config"), MAX_CONFIG_BYTES);
        if (config != null) {
            external.addAll(configReferences(config));
        }
        return new Result(null, external);
    }

    /**
     * The object directories {@code objects/info/alternates} names (resolved against {@code
     * objects/}).
     */
    static List<Path> alternates(Path gitDir) {
        List<Path> out = new ArrayList<>();
        Path objects = gitDir.resolve("objects");
        String text =
                smallFile(objects.resolve("info").resolve("alternates"), MAX_SMALL_FILE_BYTES);
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            String p = line.strip();
            if (!p.isEmpty() && !p.startsWith("#")) {
                try {
                    out.add(objects.resolve(p).normalize());
                } catch (InvalidPathException e) {
                    // not a path: JGit cannot open it either
                }
            }
        }
        return out;
    }

    /** Settings in a git config that make git read files elsewhere. */
    static List<String> configReferences(String config) {
        List<String> out = new ArrayList<>();
        String section = "";
        for (String raw : config.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                int end = line.indexOf(']');
                section =
                        (end < 0 ? line.substring(1) : line.substring(1, end))
                                .strip()
                                .toLowerCase(Locale.ROOT);
                int space = section.indexOf(' ');
                if (space > 0) {
                    section = section.substring(0, space);
                }
                line = end < 0 ? "" : line.substring(end + 1).strip();
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if ((section.equals("include") || section.equals("includeif")) && key.equals("path")) {
                out.add("config: " + section + ".path makes git read another config file");
            }
        }
        return out;
    }

    private static boolean inside(Path base, String path, Path inside) {
        if (path.startsWith("~")) {
            return false;
        }
        try {
            Path real = base;
            try {
                real = base.toRealPath();
            } catch (IOException e) {
                // keep the path as written
            }
            Path p = real.resolve(path).normalize();
            return p.startsWith(inside);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * The text of a small regular file, or null when there is none (a non-regular one was refused
     * by the walk).
     */
    private static String smallFile(Path file, int max) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return new String(in.readNBytes(max), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static String shown(Path gitDir, Path file) {
        String rel = gitDir.relativize(file).toString().replace('\\', '/');
        return rel.isEmpty() ? ".git" : ".git/" + rel;
    }
}
