package dev.mcpsec.git;

import dev.mcpsec.api.ScanWarning;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
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
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * One pass over every commit reachable from any ref, HEAD and the stash reflog, newest first. The
 * RevWalk runs on the calling thread; batches of consecutive commits are diffed against their
 * parents on a small pool (one {@link CommitDiffer} per thread, so each keeps its tree cache warm).
 * A blob is recorded only where a commit introduces it, and its content is read once, after the
 * walk. One instance per pass.
 */
final class HistoryWalker {
    private static final int PROGRESS_EVERY = 10_000;
    private static final int CLOCK_EVERY = 256;
    private static final int BATCH = 512;
    private static final int MAX_THREADS = 4;
    private static final int BATCHES_IN_FLIGHT_PER_THREAD = 4;
    private static final String STASH = Constants.R_STASH;

    private final Repository repository;
    private final String scanPrefix;
    private final List<ScanWarning> warnings = new ArrayList<>();
    private boolean incremental;
    private boolean truncated;
    private boolean timeLimitReported;

    /**
     * @param scanPrefix the scan root relative to the work tree ("" or "a/b/"), null when the root
     *     is not inside
     */
    HistoryWalker(Repository repository, String scanPrefix) {
        this.repository = repository;
        this.scanPrefix = scanPrefix;
    }

    /**
     * Outcome of one batch: null {@code introduced} when the time limit had passed before it
     * started.
     */
    private record Batch(
            Map<ObjectId, BlobOccurrence> introduced, int commits, List<String> failures) {}

