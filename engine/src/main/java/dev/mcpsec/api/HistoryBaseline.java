package dev.mcpsec.api;

import dev.mcpsec.facts.HistoryCredential;

import java.util.List;
import java.util.Map;

/**
 * What an earlier history pass of the same repository saw, so that a scan can walk only the commits added since:
 * the ref tips it started from and the history credentials it found (masked, fingerprinted). The engine uses it only
 * when that is safe (every earlier tip still reachable from a current ref); otherwise it walks the whole history.
 *
 * @param tips ref name to commit id, as the earlier pass saw them
 * @param credentials the earlier pass's history credentials
 */
public record HistoryBaseline(Map<String, String> tips, List<HistoryCredential> credentials) {
    public HistoryBaseline {
        tips = Map.copyOf(tips);
        credentials = List.copyOf(credentials);
    }
}
