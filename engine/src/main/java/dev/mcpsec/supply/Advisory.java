package dev.mcpsec.supply;

import java.util.List;

/**
 * One OSV record as mcpsec uses it.
 *
 * @param kind {@code vulnerable}, {@code malicious} (an OSV {@code MAL-} record) or {@code
 *     archived} (mcpsec's {@code database_specific.mcpsec.kind}: the package gets no fixes any
 *     more)
 * @param modified the record's {@code modified} timestamp as written (RFC 3339), or null
 * @param origin the file the record was read from, for messages and {@code mcpsec advisories}
 */
public record Advisory(
        String id,
        List<String> aliases,
        String kind,
        String summary,
        String modified,
        List<Affected> affected,
        List<String> references,
        String origin) {
    public Advisory {
        aliases = List.copyOf(aliases);
        affected = List.copyOf(affected);
        references = List.copyOf(references);
    }

    /** One {@code affected[]} entry: a package and the versions of it that the record covers. */
    public record Affected(
            String ecosystem, String name, List<Range> ranges, List<String> versions) {
        public Affected {
            ranges = List.copyOf(ranges);
            versions = List.copyOf(versions);
        }
    }

    /**
     * One {@code ranges[]} entry: {@code SEMVER}, {@code ECOSYSTEM} or {@code GIT}, with its events
     * in order.
     */
    public record Range(String type, List<Event> events) {
        public Range {
            events = List.copyOf(events);
        }
    }

    /**
     * {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit}, and its version.
     */
    public record Event(String type, String version) {}

    /**
     * The advisory URL to cite: the first ADVISORY reference, else the first reference, else the
     * OSV page.
     */
    public String reference() {
        return references.isEmpty() ? "https://osv.dev/vulnerability/" + id : references.get(0);
    }
}
