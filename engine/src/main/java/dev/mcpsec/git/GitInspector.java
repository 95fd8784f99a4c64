package dev.mcpsec.git;

import dev.mcpsec.api.ScanWarning;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * Read-only view of the git repository that contains a scan root: file status (tracked, ignored), a
 * stable salt for fingerprints, and the history of selected paths across all refs. Pure JGit;
 * broken repositories produce warnings, never exceptions.
 */
public final class GitInspector implements AutoCloseable {
    private final Repository repository;
    private final Path workTree;
    private final String scanPrefix;
    private final Consumer<ScanWarning> warnings;
    private final boolean allowExternal;
    private IgnoreRules ignoreRules;
    private String salt;

    private GitInspector(
            Repository repository,
            Path scanRoot,
            Consumer<ScanWarning> warnings,
            boolean allowExternal) {
        this.repository = repository;
        this.allowExternal = allowExternal;
        this.workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
        this.warnings = warnings;
        Path root = scanRoot.toAbsolutePath().normalize();
        String relative = relative(root);
        this.scanPrefix = relative == null || relative.isEmpty() ? relative : relative + "/";
    }

    /**
     * Opens the repository whose work tree contains {@code scanRoot} (the root may be a subfolder,
     * or a linked worktree with a {@code .git} file). Empty when there is none; empty plus a
     * warning when the nearest {@code .git} is broken (bad {@code gitdir:} file, garbage HEAD,
     * missing objects).
     */
    public static Optional<GitInspector> open(Path scanRoot, Consumer<ScanWarning> warnings) {
        return open(scanRoot, warnings, false);
    }

    /**
     * As {@link #open(Path, Consumer)}; with {@code allowExternal}, git may also read outside the
     * folder that holds {@code .git} (a {@code gitdir:} elsewhere, alternates, includes, an
     * excludes file elsewhere). Without it such a repository is reported and not opened, and
     * excludes files elsewhere are reported and not read.
     */
    public static Optional<GitInspector> open(
            Path scanRoot, Consumer<ScanWarning> warnings, boolean allowExternal) {
        Consumer<ScanWarning> sink = warnings == null ? w -> {} : warnings;
        try {
            return RepositoryLocator.locate(scanRoot, sink, allowExternal)
                    .map(repo -> new GitInspector(repo, scanRoot, sink, allowExternal));
        } catch (RuntimeException e) {
            sink.accept(
                    new ScanWarning(
                            null, 0, "git: repository lookup failed (" + e.getMessage() + ")"));
            return Optional.empty();
        }
    }

    /** The work tree of the repository (absolute, normalised). */
    public Path workTree() {
        return workTree;
    }

    /** Status of one file. */
    public GitFileStatus status(Path absoluteFile) {
        return statuses(List.of(absoluteFile)).get(absoluteFile);
    }

    /**
     * Status of many files at once: one index read and one filtered walk of the HEAD tree for the
     * whole batch.
     */
    public Map<Path, GitFileStatus> statuses(Collection<Path> absoluteFiles) {
        Map<Path, String> repoPaths = new LinkedHashMap<>();
        for (Path file : absoluteFiles) {
            repoPaths.put(file, relative(file.toAbsolutePath().normalize()));
        }
        Set<String> inside = new HashSet<>();
        repoPaths.values().stream()
                .filter(p -> p != null && !p.isEmpty() && !isGitInternal(p))
                .forEach(inside::add);
        Set<String> tracked = tracked(inside);
        IgnoreRules rules = ignoreRules();
        Map<Path, GitFileStatus> result = new LinkedHashMap<>();
        repoPaths.forEach(
                (file, repoPath) -> {
                    if (repoPath == null) {
                        result.put(file, GitFileStatus.OUTSIDE);
                    } else if (!inside.contains(repoPath)) {
                        result.put(file, new GitFileStatus(true, false, false));
                    } else {
                        result.put(
                                file,
                                new GitFileStatus(
                                        true,
                                        tracked.contains(repoPath),
                                        rules.isIgnored(repoPath)));
                    }
                });
        return result;
    }

    /**
     * A stable, non-secret seed for salted fingerprints: the id of the root commit reachable from
     * HEAD (the smallest id when there are several), or the work-tree path when there are no
     * commits yet.
     */
    public String repoSalt() {
        if (salt == null) {
            salt = computeSalt();
        }
        return salt;
    }

