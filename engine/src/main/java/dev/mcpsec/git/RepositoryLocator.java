package dev.mcpsec.git;

import dev.mcpsec.api.ScanWarning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Finds the repository whose work tree contains a scan root, the way git does (nearest {@code .git}
 * directory or {@code gitdir:} file upwards), and refuses broken ones with a warning instead of
 * falling back to an outer repository.
 */
final class RepositoryLocator {
    private static final int MAX_GITDIR_FILE_BYTES = 4096;
    private static final String GITDIR_PREFIX = "gitdir:";

    private RepositoryLocator() {}

    static Optional<Repository> locate(Path scanRoot, Consumer<ScanWarning> warnings) {
        return locate(scanRoot, warnings, false);
    }

    static Optional<Repository> locate(
            Path scanRoot, Consumer<ScanWarning> warnings, boolean allowExternal) {
        Path start = scanRoot.toAbsolutePath().normalize();
        if (Files.isRegularFile(start)) {
            start = start.getParent();
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(Constants.DOT_GIT);
            if (Files.exists(dotGit, LinkOption.NOFOLLOW_LINKS)) {
                return open(dir, dotGit, start, warnings, allowExternal);
            }
        }
        return Optional.empty();
    }

    private static Optional<Repository> open(
            Path workTree,
            Path dotGit,
            Path scanRoot,
            Consumer<ScanWarning> warnings,
            boolean allowExternal) {
        String shown = shown(scanRoot, dotGit);
        String optIn = "; git status and history skipped (--allow-external-git follows it)";
        try {
            Path gitDir = dotGit;
            Path inside = workTree.toRealPath();
            if (Files.isSymbolicLink(dotGit) && !allowExternal) {
                warnings.accept(new ScanWarning(shown, 0, "git: .git is a symbolic link" + optIn));
                return Optional.empty();
            }
            if (!Files.isDirectory(dotGit) && !Files.isRegularFile(dotGit)) {
                // a FIFO would block the read of a gitdir: file (and JGit's reads) forever
                warnings.accept(
                        new ScanWarning(
                                shown,
                                0,
                                "git: .git is not a regular file or folder (FIFO, device or "
                                        + "socket); git status and history skipped"));
                return Optional.empty();
            }
            if (!Files.isDirectory(dotGit)) {
                Optional<Path> target = readGitdirFile(dotGit, workTree);
                if (target.isEmpty()) {
                    warnings.accept(
                            new ScanWarning(
                                    shown,
                                    0,
                                    "git: .git is a file without a valid 'gitdir:' line; git status and history skipped"));
                    return Optional.empty();
                }
                gitDir = target.get();
                if (!allowExternal && !gitDir.startsWith(workTree)) {
                    warnings.accept(
                            new ScanWarning(
                                    shown,
                                    0,
                                    "git: .git is a 'gitdir:' file pointing outside the "
                                            + "scanned folder"
                                            + optIn));
                    return Optional.empty();
                }
                if (!Files.isDirectory(gitDir)) {
                    warnings.accept(
                            new ScanWarning(
                                    shown,
                                    0,
                                    "git: .git points to "
                                            + gitDir
                                            + ", which does not exist; git status and history skipped"));
                    return Optional.empty();
                }
            }
            if (!allowExternal && !gitDir.toRealPath().startsWith(inside)) {
                warnings.accept(
                        new ScanWarning(
                                shown,
                                0,
                                "git: the git directory lies outside the scanned folder" + optIn));
                return Optional.empty();
            }
            GitDirCheck.Result check =
                    GitDirCheck.check(gitDir, allowExternal ? gitDir.getRoot() : inside);
            if (check.refusal() == null && allowExternal) {
                // followed on request: the common directory and alternate object stores get the
                // same FIFO check
                List<Path> more = new java.util.ArrayList<>();
                Path common = commonDir(gitDir);
                if (common != null) {
                    more.add(common);
                }
                more.addAll(GitDirCheck.alternates(gitDir));
                if (common != null) {
                    more.addAll(GitDirCheck.alternates(common));
                }
                for (Path dir : more) {
                    String refusal =
                            Files.isDirectory(dir)
                                    ? GitDirCheck.check(dir, dir.getRoot()).refusal()
                                    : null;
                    if (refusal != null) {
                        check = new GitDirCheck.Result(refusal, List.of());
                        break;
                    }
                }
            }
            if (check.refusal() != null) {
                warnings.accept(
                        new ScanWarning(
                                shown,
                                0,
                                "git: " + check.refusal() + "; git status and history skipped"));
                return Optional.empty();
            }
            if (!allowExternal && !check.external().isEmpty()) {
                warnings.accept(
                        new ScanWarning(
                                shown,
                                0,
                                "git: would read outside the scanned folder ("
                                        + String.join("; ", check.external())
                                        + ")"
                                        + optIn));
                return Optional.empty();
            }
            if (!RepositoryCache.FileKey.isGitRepository(gitDir.toFile(), FS.DETECTED)) {
                warnings.accept(
                        new ScanWarning(
                                shown,
                                0,
                                "git: "
                                        + gitDir
                                        + " is not a valid repository (unreadable HEAD or missing objects); git status and history skipped"));
                return Optional.empty();
            }
            OfflineSystemReader.install();
            Repository repository =
                    new FileRepositoryBuilder()
                            .setGitDir(gitDir.toFile())
                            .setWorkTree(workTree.toFile())
                            .setMustExist(true)
                            .build();
            repository.getConfig();
            return Optional.of(repository);
        } catch (IOException | RuntimeException e) {
            warnings.accept(
                    new ScanWarning(
                            shown,
                            0,
                            "git: cannot open repository ("
                                    + e.getClass().getSimpleName()
                                    + ": "
                                    + e.getMessage()
                                    + "); git status and history skipped"));
            return Optional.empty();
        }
    }

    static Optional<Path> readGitdirFile(Path dotGit, Path workTree) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(dotGit)) {
            head = in.readNBytes(MAX_GITDIR_FILE_BYTES);
        }
        String first =
                new String(head, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
        if (!first.startsWith(GITDIR_PREFIX)) {
            return Optional.empty();
        }
        String target = first.substring(GITDIR_PREFIX.length()).trim();
        if (target.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(workTree.resolve(target).normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * The common git directory of a linked worktree's git directory ({@code commondir}), or null.
     */
    private static Path commonDir(Path gitDir) {
        Path file = gitDir.resolve("commondir");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String line =
                    new String(in.readNBytes(MAX_GITDIR_FILE_BYTES), StandardCharsets.UTF_8)
                            .strip();
            return line.isEmpty() ? null : gitDir.resolve(line).normalize();
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    private static String shown(Path scanRoot, Path dotGit) {
        return scanRoot.relativize(dotGit).toString().replace('\\', '/');
    }
}
