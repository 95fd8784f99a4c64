package dev.mcpsec.supply;

import dev.mcpsec.facts.AdvisoryMatch;
import dev.mcpsec.facts.McpServer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The loaded advisories indexed by ecosystem and normalised package name, and the matching of a
 * configured server against them: an exact version, tag or digest is checked against the affected
 * ranges and versions; a launch that pins nothing matches every vulnerable or malicious record of
 * its package (what runs tomorrow is unknown); archived packages match whatever the version.
 */
public final class AdvisoryIndex {
    private final Map<String, List<Entry>> byPackage = new HashMap<>();

    private record Entry(Advisory advisory, List<Advisory.Affected> affected) {}

    public AdvisoryIndex(Collection<AdvisorySet> sets) {
        Set<String> seen = new LinkedHashSet<>();
        for (AdvisorySet set : sets) {
            for (Advisory a : set.advisories()) {
                Map<String, List<Advisory.Affected>> perPackage = new LinkedHashMap<>();
                for (Advisory.Affected af : a.affected()) {
                    String eco = Ecosystems.fromOsv(af.ecosystem());
                    if (eco != null) {
                        perPackage
                                .computeIfAbsent(key(eco, af.name()), k -> new ArrayList<>())
                                .add(af);
                    }
                }
                perPackage.forEach(
                        (k, affected) -> {
                            // The same record in two sources (built-in and a fresh export) is
                            // matched once.
                            if (seen.add(a.id() + "\u0000" + k)) {
                                byPackage
                                        .computeIfAbsent(k, x -> new ArrayList<>())
                                        .add(new Entry(a, affected));
                            }
                        });
            }
        }
    }

    private static String key(String ecosystem, String name) {
        return ecosystem + ":" + Ecosystems.normalizeName(ecosystem, name);
    }

    /** True when some advisory covers this package (any version). */
    public boolean covers(String ecosystem, String name) {
        return ecosystem != null && name != null && byPackage.containsKey(key(ecosystem, name));
    }

    /** The advisories that apply to the server's package or image, as facts. */
    public List<AdvisoryMatch> match(McpServer s) {
        String eco =
                s.ecosystem() == null
                        ? null
                        : "docker".equals(s.ecosystem()) ? "oci" : s.ecosystem();
        if (eco == null || s.packageName() == null) {
            return List.of();
        }
        List<Entry> entries = byPackage.get(key(eco, s.packageName()));
        if (entries == null) {
            return List.of();
        }
        String version = s.packageVersion();
        String digest = s.imageDigest();
        boolean exact = digest != null || Ecosystems.isExact(eco, version);
        List<AdvisoryMatch> out = new ArrayList<>();
        for (Entry e : entries) {
            Advisory a = e.advisory();
            List<String> fixed = fixedVersions(e.affected());
            if ("archived".equals(a.kind())) {
                out.add(fact(s, a, eco, exact, fixed));
            } else if (!exact) {
                out.add(fact(s, a, eco, false, fixed));
            } else if (e.affected().stream().anyMatch(af -> affects(eco, af, version, digest))) {
                out.add(fact(s, a, eco, true, fixed));
            }
        }
        return out;
    }

    private static AdvisoryMatch fact(
            McpServer s, Advisory a, String eco, boolean pinned, List<String> fixed) {
        String aliases = String.join(" ", a.aliases());
        return new AdvisoryMatch(
                s.file(),
                s.line(),
                s.column(),
                s.name(),
                a.id(),
                aliases,
                aliases.isEmpty() ? a.id() : a.id() + " (" + aliases + ")",
                a.kind(),
                a.summary(),
                eco,
                s.packageName(),
                s.packageVersion(),
                pinned,
                fixed.isEmpty() ? "none" : String.join(" ", fixed),
                a.reference(),
                a.origin());
    }

    private static List<String> fixedVersions(List<Advisory.Affected> affected) {
        Set<String> fixed = new LinkedHashSet<>();
        for (Advisory.Affected af : affected) {
            for (Advisory.Range r : af.ranges()) {
                for (Advisory.Event ev : r.events()) {
                    if ("fixed".equals(ev.type())) {
                        fixed.add(ev.version());
                    }
                }
            }
        }
        return List.copyOf(fixed);
    }

    /** Whether one {@code affected[]} entry covers this exact version (or image digest). */
    static boolean affects(String eco, Advisory.Affected af, String version, String digest) {
        for (String v : af.versions()) {
            if ((digest != null && v.equalsIgnoreCase(digest))
                    || (version != null && Ecosystems.same(eco, v, version))) {
                return true;
            }
        }
        if (version == null) {
            return false;
        }
        for (Advisory.Range r : af.ranges()) {
            if (!"GIT".equalsIgnoreCase(r.type()) && inRange(eco, r.events(), version)) {
                return true;
            }
        }
        return false;
    }

    /**
     * OSV range evaluation: the state set by the last event at or below the version (events sorted
     * by version).
     */
    static boolean inRange(String eco, List<Advisory.Event> events, String version) {
        List<Advisory.Event> sorted = new ArrayList<>();
        for (Advisory.Event ev : events) {
            boolean zero = "introduced".equals(ev.type()) && "0".equals(ev.version());
            if (zero || Ecosystems.compare(eco, ev.version(), ev.version()).isPresent()) {
                sorted.add(ev);
            }
        }
        sorted.sort(
                (x, y) -> {
                    if ("0".equals(x.version()) && "introduced".equals(x.type())) {
                        return -1;
                    }
                    if ("0".equals(y.version()) && "introduced".equals(y.type())) {
                        return 1;
                    }
                    return Ecosystems.compare(eco, x.version(), y.version()).orElse(0);
                });
        boolean affected = false;
        for (Advisory.Event ev : sorted) {
            boolean zero = "introduced".equals(ev.type()) && "0".equals(ev.version());
            Optional<Integer> c =
                    zero ? Optional.of(1) : Ecosystems.compare(eco, version, ev.version());
            if (c.isEmpty()) {
                return false;
            }
            switch (ev.type()) {
                case "introduced" -> {
                    if (c.get() >= 0) {
                        affected = true;
                    }
                }
                case "fixed", "limit" -> {
                    if (c.get() >= 0) {
                        affected = false;
                    }
                }
                case "last_affected" -> {
                    if (c.get() > 0) {
                        affected = false;
                    }
                }
                default -> {}
            }
        }
        return affected;
    }
}
