package dev.mcpsec.git;

import dev.mcpsec.api.ScanWarning;
import java.util.List;

/**
 * Outcome of a history pass.
 *
 * @param blobs each distinct blob once, oldest first
 * @param commitsWalked commits examined
 * @param truncated a limit stopped the walk early (a warning names the limit)
 * @param warnings limits hit, skipped blobs, unreadable refs or objects
 * @param incremental only commits added since the given earlier tips were walked (see {@link
 *     GitInspector#history(java.util.function.Predicate, HistoryOptions,
 *     java.util.function.Consumer, java.util.Map)})
 */
public record HistoryResult(
        List<HistoricBlob> blobs,
        int commitsWalked,
        boolean truncated,
        List<ScanWarning> warnings,
        boolean incremental) {
    public HistoryResult {
        blobs = List.copyOf(blobs);
        warnings = List.copyOf(warnings);
    }

    /** A walk of the whole history. */
    public HistoryResult(
            List<HistoricBlob> blobs,
            int commitsWalked,
            boolean truncated,
            List<ScanWarning> warnings) {
        this(blobs, commitsWalked, truncated, warnings, false);
    }
}
