package dev.mcpsec.scan;

import dev.mcpsec.api.AdvisorySource;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.extract.FactSet;
import dev.mcpsec.facts.LookAlike;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.facts.PolicyData;
import dev.mcpsec.project.ProjectConfig;
import dev.mcpsec.rules.Bundle;
import dev.mcpsec.rules.CompiledPolicies;
import dev.mcpsec.supply.Advisory;
import dev.mcpsec.supply.AdvisoryException;
import dev.mcpsec.supply.AdvisoryIndex;
import dev.mcpsec.supply.AdvisorySet;
import dev.mcpsec.supply.Ecosystems;
import dev.mcpsec.supply.LookAlikes;
import dev.mcpsec.supply.OsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.zip.ZipFile;

/**
 * Supply-chain facts of the configured servers: advisories that cover their packages ({@code
 * known-vulnerable}), look-alike names ({@code trusted-publishers}) and risky launch lines ({@code
 * risky-launchers}).
 */
final class SupplyChain {
    /**
     * Data lists whose entries are the official names look-alikes are measured against: {@code
     * known-publishers} keyed npm/pypi/docker/remote, and the vendor file {@code publishers} keyed
     * VENDOR/npm, VENDOR/pypi, VENDOR/docker and VENDOR/host (docs/publishers.md).
     */
    static final List<String> OFFICIAL_LISTS = List.of("known-publishers", "publishers");

    /** Where a bundle keeps its advisories. */
    static final String BUNDLE_DIR = "META-INF/mcpsec/advisories";

    private static final Map<String, AdvisorySet> BUNDLE_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Optional<AdvisorySet>> JAR_CACHE = new ConcurrentHashMap<>();

    private SupplyChain() {}

    /**
     * Adds the advisory matches and look-alikes of every server in {@code facts} to it (after the
     * servers' own facts, in server order); stale advisory data adds a warning. Launch risks come
     * with each server, from the extractor.
     */
    static void addFacts(
            FactSet facts,
            CompiledPolicies policies,
            ProjectConfig config,
            ScanRequest request,
            Clock clock,
            List<ScanWarning> warnings) {
        List<McpServer> servers = List.copyOf(facts.servers());
        Set<String> launched = new HashSet<>();
        for (McpServer s : servers) {
            String eco = ecosystem(s);
            if (eco != null && s.packageName() != null) {
                launched.add(eco + ":" + Ecosystems.normalizeName(eco, s.packageName()));
            }
        }
        List<AdvisorySet> sets =
                load(
                        policies,
                        request,
                        af -> {
                            String eco = Ecosystems.fromOsv(af.ecosystem());
                            return eco != null
                                    && launched.contains(
                                            eco + ":" + Ecosystems.normalizeName(eco, af.name()));
                        });
        warnings.addAll(staleness(sets, request.advisoriesMaxAge(), clock));
        AdvisoryIndex index = new AdvisoryIndex(sets);
        LookAlikes lookAlikes = new LookAlikes(officials(policies, config));
        for (McpServer s : servers) {
            index.match(s).forEach(facts::add);
            String eco = ecosystem(s);
            if (eco != null && s.packageName() != null) {
                lookAlikes
                        .check(eco, s.packageName())
                        .ifPresent(
                                i ->
                                        facts.add(
                                                new LookAlike(
                                                        s.file(),
                                                        s.line(),
                                                        s.column(),
                                                        s.name(),
                                                        eco,
                                                        s.packageName(),
                                                        i.imitates(),
                                                        i.technique())));
            }
            if (s.host() != null) {
                lookAlikes
                        .check("remote", s.host())
                        .ifPresent(
                                i ->
                                        facts.add(
                                                new LookAlike(
                                                        s.file(),
                                                        s.line(),
                                                        s.column(),
                                                        s.name(),
                                                        "remote",
                                                        s.host(),
                                                        i.imitates(),
                                                        i.technique())));
            }
        }
    }

    private static String ecosystem(McpServer s) {
        if (s.ecosystem() == null) {
            return null;
        }
        return switch (s.ecosystem()) {
            case "npm", "pypi" -> s.ecosystem();
            case "oci", "docker" -> "oci";
            default -> null;
        };
    }

