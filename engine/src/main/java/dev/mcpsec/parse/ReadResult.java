package dev.mcpsec.parse;

import java.util.List;

/**
 * What {@link PositionalReader} made of one file: a tree, or an error {@code line:column: message}
 * (line and column 0 when the problem has no position), plus non-fatal warnings.
 *
 * @param limitHit the name of the scan limit that stopped the read ({@code maxFileBytes}, {@code maxNestingDepth}),
 *                 or null
 */
public record ReadResult(PNode root, String error, List<String> warnings, String limitHit) {

    /** A result that no limit stopped. */
    public ReadResult(PNode root, String error, List<String> warnings) {
        this(root, error, warnings, null);
    }
}