    /**
     * Every distinct blob of every path {@code repoRelativePathFilter} accepts, across all commits
     * reachable from any ref, HEAD and the stash reflog, each once with the earliest commit that
     * held it at that path. Limits in {@code options} stop the walk with {@link
     * HistoryResult#truncated()} set; {@code progress} may be null. Commits are diffed on a few
     * threads, so the filter must be thread-safe (a pure function of the path).
     */
    public HistoryResult history(
            Predicate<String> repoRelativePathFilter,
            HistoryOptions options,
            Consumer<String> progress) {
        return new HistoryWalker(repository, scanPrefix)
                .walk(repoRelativePathFilter, options, progress, Map.of());
    }

    /**
     * As {@link #history(Predicate, HistoryOptions, Consumer)}, but walks only the commits added
     * since {@code previousTips} (ref name to commit id, as an earlier walk saw them) when that is
     * safe: every earlier tip is still in the repository and reachable from a current ref (nothing
     * was rewritten or deleted). Otherwise the whole history is walked. {@link
     * HistoryResult#incremental()} tells which happened.
     */
    public HistoryResult history(
            Predicate<String> repoRelativePathFilter,
            HistoryOptions options,
            Consumer<String> progress,
            Map<String, String> previousTips) {
        return new HistoryWalker(repository, scanPrefix)
                .walk(repoRelativePathFilter, options, progress, previousTips);
    }

    /**
     * The current ref tips (ref name to peeled commit id) that an incremental walk can later start
     * from.
     */
    public Map<String, String> tips() {
        return HistoryWalker.tips(repository);
    }

    @Override
    public void close() {
        repository.close();
    }

    private Set<String> tracked(Set<String> paths) {
        Set<String> tracked = new HashSet<>();
        if (paths.isEmpty()) {
            return tracked;
        }
        try {
            DirCache index = repository.readDirCache();
            for (String path : paths) {
                if (index.findEntry(path) >= 0) {
                    tracked.add(path);
                }
            }
        } catch (IOException | RuntimeException e) {
            warnings.accept(
                    new ScanWarning(
                            null,
                            0,
                            "git: index unreadable, tracked status from HEAD only ("
                                    + e.getMessage()
                                    + ")"));
        }
        try {
            ObjectId headTree = repository.resolve(Constants.HEAD + "^{tree}");
            if (headTree != null) {
                try (TreeWalk walk = new TreeWalk(repository)) {
                    walk.reset(headTree);
                    walk.setRecursive(true);
                    walk.setFilter(PathFilterGroup.createFromStrings(paths));
                    while (walk.next()) {
                        tracked.add(walk.getPathString());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            warnings.accept(
                    new ScanWarning(
                            null,
                            0,
                            "git: HEAD tree unreadable, tracked status from the index only ("
                                    + e.getMessage()
                                    + ")"));
        }
        return tracked;
    }

    private IgnoreRules ignoreRules() {
        if (ignoreRules == null) {
            ignoreRules = IgnoreRules.load(repository, workTree, warnings, allowExternal);
        }
        return ignoreRules;
    }

    private String computeSalt() {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head != null) {
                walk.setRetainBody(false);
                walk.markStart(walk.parseCommit(head));
                TreeSet<String> roots = new TreeSet<>();
                for (RevCommit commit : walk) {
                    if (commit.getParentCount() == 0) {
                        roots.add(commit.name());
                    }
                }
                if (!roots.isEmpty()) {
                    return "git-root:" + roots.first();
                }
            }
        } catch (IOException | RuntimeException e) {
            warnings.accept(
                    new ScanWarning(
                            null,
                            0,
                            "git: history unreadable for the fingerprint salt, "
                                    + "using the work-tree path ("
                                    + e.getMessage()
                                    + ")"));
        }
        return "worktree:" + workTree;
    }

    /**
     * Repository-relative path with forward slashes, "" for the work tree itself, null when outside
     * it.
     */
    private String relative(Path absolute) {
        if (!absolute.startsWith(workTree)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        workTree.relativize(absolute).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private static boolean isGitInternal(String repoPath) {
        return repoPath.equals(Constants.DOT_GIT) || repoPath.startsWith(Constants.DOT_GIT + "/");
    }
}
