package dev.mcpsec.facts;

/**
 * A literal secret found in the git history of an MCP config or an env file it loads.
 *
 * @param commit the commit that introduced the value (full id)
 * @param date commit date of that commit, ISO-8601 ({@code 2026-02-01T08:00:00Z})
 * @param ageDays days between that commit and the scan
 * @param stillPresent the same value is in the current file too
 */
public record HistoryCredential(
        String file,
        String server,
        String location,
        String variable,
        String kind,
        String tier,
        String masked,
        String fingerprint,
        String commit,
        String date,
        long ageDays,
        boolean stillPresent)
        implements Fact {
    @Override
    public int line() {
        return 0;
    }

    @Override
    public int column() {
        return 0;
    }

    @Override
    public String subject() {
        return "history:" + fingerprint;
    }
}
