package dev.mcpsec.api;

import java.util.List;
import java.util.Map;

/**
 * What an earlier history pass of the same repository saw, so that a scan can walk only the commits
 * added since: the ref tips it started from and the history credentials it found (masked,
 * fingerprinted). The engine uses it only when that is safe (every earlier tip still reachable from
 * a current ref); otherwise it walks the whole history.
 *
 * @param tips ref name to commit id, as the earlier pass saw them
 * @param credentials the earlier pass's history credentials
 */
public record HistoryBaseline(Map<String, String> tips, List<Seen> credentials) {
    public HistoryBaseline {
        tips = Map.copyOf(tips);
        credentials = List.copyOf(credentials);
    }

    /**
     * One credential an earlier pass found in history, identified by its salted fingerprint (never
     * its value).
     *
     * @param file the file it was in, relative to the scan root
     * @param location where in the server entry, e.g. {@code env.STRIPE_SECRET_KEY}
     * @param commit the earliest commit that held it
     * @param date that commit's time (ISO-8601 instant)
     */
    public record Seen(
            String file,
            String server,
            String location,
            String variable,
            String kind,
            String tier,
            String masked,
            String fingerprint,
            String commit,
            String date) {}
}
