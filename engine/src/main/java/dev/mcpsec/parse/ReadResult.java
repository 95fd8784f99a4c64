package dev.mcpsec.parse;

import java.util.List;

/**
 * What {@link PositionalReader} made of one file: a tree, or an error {@code line:column: message}
 * (line and column 0 when the problem has no position), plus non-fatal warnings.
 *
 * @param limitHit the name of the scan limit that stopped the read ({@code maxFileBytes}, {@code
 *     maxNestingDepth}), or null
 * @param incomplete set when a tree was read but not from the file's exact content (bytes that are
 *     not UTF-8 were read as U+FFFD): {@code line:column: message}; null otherwise
 */
public record ReadResult(
        PNode root, String error, List<String> warnings, String limitHit, String incomplete) {

    /** A result that no limit stopped, read from the file's exact content. */
    public ReadResult(PNode root, String error, List<String> warnings) {
        this(root, error, warnings, null, null);
    }

    /**
     * A result that {@code limitHit} stopped (or none when null), read from the file's exact
     * content.
     */
    public ReadResult(PNode root, String error, List<String> warnings, String limitHit) {
        this(root, error, warnings, limitHit, null);
    }
}
