package dev.mcpsec.git;

/**
 * Git status of one file: whether a repository holds it, whether git tracks it (HEAD or index), and
 * whether an ignore rule matches it. A tracked file can also match an ignore rule: both flags are
 * then true.
 *
 * @param inRepository the file lies inside the work tree of the inspected repository
 * @param tracked the path is in the HEAD tree or in the index
 * @param ignored a {@code .gitignore}, {@code .git/info/exclude} or global excludes rule ignores
 *     the path
 */
public record GitFileStatus(boolean inRepository, boolean tracked, boolean ignored) {
    /** The status of a file outside any repository. */
    public static final GitFileStatus OUTSIDE = new GitFileStatus(false, false, false);
}
