package dev.mcpsec.facts;

/**
 * A configured server whose package or image an advisory covers (checklist {@code
 * known-vulnerable}).
 *
 * @param advisory the OSV id ({@code GHSA-...}, {@code MAL-...}, ...)
 * @param aliases other ids of the same advisory (CVE ids), space-separated, or empty
 * @param ids the advisory id followed by its aliases in brackets, e.g. {@code GHSA-6xpm-ggf7-wc3p
 *     (CVE-2025-6514)}
 * @param kind {@code vulnerable}, {@code malicious} or {@code archived}
 * @param ecosystem {@code npm}, {@code pypi} or {@code oci}
 * @param packageVersion the version or tag the server pins, or null when it pins none
 * @param pinned true when the launch names one exact release (version, tag or digest) and that
 *     release is affected; false when the launch is unpinned, so any release, affected ones
 *     included, may run
 * @param fixed the versions that fix it, space-separated, or {@code none} when no fixed version is
 *     known
 * @param reference the advisory URL
 * @param origin the advisory file it came from
 */
public record AdvisoryMatch(
        String file,
        int line,
        int column,
        String server,
        String advisory,
        String aliases,
        String ids,
        String kind,
        String summary,
        String ecosystem,
        String packageName,
        String packageVersion,
        boolean pinned,
        String fixed,
        String reference,
        String origin)
        implements Fact {

    @Override
    public String subject() {
        return "advisory:" + advisory;
    }
}
