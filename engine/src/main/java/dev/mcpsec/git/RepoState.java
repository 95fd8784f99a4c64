package dev.mcpsec.git;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * The state of a repository that decides whether a cached result still holds: every ref and HEAD and, for a clone,
 * the size and modification time of its index (a checkout or a commit changes it). Uncommitted edits that touch
 * neither are not seen: scan a clone with {@code mcpsec scan} for those, or use mirrors.
 */
public final class RepoState {
    private RepoState() {
    }

    /** The head commit (or null) and the state digest. */
    public record State(String head, String digest) {
    }

    /** A bare repository's HEAD must be a symbolic ref or a commit id; JGit would read anything else as absent. */
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
        // No readEnvironment(): GIT_DIR and friends of the process must not redirect what is read.
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
            String headId = head == null || head.getObjectId() == null ? null : head.getObjectId().name();
            lines.put(Constants.HEAD, (head != null && head.isSymbolic() ? head.getTarget().getName() + " " : "")
                    + (headId == null ? "-" : headId));
            if (!mirror) {
                Path index = repo.getIndexFile().toPath();
                if (Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
                    lines.put("index", Files.size(index) + " " + Files.getLastModifiedTime(index).toMillis());
                }
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach((k, v) -> sha.update((k + "\u0000" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            return new State(headId, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
