package dev.mcpsec.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The state of a repository that decides whether a cached result still holds: every ref and HEAD
 * and, for a clone, the size and modification time of its index (a checkout or a commit changes
 * it). Uncommitted edits that touch neither are not seen: scan a clone with {@code mcpsec scan} for
 * those, or use mirrors.
 */
public final class RepoState {
    private RepoState() {}

    /** The head commit (or null) and the state digest. */
    public record State(String head, String digest) {}

    /**
     * JGit opens HEAD, config, refs, packed-refs and the index without asking what they are, and a
     * FIFO in any of those places blocks forever: the git directory is checked first, as a single
     * scan checks it ({@link GitDirCheck}), and a repository that fails the check is not read.
     */
    private static void checkGitDir(Path repository, boolean bare) throws IOException {
        Path gitDir = repository;
        if (!bare) {
            Path dotGit = repository.resolve(Constants.DOT_GIT);
            if (Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
                gitDir =
                        RepositoryLocator.readGitdirFile(dotGit, repository)
                                .orElseThrow(
                                        () ->
                                                new IOException(
                                                        ".git is a file without a valid 'gitdir:' line"));
            } else if (!Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(
                        ".git is not a regular file or folder (FIFO, device or socket)");
            } else {
                gitDir = dotGit;
            }
        }
        if (!Files.isDirectory(gitDir)) {
            throw new IOException("the git directory " + gitDir + " does not exist");
        }
        String refusal = GitDirCheck.check(gitDir, gitDir.toRealPath()).refusal();
        if (refusal != null) {
            throw new IOException("git: " + refusal);
        }
    }

    /**
     * A bare repository's HEAD must be a symbolic ref or a commit id; JGit would read anything else
     * as absent.
     */
    private static void checkHead(Path head) throws IOException {
        if (!Files.isRegularFile(head, LinkOption.NOFOLLOW_LINKS) || Files.size(head) > 4096) {
            throw new IOException("HEAD is not a small regular file");
        }
        String text = Files.readString(head, StandardCharsets.UTF_8).strip();
        if (!(text.startsWith("ref: refs/") || text.matches("[0-9a-f]{40}([0-9a-f]{24})?"))) {
            throw new IOException("HEAD is neither a ref nor a commit id");
        }
    }

    public static State of(Path repository, boolean bare) throws IOException {
        checkGitDir(repository, bare);
        // No readEnvironment(): GIT_DIR and friends of the process must not redirect what is read.
        OfflineSystemReader.install();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        boolean mirror = bare;
        if (mirror) {
            builder.setGitDir(repository.toFile()).setBare();
        } else {
            builder.setWorkTree(repository.toFile());
        }
        if (mirror) {
            checkHead(repository.resolve(Constants.HEAD));
        }
        try (Repository repo = builder.build()) {
            TreeMap<String, String> lines = new TreeMap<>();
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                ObjectId id = ref.getObjectId();
                lines.put(ref.getName(), id == null ? "-" : id.name());
            }
            Ref head = repo.exactRef(Constants.HEAD);
            String headId =
                    head == null || head.getObjectId() == null ? null : head.getObjectId().name();
            lines.put(
                    Constants.HEAD,
                    (head != null && head.isSymbolic() ? head.getTarget().getName() + " " : "")
                            + (headId == null ? "-" : headId));
            if (!mirror) {
                Path index = repo.getIndexFile().toPath();
                if (Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
                    lines.put(
                            "index",
                            Files.size(index) + " " + Files.getLastModifiedTime(index).toMillis());
                }
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach(
                    (k, v) ->
                            sha.update((k + "\u0000" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            return new State(headId, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
