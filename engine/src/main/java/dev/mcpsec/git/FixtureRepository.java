package dev.mcpsec.git;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The repository of a bundle fixture case: commits everything in the work tree, with fixed author
 * and dates.
 */
public final class FixtureRepository implements AutoCloseable {
    private static final Instant DEFAULT_DATE = Instant.parse("2026-06-01T10:00:00Z");
    private final Git git;

    private FixtureRepository(Git git) {
        this.git = git;
    }

    /** A new repository (branch {@code main}, no signing) in {@code project}. */
    public static FixtureRepository init(Path project) throws IOException {
        try {
            Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call();
            git.getRepository().getConfig().setBoolean("commit", null, "gpgsign", false);
            return new FixtureRepository(git);
        } catch (GitAPIException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Commits the whole work tree (additions and deletions); {@code date} is ISO-8601, null for the
     * default date.
     */
    public void commitAll(String message, String date) throws IOException {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            Instant when = date == null ? DEFAULT_DATE : Instant.parse(date);
            PersonIdent who =
                    new PersonIdent(
                            "mcpsec fixture", "fixture@example.invalid", when, ZoneOffset.UTC);
            git.commit()
                    .setMessage(message)
                    .setAuthor(who)
                    .setCommitter(who)
                    .setAllowEmpty(true)
                    .setSign(false)
                    .call();
        } catch (GitAPIException e) {
            throw new IOException("cannot build the fixture repository: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
