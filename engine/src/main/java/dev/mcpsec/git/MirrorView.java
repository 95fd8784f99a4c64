package dev.mcpsec.git;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A scannable view of a bare mirror, made inside a fleet run's own work folder and deleted
 * afterwards: a git directory that borrows the mirror's objects through {@code
 * objects/info/alternates} (nothing is copied, nothing is written into the mirror), the mirror's
 * refs and HEAD, and the default branch's files written out from its tree (regular files up to the
 * size limit; symbolic links and submodules are not written). The scan then reads the view exactly
 * as it reads a clone, history included.
 */
public final class MirrorView implements AutoCloseable {
    private final Path workTree;
    private final int filesWritten;
    private final int filesSkipped;

    private MirrorView(Path workTree, int filesWritten, int filesSkipped) {
        this.workTree = workTree;
        this.filesWritten = filesWritten;
        this.filesSkipped = filesSkipped;
    }

    /** The work tree to scan. */
    public Path workTree() {
        return workTree;
    }

    public int filesWritten() {
        return filesWritten;
    }

    public int filesSkipped() {
        return filesSkipped;
    }

    /**
     * Builds the view of {@code mirror} in the new folder {@code workTree} (which must not exist).
     */
    public static MirrorView open(Path mirror, Path workTree, long maxFileBytes)
            throws IOException {
        Files.createDirectories(workTree.getParent());
        Files.createDirectory(workTree);
        boolean done = false;
        OfflineSystemReader.install();
        try (Repository source =
                new FileRepositoryBuilder()
                        .setGitDir(mirror.toFile())
                        .setMustExist(true)
                        .setBare()
                        .build()) {
            Path gitDir = workTree.resolve(Constants.DOT_GIT);
            Files.createDirectories(gitDir.resolve("objects").resolve("info"));
            Files.createDirectories(gitDir.resolve("refs").resolve("heads"));
            Files.createDirectories(gitDir.resolve("refs").resolve("tags"));
            Files.writeString(
                    gitDir.resolve("objects").resolve("info").resolve("alternates"),
                    mirror.toAbsolutePath().normalize().resolve("objects") + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(
                    gitDir.resolve("config"),
                    "[core]\n\trepositoryformatversion = 0\n\tbare = false\n",
                    StandardCharsets.UTF_8);
            TreeMap<String, ObjectId> refs = new TreeMap<>();
            for (Ref ref : source.getRefDatabase().getRefs()) {
                if (ref.getObjectId() != null
                        && !ref.isSymbolic()
                        && Repository.isValidRefName(ref.getName())) {
                    refs.put(ref.getName(), ref.getObjectId());
                }
            }
            StringBuilder packed = new StringBuilder();
            refs.forEach(
                    (name, id) -> packed.append(id.name()).append(' ').append(name).append('\n'));
            Files.writeString(
                    gitDir.resolve("packed-refs"), packed.toString(), StandardCharsets.UTF_8);
            Ref head = source.exactRef(Constants.HEAD);
            String headLine;
            if (head != null
                    && head.isSymbolic()
                    && Repository.isValidRefName(head.getTarget().getName())) {
                headLine = "ref: " + head.getTarget().getName() + "\n";
            } else if (head != null && head.getObjectId() != null) {
                headLine = head.getObjectId().name() + "\n";
            } else {
                headLine = "ref: refs/heads/main\n";
            }
            Files.writeString(gitDir.resolve("HEAD"), headLine, StandardCharsets.UTF_8);
            int[] counts = new int[2];
            ObjectId commit = head == null ? null : head.getObjectId();
            if (commit != null) {
                writeTree(source, commit, workTree, maxFileBytes, counts);
            }
            done = true;
            return new MirrorView(workTree, counts[0], counts[1]);
        } finally {
            if (!done) {
                delete(workTree);
            }
        }
    }

    private static void writeTree(
            Repository source, ObjectId commit, Path workTree, long maxFileBytes, int[] counts)
            throws IOException {
        try (ObjectReader reader = source.newObjectReader();
                RevWalk walk = new RevWalk(reader);
                TreeWalk tree = new TreeWalk(reader)) {
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (tree.getFileMode(0) != FileMode.REGULAR_FILE
                        && tree.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
                    counts[1]++;
                    continue;
                }
                Path target = safeTarget(workTree, tree.getPathString());
                if (target == null) {
                    counts[1]++;
                    continue;
                }
                ObjectId blob = tree.getObjectId(0);
                long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
                if (size > maxFileBytes) {
                    counts[1]++;
                    continue;
                }
                ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    loader.copyTo(out);
                }
                counts[0]++;
            }
        }
    }

    /**
     * Where a tree path is written, or null for a path that could leave the work tree or enter its
     * git folder.
     */
    public static Path safeTarget(Path workTree, String treePath) {
        if (treePath.isEmpty()
                || treePath.indexOf('\0') >= 0
                || treePath.indexOf('\\') >= 0
                || treePath.startsWith("/")) {
            return null;
        }
        for (String part : treePath.split("/", -1)) {
            String lower = part.toLowerCase(Locale.ROOT);
            if (part.isEmpty()
                    || part.equals(".")
                    || part.equals("..")
                    || lower.equals(".git")
                    || lower.startsWith(".git ")
                    || lower.startsWith(".git.")) {
                return null;
            }
        }
        Path target = workTree.resolve(treePath).normalize();
        return target.startsWith(workTree) && !target.equals(workTree) ? target : null;
    }

    @Override
    public void close() throws IOException {
        delete(workTree);
    }

    /** Deletes a folder this class made; never follows links (it writes none). */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(
                dir,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                            throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e)
                            throws IOException {
                        if (e != null) {
                            throw e;
                        }
                        Files.delete(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }
}
