package dev.mcpsec.git;

import dev.mcpsec.api.ScanWarning;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.ReflogEntry;
import org.eclipse.jgit.lib.ReflogReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * One pass over every commit reachable from any ref, newest first. Each commit is diffed against its parents with
 * {@link TreeFilter#ANY_DIFF}, so unchanged subtrees are skipped without being read; a blob is recorded only where a
 * commit introduces it, and its content is read once, after the walk. One instance per pass.
 */
final class HistoryWalker {
    private static final int PROGRESS_EVERY = 10_000;
    private static final int CLOCK_EVERY = 256;
    private static final String STASH = Constants.R_STASH;

    private final Repository repository;
    private final String scanPrefix;
    private final List<ScanWarning> warnings = new ArrayList<>();
    private boolean truncated;

    /** @param scanPrefix the scan root relative to the work tree ("" or "a/b/"), null when the root is not inside */
    HistoryWalker(Repository repository, String scanPrefix) {
        this.repository = repository;
        this.scanPrefix = scanPrefix;
    }

    private record Occurrence(String path, ObjectId commit, int time) {
        static final Comparator<Occurrence> EARLIEST = Comparator.comparingInt(Occurrence::time)
                .thenComparing(Occurrence::path)
                .thenComparing(o -> o.commit().name());
    }

    HistoryResult walk(Predicate<String> pathFilter, HistoryOptions options, Consumer<String> progress) {
        Map<ObjectId, Occurrence> introduced = new HashMap<>();
        long deadline = System.nanoTime() + options.maxTime().toNanos();
        int walked = 0;
        try (ObjectReader reader = repository.newObjectReader();
             RevWalk revWalk = new RevWalk(reader);
             TreeWalk treeWalk = new TreeWalk(repository, reader)) {
            revWalk.setRetainBody(false);
            markStarts(revWalk);
            treeWalk.setRecursive(true);
            treeWalk.setFilter(AndTreeFilter.create(TreeFilter.ANY_DIFF, new PathPredicateFilter(pathFilter)));
            try {
                for (RevCommit commit = revWalk.next(); commit != null; commit = revWalk.next()) {
                    if (walked >= options.maxCommits()) {
                        truncated = true;
                        warnings.add(warning("history stopped at the commit limit (maxCommits = "
                                + options.maxCommits() + "); older commits were not examined"));
                        break;
                    }
                    if (walked % CLOCK_EVERY == 0 && System.nanoTime() > deadline) {
                        truncated = true;
                        warnings.add(warning("history stopped at the time limit (maxTime = " + options.maxTime()
                                + ") after " + walked + " commits; older commits were not examined"));
                        break;
                    }
                    walked++;
                    collect(commit, treeWalk, introduced);
                    if (progress != null && walked % PROGRESS_EVERY == 0) {
                        progress.accept("git history: " + walked + " commits walked");
                    }
                }
            } catch (IOException | RuntimeException e) {
                truncated = true;
                warnings.add(warning("history stopped after " + walked + " commits: unreadable object ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
            }
            List<HistoricBlob> blobs = read(reader, introduced, options, deadline);
            return new HistoryResult(blobs, walked, truncated, warnings);
        } catch (IOException | RuntimeException e) {
            warnings.add(warning("history unavailable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
            return new HistoryResult(List.of(), walked, true, warnings);
        }
    }

    private void markStarts(RevWalk revWalk) throws IOException {
        Set<ObjectId> starts = new HashSet<>();
        List<Ref> refs = new ArrayList<>(repository.getRefDatabase().getRefs());
        Ref head = repository.exactRef(Constants.HEAD);
        if (head != null) {
            refs.add(head);
        }
        for (Ref ref : refs) {
            if (ref.getObjectId() != null) {
                starts.add(ref.getObjectId());
            }
        }
        Ref stash = repository.exactRef(STASH);
        if (stash != null) {
            ReflogReader reflog = repository.getRefDatabase().getReflogReader(stash);
            if (reflog != null) {
                for (ReflogEntry entry : reflog.getReverseEntries()) {
                    starts.add(entry.getNewId());
                }
            }
        }
        for (ObjectId id : starts) {
            try {
                RevObject object = revWalk.peel(revWalk.parseAny(id));
                if (object instanceof RevCommit commit) {
                    revWalk.markStart(commit);
                }
            } catch (IOException | RuntimeException e) {
                warnings.add(warning("ref target " + id.name() + " unreadable, skipped (" + e.getMessage() + ")"));
            }
        }
    }

    private static void collect(RevCommit commit, TreeWalk treeWalk, Map<ObjectId, Occurrence> introduced)
            throws IOException {
        int parents = commit.getParentCount();
        if (parents == 0) {
            treeWalk.reset(commit.getTree());
            treeWalk.addTree(new EmptyTreeIterator());
        } else {
            ObjectId[] trees = new ObjectId[parents + 1];
            trees[0] = commit.getTree();
            for (int i = 0; i < parents; i++) {
                trees[i + 1] = commit.getParent(i).getTree();
            }
            treeWalk.reset(trees);
        }
        int treeCount = treeWalk.getTreeCount();
        while (treeWalk.next()) {
            int mode = treeWalk.getRawMode(0);
            if (!FileMode.REGULAR_FILE.equals(mode) && !FileMode.EXECUTABLE_FILE.equals(mode)) {
                continue;
            }
            if (inherited(treeWalk, treeCount)) {
                continue;
            }
            ObjectId blob = treeWalk.getObjectId(0);
            Occurrence candidate = new Occurrence(treeWalk.getPathString(), commit.copy(), commit.getCommitTime());
            introduced.merge(blob, candidate, (a, b) -> Occurrence.EARLIEST.compare(a, b) <= 0 ? a : b);
        }
    }

    private static boolean inherited(TreeWalk treeWalk, int treeCount) {
        for (int i = 1; i < treeCount; i++) {
            if (treeWalk.getRawMode(i) != 0 && treeWalk.idEqual(0, i)) {
                return true;
            }
        }
        return false;
    }

    private List<HistoricBlob> read(ObjectReader reader, Map<ObjectId, Occurrence> introduced,
                                    HistoryOptions options, long deadline) throws IOException {
        List<Map.Entry<ObjectId, Occurrence>> ordered = new ArrayList<>(introduced.entrySet());
        ordered.sort(Map.Entry.comparingByValue(Occurrence.EARLIEST));
        Map<String, ObjectId> headVersions = headVersions(reader, introduced.values());
        List<HistoricBlob> blobs = new ArrayList<>();
        for (Map.Entry<ObjectId, Occurrence> entry : ordered) {
            if (System.nanoTime() > deadline) {
                truncated = true;
                warnings.add(warning("history stopped at the time limit (maxTime = " + options.maxTime()
                        + ") while reading blobs; " + (ordered.size() - blobs.size()) + " blobs not read"));
                break;
            }
            Occurrence at = entry.getValue();
            String scanPath = scanRelative(at.path());
            String shown = scanPath != null ? scanPath : at.path();
            byte[] content = content(reader, entry.getKey(), options.maxBlobBytes(), shown, at);
            if (content != null) {
                blobs.add(new HistoricBlob(at.path(), scanPath, entry.getKey().name(), at.commit().name(),
                        Instant.ofEpochSecond(at.time()), content,
                        entry.getKey().equals(headVersions.get(at.path()))));
            }
        }
        return blobs;
    }

    private byte[] content(ObjectReader reader, ObjectId blob, long maxBytes, String shown, Occurrence at)
            throws IOException {
        String where = " (blob " + blob.abbreviate(10).name() + ", commit " + at.commit().abbreviate(10).name() + ")";
        try {
            ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
            if (loader.getSize() > maxBytes) {
                warnings.add(new ScanWarning(shown, 0, "git history: blob of " + loader.getSize()
                        + " bytes exceeds maxBlobBytes = " + maxBytes + ", skipped" + where));
                return null;
            }
            byte[] bytes = loader.getCachedBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 16));
            for (byte b : bytes) {
                if (b == 0) {
                    warnings.add(new ScanWarning(shown, 0, "git history: binary blob (NUL bytes) skipped" + where));
                    return null;
                }
            }
            return bytes.clone();
        } catch (LargeObjectException | org.eclipse.jgit.errors.MissingObjectException e) {
            warnings.add(new ScanWarning(shown, 0, "git history: blob unreadable, skipped" + where));
            return null;
        }
    }

    private Map<String, ObjectId> headVersions(ObjectReader reader, Iterable<Occurrence> occurrences)
            throws IOException {
        Map<String, ObjectId> versions = new HashMap<>();
        Set<String> paths = new HashSet<>();
        occurrences.forEach(o -> paths.add(o.path()));
        ObjectId headTree = repository.resolve(Constants.HEAD + "^{tree}");
        if (headTree == null || paths.isEmpty()) {
            return versions;
        }
        try (TreeWalk walk = new TreeWalk(repository, reader)) {
            walk.reset(headTree);
            walk.setRecursive(true);
            walk.setFilter(PathFilterGroup.createFromStrings(paths));
            while (walk.next()) {
                versions.put(walk.getPathString(), walk.getObjectId(0));
            }
        }
        return versions;
    }

    private String scanRelative(String repoPath) {
        if (scanPrefix == null) {
            return null;
        }
        return repoPath.startsWith(scanPrefix) ? repoPath.substring(scanPrefix.length()) : null;
    }

    private static ScanWarning warning(String message) {
        return new ScanWarning(null, 0, "git: " + message);
    }
}
