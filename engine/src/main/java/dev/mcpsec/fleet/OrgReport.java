package dev.mcpsec.fleet;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The org report: every repository with its findings and errors, the bundles applied, the
 * credentials found in more than one repository, and the trend against the previous report.
 * Everything but {@link #trend()} and {@link #run()} depends only on the repositories' records, so
 * shards merged give the document one run gives.
 */
public record OrgReport(
        String schema,
        String toolVersion,
        List<BundleInfo> bundles,
        Summary summary,
        List<RepoRecord> repositories,
        List<SharedCredential> sharedCredentials,
        Trend trend,
        RunInfo run) {

    /** The schema id of this document. */
    public static final String SCHEMA = "mcpsec-org-report/1";

    /** A bundle applied to every repository, with the SHA-256 of its rules and data. */
    public record BundleInfo(String id, String version, String description, String sha256) {}

    /**
     * Totals over the fleet; {@code bySeverity} counts findings, {@code worst} counts repositories.
     */
    public record Summary(
            int repositories,
            int scanned,
            int failed,
            int withFindings,
            Map<String, Integer> bySeverity,
            Map<String, Integer> worst) {}

    /** One credential (by fleet fingerprint) seen in more than one repository. */
    public record SharedCredential(
            String fingerprint,
            String kind,
            String tier,
            String masked,
            List<String> repositories) {}

    /**
     * Change since the previous report in the same output folder.
     *
     * @param previousGeneratedAt when the previous report was written
     * @param newFindings findings not in the previous report (by repository and finding
     *     fingerprint)
     * @param resolvedFindings findings of the previous report that are gone
     * @param bySeverity change of the finding count per severity
     */
    public record Trend(
            String previousGeneratedAt,
            int newFindings,
            int resolvedFindings,
            Map<String, Integer> bySeverity) {}

    /**
     * How this document was made; differs between runs that found the same things.
     *
     * @param scanned repositories scanned in this run
     * @param incrementalHistory of those, how many had only their new history walked ({@code
     *     --since})
     * @param fromCache repositories unchanged since the last run, taken from the cache
     * @param failed repositories that could not be scanned
     * @param skipped paths passed over (not git repositories, symbolic links), with the reason
     */
    public record RunInfo(
            String generatedAt,
            long durationMs,
            String shard,
            int scanned,
            int incrementalHistory,
            int fromCache,
            int failed,
            List<String> skipped) {}

    /** Builds the report of {@code records}; {@code previous} (may be null) gives the trend. */
    public static OrgReport of(
            String toolVersion,
            List<BundleInfo> bundles,
            List<RepoRecord> records,
            OrgReport previous,
            RunInfo run) {
        List<RepoRecord> repos = new ArrayList<>(records);
        repos.sort(Comparator.comparing(RepoRecord::name));
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        Map<String, Integer> worst = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            bySeverity.put(s.id(), 0);
            worst.put(s.id(), 0);
        }
        int scanned = 0;
        int withFindings = 0;
        for (RepoRecord r : repos) {
            if (r.scanned()) {
                scanned++;
            }
            if (!r.findings().isEmpty()) {
                withFindings++;
            }
            r.findings().forEach(f -> bySeverity.merge(f.severity().id(), 1, Integer::sum));
            if (r.worst() != null) {
                worst.merge(r.worst().id(), 1, Integer::sum);
            }
        }
        Summary summary =
                new Summary(
                        repos.size(),
                        scanned,
                        repos.size() - scanned,
                        withFindings,
                        bySeverity,
                        worst);
        return new OrgReport(
                SCHEMA,
                toolVersion,
                List.copyOf(bundles),
                summary,
                List.copyOf(repos),
                shared(repos),
                previous == null ? null : trend(previous, repos, bySeverity),
                run);
    }

    private static List<SharedCredential> shared(List<RepoRecord> repos) {
        Map<String, TreeSet<String>> where = new TreeMap<>();
        Map<String, CredentialSeen> first = new TreeMap<>();
        for (RepoRecord r : repos) {
            for (CredentialSeen c : r.credentials()) {
                where.computeIfAbsent(c.fingerprint(), k -> new TreeSet<>()).add(r.name());
                first.merge(c.fingerprint(), c, (a, b) -> compare(a, b) <= 0 ? a : b);
            }
        }
        List<SharedCredential> out = new ArrayList<>();
        where.forEach(
                (fp, names) -> {
                    if (names.size() > 1) {
                        CredentialSeen c = first.get(fp);
                        out.add(
                                new SharedCredential(
                                        fp, c.kind(), c.tier(), c.masked(), List.copyOf(names)));
                    }
                });
        out.sort(
                Comparator.comparing((SharedCredential s) -> -s.repositories().size())
                        .thenComparing(SharedCredential::fingerprint));
        return out;
    }

    private static int compare(CredentialSeen a, CredentialSeen b) {
        return Comparator.comparing(CredentialSeen::kind)
                .thenComparing(CredentialSeen::tier)
                .thenComparing(CredentialSeen::masked)
                .compare(a, b);
    }

    private static Trend trend(
            OrgReport previous, List<RepoRecord> repos, Map<String, Integer> bySeverity) {
        Set<String> before = keys(previous.repositories());
        Set<String> now = keys(repos);
        int added = (int) now.stream().filter(k -> !before.contains(k)).count();
        int resolved = (int) before.stream().filter(k -> !now.contains(k)).count();
        Map<String, Integer> delta = new LinkedHashMap<>();
        bySeverity.forEach(
                (s, n) -> delta.put(s, n - previous.summary().bySeverity().getOrDefault(s, 0)));
        String when = previous.run() == null ? null : previous.run().generatedAt();
        return new Trend(when, added, resolved, delta);
    }

    private static Set<String> keys(List<RepoRecord> repos) {
        Set<String> keys = new HashSet<>();
        for (RepoRecord r : repos) {
            for (Finding f : r.findings()) {
                keys.add(r.name() + "\u0000" + f.fingerprint());
            }
        }
        return keys;
    }

    /**
     * Reads a report written by {@link #write}; a file that is not one is a configuration error
     * naming it.
     */
    public static OrgReport read(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConfigurationException("results", "not a file: " + file);
        }
        try {
            OrgReport r = FleetJson.MAPPER.readValue(file.toFile(), OrgReport.class);
            if (!SCHEMA.equals(r.schema())) {
                throw new ConfigurationException(
                        "results",
                        file
                                + " is not an mcpsec org report (schema "
                                + r.schema()
                                + ", expected "
                                + SCHEMA
                                + ")");
            }
            return r;
        } catch (IOException e) {
            throw new ConfigurationException(
                    "results",
                    "cannot read "
                            + file
                            + " as an mcpsec org report: "
                            + FleetMessages.firstLine(e.getMessage()),
                    e);
        }
    }

    /** Writes the report as JSON (UTF-8, two-space indent, stable order). */
    public void write(Path file) throws IOException {
        FleetJson.MAPPER.writeValue(file.toFile(), this);
    }

    /**
     * Joins shard reports into one, exactly as one run over all their repositories would report
     * them. Shards must have applied the same tool version and bundles and hold disjoint
     * repositories.
     */
    public static OrgReport merge(List<OrgReport> parts, OrgReport previous, RunInfo run) {
        if (parts.isEmpty()) {
            throw new ConfigurationException(
                    "results", "nothing to merge: give one or more org reports");
        }
        OrgReport head = parts.get(0);
        Map<String, RepoRecord> byName = new TreeMap<>();
        for (OrgReport p : parts) {
            if (!Objects.equals(p.toolVersion(), head.toolVersion())
                    || !Objects.equals(p.bundles(), head.bundles())) {
                throw new ConfigurationException(
                        "results",
                        "the reports were made with different mcpsec versions "
                                + "or bundles ("
                                + head.toolVersion()
                                + " "
                                + ids(head)
                                + " vs "
                                + p.toolVersion()
                                + " "
                                + ids(p)
                                + "): run every shard with the same settings");
            }
            for (RepoRecord r : p.repositories()) {
                RepoRecord clash = byName.putIfAbsent(r.name(), r);
                if (clash != null) {
                    throw new ConfigurationException(
                            "results",
                            "repository '"
                                    + r.name()
                                    + "' is in more than one "
                                    + "report: shards must not overlap (use --shard I/N with the same N in every job)");
                }
            }
        }
        return of(
                head.toolVersion(),
                head.bundles(),
                new ArrayList<>(byName.values()),
                previous,
                run);
    }

    private static String ids(OrgReport r) {
        return r.bundles().stream().map(b -> b.id() + "@" + b.version()).toList().toString();
    }
}
