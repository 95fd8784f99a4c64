package dev.mcpsec.git;

import dev.mcpsec.api.ScanWarning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Finds the repository whose work tree contains a scan root, the way git does (nearest {@code .git} directory or
 * {@code gitdir:} file upwards), and refuses broken ones with a warning instead of falling back to an outer repository.
 */
final class RepositoryLocator {
    private static final int MAX_GITDIR_FILE_BYTES = 4096;
    private static final String GITDIR_PREFIX = "gitdir:";

    private RepositoryLocator() {
    }

    static Optional<Repository> locate(Path scanRoot, Consumer<ScanWarning> warnings) {
        Path start = scanRoot.toAbsolutePath().normalize();
        if (Files.isRegularFile(start)) {
            start = start.getParent();
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(Constants.DOT_GIT);
            if (Files.exists(dotGit, LinkOption.NOFOLLOW_LINKS)) {
                return open(dir, dotGit, start, warnings);
            }
        }
        return Optional.empty();
    }

    private static Optional<Repository> open(Path workTree, Path dotGit, Path scanRoot,
                                             Consumer<ScanWarning> warnings) {
        String shown = shown(scanRoot, dotGit);
        try {
            Path gitDir = dotGit;
            if (!Files.isDirectory(dotGit)) {
                Optional<Path> target = readGitdirFile(dotGit, workTree);
                if (target.isEmpty()) {
                    warnings.accept(new ScanWarning(shown, 0,
                            "git: .git is a file without a valid 'gitdir:' line; git status and history skipped"));
                    return Optional.empty();
                }
                gitDir = target.get();
                if (!Files.isDirectory(gitDir)) {
                    warnings.accept(new ScanWarning(shown, 0, "git: .git points to " + gitDir
                            + ", which does not exist; git status and history skipped"));
                    return Optional.empty();
                }
            }
            if (!RepositoryCache.FileKey.isGitRepository(gitDir.toFile(), FS.DETECTED)) {
                warnings.accept(new ScanWarning(shown, 0, "git: " + gitDir
                        + " is not a valid repository (unreadable HEAD or missing objects); git status and history skipped"));
                return Optional.empty();
            }
            OfflineSystemReader.install();
            Repository repository = new FileRepositoryBuilder()
                    .setGitDir(gitDir.toFile())
                    .setWorkTree(workTree.toFile())
                    .setMustExist(true)
                    .build();
            repository.getConfig();
            return Optional.of(repository);
        } catch (IOException | RuntimeException e) {
            warnings.accept(new ScanWarning(shown, 0, "git: cannot open repository (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); git status and history skipped"));
            return Optional.empty();
        }
    }

    private static Optional<Path> readGitdirFile(Path dotGit, Path workTree) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(dotGit)) {
            head = in.readNBytes(MAX_GITDIR_FILE_BYTES);
        }
        String first = new String(head, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
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

    private static String shown(Path scanRoot, Path dotGit) {
        return scanRoot.relativize(dotGit).toString().replace('\\', '/');
    }
}