    HistoryResult walk(
            Predicate<String> pathFilter,
            HistoryOptions options,
            Consumer<String> progress,
            Map<String, String> previousTips) {
        long deadline = System.nanoTime() + options.maxTime().toNanos();
        int threads =
                Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        List<CommitDiffer> differs = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<CommitDiffer> differ =
                ThreadLocal.withInitial(
                        () -> {
                            CommitDiffer created = new CommitDiffer(repository, pathFilter);
                            differs.add(created);
                            return created;
                        });
        List<Future<Batch>> batches = new ArrayList<>();
        Semaphore inFlight = new Semaphore(threads * BATCHES_IN_FLIGHT_PER_THREAD);
        int dispatched = 0;
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk revWalk = new RevWalk(reader)) {
            revWalk.setRetainBody(false);
            try {
                markStarts(revWalk);
                incremental = !previousTips.isEmpty() && markSeen(revWalk, previousTips);
                List<CommitDiffer.CommitTrees> batch = new ArrayList<>(BATCH);
                for (RevCommit commit = revWalk.next(); commit != null; commit = revWalk.next()) {
                    if (dispatched >= options.maxCommits()) {
                        truncated = true;
                        warnings.add(
                                warning(
                                        "history stopped at the commit limit (maxCommits = "
                                                + options.maxCommits()
                                                + "); older commits were not examined"));
                        break;
                    }
                    if (dispatched % CLOCK_EVERY == 0 && System.nanoTime() > deadline) {
                        timeLimit(options, dispatched);
                        break;
                    }
                    dispatched++;
                    batch.add(CommitDiffer.CommitTrees.of(revWalk, commit));
                    if (batch.size() == BATCH) {
                        batches.add(submit(pool, differ, inFlight, batch, deadline));
                        batch = new ArrayList<>(BATCH);
                    }
                    if (progress != null && dispatched % PROGRESS_EVERY == 0) {
                        progress.accept("git history: " + dispatched + " commits walked");
                    }
                }
                if (!batch.isEmpty()) {
                    batches.add(submit(pool, differ, inFlight, batch, deadline));
                }
            } catch (IOException | RuntimeException e) {
                truncated = true;
                warnings.add(
                        warning(
                                "history stopped after "
                                        + dispatched
                                        + " commits: unreadable object ("
                                        + describe(e)
                                        + ")"));
            }
            Map<ObjectId, BlobOccurrence> introduced = new HashMap<>();
            int diffed = gather(batches, introduced, options);
            shutdown(pool, differs);
            List<HistoricBlob> blobs = read(reader, introduced, options, deadline);
            return new HistoryResult(blobs, diffed, truncated, warnings, incremental);
        } catch (IOException | RuntimeException e) {
            warnings.add(warning("history unavailable (" + describe(e) + ")"));
            return new HistoryResult(List.of(), 0, true, warnings);
        } finally {
            shutdown(pool, differs);
        }
    }

    /**
     * Hands a batch to the pool; blocks while enough batches wait, so the walk never runs far ahead
     * of the diffs.
     */
    private static Future<Batch> submit(
            ExecutorService pool,
            ThreadLocal<CommitDiffer> differ,
            Semaphore inFlight,
            List<CommitDiffer.CommitTrees> commits,
            long deadline) {
        inFlight.acquireUninterruptibly();
        return pool.submit(
                () -> {
                    try {
                        if (System.nanoTime() > deadline) {
                            return new Batch(null, commits.size(), List.of());
                        }
                        List<String> failures = new ArrayList<>();
                        return new Batch(
                                differ.get().diff(commits, failures), commits.size(), failures);
                    } finally {
                        inFlight.release();
                    }
                });
    }

    /** Merges finished batches; returns how many commits were actually diffed. */
    private int gather(
            List<Future<Batch>> batches,
            Map<ObjectId, BlobOccurrence> introduced,
            HistoryOptions options) {
        int diffed = 0;
        for (Future<Batch> future : batches) {
            try {
                Batch batch = future.get();
                if (batch.introduced() == null) {
                    timeLimit(options, diffed);
                    continue;
                }
                diffed += batch.commits() - batch.failures().size();
                if (!batch.failures().isEmpty()) {
                    truncated = true;
                    warnings.add(
                            warning(
                                    batch.failures().size()
                                            + " commit(s) skipped: unreadable tree, first "
                                            + batch.failures().get(0)));
                }
                batch.introduced()
                        .forEach((blob, at) -> introduced.merge(blob, at, BlobOccurrence::earlier));
            } catch (ExecutionException e) {
                truncated = true;
                warnings.add(
                        warning(
                                "some commits could not be diffed ("
                                        + describe(e.getCause())
                                        + ")"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                truncated = true;
                warnings.add(warning("history interrupted"));
                break;
            }
        }
        return diffed;
    }

    private void timeLimit(HistoryOptions options, int commits) {
        truncated = true;
        if (!timeLimitReported) {
            timeLimitReported = true;
            warnings.add(
                    warning(
                            "history stopped at the time limit (maxTime = "
                                    + options.maxTime()
                                    + ") after about "
                                    + commits
                                    + " commits; older commits were not examined"));
        }
    }

    private static void shutdown(ExecutorService pool, List<CommitDiffer> differs) {
        if (pool.isShutdown()) {
            return;
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        differs.forEach(CommitDiffer::close);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "mcpsec-git-history-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * Marks the commits an earlier walk saw as uninteresting, when that is safe: every earlier tip
     * still exists and is reachable from a current tip. Returns false (and marks nothing)
     * otherwise.
     */
    private boolean markSeen(RevWalk revWalk, Map<String, String> previousTips) throws IOException {
        Map<String, String> now = tips(repository);
        List<RevCommit> seen = new ArrayList<>();
        List<RevCommit> current = new ArrayList<>();
        for (String id : new HashSet<>(now.values())) {
            current.add(revWalk.parseCommit(ObjectId.fromString(id)));
        }
        try (RevWalk check = new RevWalk(repository)) {
            check.setRetainBody(false);
            for (String id : new HashSet<>(previousTips.values())) {
                ObjectId oid;
                try {
                    oid = ObjectId.fromString(id);
                } catch (IllegalArgumentException e) {
                    return false;
                }
                if (!repository.getObjectDatabase().has(oid)) {
                    return false;
                }
                RevCommit old = check.parseCommit(oid);
                boolean reachable = false;
                for (String tip : new HashSet<>(now.values())) {
                    check.reset();
                    if (check.isMergedInto(old, check.parseCommit(ObjectId.fromString(tip)))) {
                        reachable = true;
                        break;
                    }
                }
                if (!reachable) {
                    return false;
                }
                seen.add(revWalk.parseCommit(oid));
            }
        }
        for (RevCommit commit : seen) {
            revWalk.markUninteresting(commit);
        }
        return !current.isEmpty();
    }

    /** Ref name to peeled commit id of every ref (and HEAD) that points at a commit. */
    static Map<String, String> tips(Repository repository) {
        Map<String, String> tips = new java.util.TreeMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            List<Ref> refs = new ArrayList<>(repository.getRefDatabase().getRefs());
            Ref head = repository.exactRef(Constants.HEAD);
            if (head != null) {
                refs.add(head);
            }
            for (Ref ref : refs) {
                if (ref.getObjectId() == null) {
                    continue;
                }
                try {
                    RevObject object = walk.peel(walk.parseAny(ref.getObjectId()));
                    if (object instanceof RevCommit commit) {
                        tips.put(ref.getName(), commit.name());
                    }
                } catch (IOException | RuntimeException e) {
                    // an unreadable ref is not a tip; the walk itself reports it
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return tips;
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
                warnings.add(
                        warning(
                                "ref target "
                                        + id.name()
                                        + " unreadable, skipped ("
                                        + e.getMessage()
                                        + ")"));
            }
        }
    }

    private List<HistoricBlob> read(
            ObjectReader reader,
            Map<ObjectId, BlobOccurrence> introduced,
            HistoryOptions options,
            long deadline)
            throws IOException {
        List<Map.Entry<ObjectId, BlobOccurrence>> ordered = new ArrayList<>(introduced.entrySet());
        ordered.sort(Map.Entry.comparingByValue(BlobOccurrence.EARLIEST));
        Map<String, ObjectId> headVersions = headVersions(reader, introduced.values());
        List<HistoricBlob> blobs = new ArrayList<>();
        for (Map.Entry<ObjectId, BlobOccurrence> entry : ordered) {
            if (System.nanoTime() > deadline) {
                truncated = true;
                warnings.add(
                        warning(
                                "history stopped at the time limit (maxTime = "
                                        + options.maxTime()
                                        + ") while reading blobs; "
                                        + (ordered.size() - blobs.size())
                                        + " blobs not read"));
                break;
            }
            BlobOccurrence at = entry.getValue();
            String scanPath = scanRelative(at.path());
            String shown = scanPath != null ? scanPath : at.path();
            byte[] content = content(reader, entry.getKey(), options.maxBlobBytes(), shown, at);
            if (content != null) {
                blobs.add(
                        new HistoricBlob(
                                at.path(),
                                scanPath,
                                entry.getKey().name(),
                                at.commit().name(),
                                Instant.ofEpochSecond(at.time()),
                                content,
                                entry.getKey().equals(headVersions.get(at.path()))));
            }
        }
        return blobs;
    }

    private byte[] content(
            ObjectReader reader, ObjectId blob, long maxBytes, String shown, BlobOccurrence at)
            throws IOException {
        String where =
                " (blob "
                        + blob.abbreviate(10).name()
                        + ", commit "
                        + at.commit().abbreviate(10).name()
                        + ")";
        try {
            ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
            if (loader.getSize() > maxBytes) {
                warnings.add(
                        new ScanWarning(
                                shown,
                                0,
                                "git history: blob of "
                                        + loader.getSize()
                                        + " bytes exceeds maxBlobBytes = "
                                        + maxBytes
                                        + ", skipped"
                                        + where));
                return null;
            }
            byte[] bytes = loader.getCachedBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 16));
            for (byte b : bytes) {
                if (b == 0) {
                    warnings.add(
                            new ScanWarning(
                                    shown,
                                    0,
                                    "git history: binary blob (NUL bytes) skipped" + where));
                    return null;
                }
            }
            return bytes.clone();
        } catch (LargeObjectException | org.eclipse.jgit.errors.MissingObjectException e) {
            warnings.add(
                    new ScanWarning(shown, 0, "git history: blob unreadable, skipped" + where));
            return null;
        }
    }

    private Map<String, ObjectId> headVersions(
            ObjectReader reader, Iterable<BlobOccurrence> occurrences) throws IOException {
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
