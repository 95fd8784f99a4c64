package dev.mcpsec.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Builds fixture repositories with JGit; every commit is one minute after the previous one. */
final class TestRepo implements AutoCloseable {
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    final Git git;
    final Path dir;
    private Instant clock = EPOCH;

    private TestRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    static TestRepo init(Path dir) throws GitAPIException {
        return new TestRepo(
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    }

    static TestRepo wrap(Git git) {
        return new TestRepo(git, git.getRepository().getWorkTree().toPath());
    }

    TestRepo write(String path, String content) throws IOException {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    TestRepo write(String path, byte[] content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return this;
    }

    TestRepo delete(String path) throws IOException {
        Files.delete(dir.resolve(path));
        return this;
    }

    Path path(String relative) {
        return dir.resolve(relative);
    }

    RevCommit commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        clock = clock.plusSeconds(60);
        PersonIdent ident =
                new PersonIdent("Fixture", "fixture@example.invalid", clock, ZoneOffset.UTC);
        return git.commit()
                .setAll(true)
                .setMessage(message)
                .setAuthor(ident)
                .setCommitter(ident)
                .setSign(false)
                .call();
    }

    TestRepo branch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).call();
        return this;
    }

    TestRepo checkout(String name) throws GitAPIException {
        git.checkout().setName(name).call();
        return this;
    }

    @Override
    public void close() {
        git.close();
    }
}
