package dev.mcpsec.parse;

import java.util.List;

/**
 * What {@link PositionalReader} made of one file: a tree, or an error {@code line:column: message}
 * (line and column 0 when the problem has no position), plus non-fatal warnings.
 */
public record ReadResult(PNode root, String error, List<String> warnings) {
}
