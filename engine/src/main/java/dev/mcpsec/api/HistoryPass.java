package dev.mcpsec.api;

import java.util.Map;

/**
 * How a scan's history pass went, for callers that keep a {@link HistoryBaseline} for the next
 * scan.
 *
 * @param tips ref name to commit id at the start of the pass
 * @param complete no limit stopped the walk: every commit reachable from the tips was examined
 * @param incremental only commits added since the baseline's tips were walked
 * @param commitsWalked commits examined
 */
public record HistoryPass(
        Map<String, String> tips, boolean complete, boolean incremental, int commitsWalked) {
    public HistoryPass {
        tips = Map.copyOf(tips);
    }
}
