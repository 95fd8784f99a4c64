package dev.mcpsec.git;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Diffs commits against their parents and records the blobs of accepted paths each commit
 * introduces. Unchanged subtrees are skipped by {@link TreeFilter#ANY_DIFF} without being read. One
 * instance per thread.
 */
final class CommitDiffer implements AutoCloseable {
    private static final long TREE_CACHE_BYTES = 8L << 20;

    /** What a diff needs of a commit, copied out of the (single-threaded) RevWalk. */
    record CommitTrees(ObjectId commit, int time, ObjectId tree, ObjectId[] parentTrees) {
        static CommitTrees of(RevWalk walk, RevCommit commit) throws IOException {
            ObjectId[] parents = new ObjectId[commit.getParentCount()];
            for (int i = 0; i < parents.length; i++) {
                RevCommit parent = commit.getParent(i);
                walk.parseHeaders(parent);
                parents[i] = parent.getTree().copy();
            }
            return new CommitTrees(
                    commit.copy(), commit.getCommitTime(), commit.getTree().copy(), parents);
        }
    }

    private final ObjectReader reader;
    private final TreeWalk treeWalk;

    CommitDiffer(Repository repository, Predicate<String> pathFilter) {
        this.reader = new TreeCachingReader(repository.newObjectReader(), TREE_CACHE_BYTES);
        this.treeWalk = new TreeWalk(repository, reader);
        treeWalk.setRecursive(true);
        treeWalk.setFilter(
                AndTreeFilter.create(TreeFilter.ANY_DIFF, new PathPredicateFilter(pathFilter)));
    }

    /**
     * Blobs introduced by the given commits, each with its earliest occurrence among them. A commit
     * whose trees cannot be read is skipped and described in {@code failures}; the others are still
     * diffed.
     */
    Map<ObjectId, BlobOccurrence> diff(List<CommitTrees> commits, List<String> failures) {
        Map<ObjectId, BlobOccurrence> introduced = new HashMap<>();
        for (CommitTrees commit : commits) {
            try {
                diff(commit, introduced);
            } catch (IOException | RuntimeException e) {
                failures.add(
                        commit.commit().name()
                                + " ("
                                + e.getClass().getSimpleName()
                                + ": "
                                + e.getMessage()
                                + ")");
            }
        }
        return introduced;
    }

    private void diff(CommitTrees commit, Map<ObjectId, BlobOccurrence> introduced)
            throws IOException {
        ObjectId[] parents = commit.parentTrees();
        if (parents.length == 0) {
            treeWalk.reset(commit.tree());
            treeWalk.addTree(new EmptyTreeIterator());
        } else {
            ObjectId[] trees = new ObjectId[parents.length + 1];
            trees[0] = commit.tree();
            System.arraycopy(parents, 0, trees, 1, parents.length);
            treeWalk.reset(trees);
        }
        int treeCount = treeWalk.getTreeCount();
        while (treeWalk.next()) {
            int mode = treeWalk.getRawMode(0);
            if ((FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode))
                    && !inherited(treeCount)) {
                BlobOccurrence here =
                        new BlobOccurrence(
                                treeWalk.getPathString(), commit.commit(), commit.time());
                introduced.merge(treeWalk.getObjectId(0), here, BlobOccurrence::earlier);
            }
        }
    }

    /**
     * The blob is the same as in one of the parents at this path: that parent's history introduced
     * it.
     */
    private boolean inherited(int treeCount) {
        for (int i = 1; i < treeCount; i++) {
            if (treeWalk.getRawMode(i) != 0 && treeWalk.idEqual(0, i)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        treeWalk.close();
        reader.close();
    }
}