    private static Map<String, List<String>> officials(
            CompiledPolicies policies, ProjectConfig config) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (PolicyData d : policies.data()) {
            String key = officialKey(d.name(), d.key());
            if (key != null) {
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(d.value());
            }
        }
        for (String list : OFFICIAL_LISTS) {
            config.data()
                    .getOrDefault(list, Map.of())
                    .forEach(
                            (k, vs) -> {
                                String key = officialKey(list, k);
                                if (key != null) {
                                    out.computeIfAbsent(key, x -> new ArrayList<>()).addAll(vs);
                                }
                            });
        }
        return out;
    }

    /**
     * The look-alike key (npm, pypi, docker, remote) of an entry of an official data list, or null
     * when the entry is not a name (a vendor's sources, another list).
     */
    static String officialKey(String list, String key) {
        if ("known-publishers".equals(list)) {
            return key;
        }
        if (!"publishers".equals(list) || key == null) {
            return null;
        }
        int slash = key.lastIndexOf('/');
        String kind = slash < 0 ? "" : key.substring(slash + 1);
        return switch (kind) {
            case "npm", "pypi", "docker" -> kind;
            case "host" -> "remote";
            default -> null;
        };
    }

    /**
     * Every advisory source the request loads: bundles first (class path order), then {@code
     * --advisories}.
     */
    static List<AdvisorySet> load(
            CompiledPolicies policies, ScanRequest request, Predicate<Advisory.Affected> keep) {
        List<AdvisorySet> sets = new ArrayList<>();
        try {
            for (Bundle b : policies.bundles()) {
                AdvisorySet set = fromBundle(b);
                if (set != null) {
                    List<Advisory> kept =
                            set.advisories().stream()
                                    .filter(a -> a.affected().stream().anyMatch(keep))
                                    .toList();
                    sets.add(new AdvisorySet(set.origin(), set.total(), kept, set.asOf()));
                }
            }
            for (Path p : request.advisories()) {
                sets.add(OsvReader.read(p, keep));
            }
        } catch (AdvisoryException e) {
            throw new ConfigurationException("advisories", e.getMessage(), e);
        }
        return sets;
    }

    /**
     * Reads the advisories {@code bundles} ship into the cache {@link #load} takes them from (see
     * {@link Prefetch}).
     */
    static void warm(List<Bundle> bundles) {
        for (Bundle b : bundles) {
            fromBundle(b);
        }
    }

    /**
     * The advisories a bundle ships under {@code META-INF/mcpsec/advisories/}, or null when it
     * ships none.
     */
    private static AdvisorySet fromBundle(Bundle b) {
        if (b.origin() == null) {
            return null;
        }
        Path origin;
        try {
            origin = Path.of(b.origin());
        } catch (RuntimeException e) {
            return null;
        }
        Path source = null;
        if (Files.isDirectory(origin)) {
            for (Path candidate :
                    List.of(
                            origin.resolve(BUNDLE_DIR),
                            origin.resolve("src/main/resources/" + BUNDLE_DIR),
                            origin.resolve("advisories"))) {
                if (Files.isDirectory(candidate)) {
                    source = candidate;
                    break;
                }
            }
        } else if (Files.isRegularFile(origin)) {
            // whether the jar ships advisories is cached with them: finding out lists every entry
            // of the jar (the CLI's own jar holds over 15,000)
            Path jar = origin;
            String pre = BUNDLE_DIR + "/";
            return JAR_CACHE
                    .computeIfAbsent(
                            cacheKey(jar) + "|" + pre,
                            k ->
                                    jarHas(jar)
                                            ? Optional.of(OsvReader.read(jar, pre, a -> true))
                                            : Optional.empty())
                    .orElse(null);
        }
        if (source == null) {
            return null;
        }
        Path src = source;
        return BUNDLE_CACHE.computeIfAbsent(
                cacheKey(src) + "|", k -> OsvReader.read(src, "", a -> true));
    }

    private static boolean jarHas(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream()
                    .anyMatch(
                            e ->
                                    e.getName().startsWith(BUNDLE_DIR + "/")
                                            && e.getName().endsWith(".json"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String cacheKey(Path p) {
        try {
            if (Files.isDirectory(p)) {
                long newest = 0;
                long count = 0;
                try (var walk = Files.walk(p)) {
                    for (Path f : walk.filter(Files::isRegularFile).toList()) {
                        newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
                        count++;
                    }
                }
                return p.toAbsolutePath() + "@" + newest + "#" + count;
            }
            return p.toAbsolutePath()
                    + "@"
                    + Files.getLastModifiedTime(p).toMillis()
                    + "#"
                    + Files.size(p);
        } catch (IOException e) {
            return p.toAbsolutePath().toString();
        }
    }

    /** One warning per source older than {@code maxAge}, or without a date. */
    static List<ScanWarning> staleness(List<AdvisorySet> sets, Duration maxAge, Clock clock) {
        List<ScanWarning> out = new ArrayList<>();
        Instant now = clock.instant();
        for (AdvisorySet s : sets) {
            if (s.asOf() == null) {
                out.add(
                        new ScanWarning(
                                null,
                                0,
                                "advisory data "
                                        + s.origin()
                                        + " has no date (no \"modified\" and no "
                                        + OsvReader.MANIFEST
                                        + "): its age is unknown"));
            } else if (Duration.between(s.asOf(), now).compareTo(maxAge) > 0) {
                out.add(
                        new ScanWarning(
                                null,
                                0,
                                "advisory data "
                                        + s.origin()
                                        + " is "
                                        + Duration.between(s.asOf(), now).toDays()
                                        + " days old (as of "
                                        + s.asOf().atZone(ZoneOffset.UTC).toLocalDate()
                                        + "), over the limit of "
                                        + maxAge.toDays()
                                        + " days (advisoriesMaxAge): refresh it, see docs/advisories.md"));
            }
        }
        return out;
    }

    /** What {@code mcpsec advisories} lists: every source, its size and its age. */
    static List<AdvisorySource> sources(
            CompiledPolicies policies, ScanRequest request, Clock clock) {
        List<AdvisorySource> out = new ArrayList<>();
        Instant now = clock.instant();
        for (AdvisorySet s : load(policies, request, a -> true)) {
            long vulnerable =
                    s.advisories().stream().filter(a -> "vulnerable".equals(a.kind())).count();
            long malicious =
                    s.advisories().stream().filter(a -> "malicious".equals(a.kind())).count();
            long archived =
                    s.advisories().stream().filter(a -> "archived".equals(a.kind())).count();
            Long age = s.asOf() == null ? null : Duration.between(s.asOf(), now).toDays();
            out.add(
                    new AdvisorySource(
                            s.origin(),
                            s.total(),
                            (int) vulnerable,
                            (int) malicious,
                            (int) archived,
                            s.asOf() == null
                                    ? null
                                    : s.asOf().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                            age,
                            s.asOf() == null
                                    || Duration.between(s.asOf(), now)
                                                    .compareTo(request.advisoriesMaxAge())
                                            > 0));
        }
        return out;
    }
}
