package dev.mcpsec.git;

import java.util.function.Predicate;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Enters every subtree and keeps the files whose repository path the caller's predicate accepts.
 */
final class PathPredicateFilter extends TreeFilter {
    private final Predicate<String> accept;

    PathPredicateFilter(Predicate<String> accept) {
        this.accept = accept;
    }

    @Override
    public boolean include(TreeWalk walk) {
        return walk.isSubtree() || accept.test(walk.getPathString());
    }

    @Override
    public boolean shouldBeRecursive() {
        return true;
    }

    @Override
    public TreeFilter clone() {
        return this;
    }
}
