package dev.mcpsec.fleet;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.HistoryBaseline;
import dev.mcpsec.api.HistoryPass;
import dev.mcpsec.api.McpsecException;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.Severity;
import dev.mcpsec.facts.Credential;
import dev.mcpsec.facts.HistoryCredential;
import dev.mcpsec.git.MirrorView;
import dev.mcpsec.git.RepoState;
import dev.mcpsec.options.Version;
import dev.mcpsec.report.ReportFormat;
import dev.mcpsec.report.ReportOptions;
import dev.mcpsec.report.Reporters;
import dev.mcpsec.rules.Bundle;
import dev.mcpsec.rules.CompiledPolicies;
import dev.mcpsec.rules.Failures;
import dev.mcpsec.rules.Policies;
import dev.mcpsec.rules.PolicyCompiler;
import dev.mcpsec.scan.ScanEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a fleet: resolves the repositories, keeps this shard's, compiles the rules once, scans the
 * repositories on a bounded pool (a failing repository is recorded and the rest go on), reuses
 * cached results of unchanged repositories, and writes the org report (JSON and HTML) and
 * per-repository SARIF into the output folder, the only place it writes.
 */
public final class FleetScanner {
    /** The org report's file names in the output folder. */
    public static final String REPORT_JSON = "org-report.json";

    public static final String REPORT_HTML = "org-report.html";

    private final Clock clock;

    public FleetScanner(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of a run: the report and where it was written. */
    public record FleetResult(OrgReport report, Path json, Path html) {}

    public FleetResult run(FleetRequest request) {
        long start = System.nanoTime();
        FleetSources.Resolved resolved = FleetSources.resolve(request.inputs());
        List<RepoTarget> targets =
                resolved.repositories().stream()
                        .filter(t -> request.shard() == null || request.shard().contains(t.name()))
                        .toList();
        Path out = request.output().toAbsolutePath().normalize();
        for (RepoTarget t : targets) {
            if (out.startsWith(t.path())) {
                throw new dev.mcpsec.api.ConfigurationException(
                        "output",
                        "the output folder "
                                + out
                                + " is inside the repository "
                                + t.path()
                                + ": write reports outside the scanned repositories");
            }
        }
        ScanRequest template = template(request, out).build();
        List<Bundle> bundles = Policies.bundles(template, null);
        List<OrgReport.BundleInfo> bundleInfos = bundles.stream().map(FleetScanner::info).toList();
        // Compiled on first use: a run in which every repository comes from the cache compiles
        // nothing.
        Lazy<CompiledPolicies> policies = new Lazy<>(() -> PolicyCompiler.compile(bundles));
        String settings = settingsKey(template, bundleInfos);
        FleetCache cache = new FleetCache(out.resolve("cache"), settings);
        ScanEngine engine = new ScanEngine(clock);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new dev.mcpsec.api.ConfigurationException(
                    "output", "cannot create " + out + ": " + e.getMessage(), e);
        }
        Progress progress = new Progress(targets.size(), request, start);
        List<RepoRecord> records = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        request.poolSize(targets.size()),
                        r -> {
                            Thread t = new Thread(r, "mcpsec-fleet");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RepoTarget target : targets) {
                futures.add(
                        pool.submit(
                                () -> {
                                    Outcome o =
                                            scanOne(target, request, out, cache, engine, policies);
                                    records.add(o.record());
                                    progress.finished(o);
                                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpsecException("fleet run interrupted");
        } catch (ExecutionException e) {
            throw Failures.unchecked(
                    e.getCause(), cause -> new McpsecException("fleet run failed: " + cause));
        } finally {
            pool.shutdownNow();
        }
        try {
            Files.deleteIfExists(out.resolve("work"));
        } catch (IOException e) {
            // not empty: a view that could not be deleted stays for the next run, which replaces it
        }
        Path json = out.resolve(REPORT_JSON);
        OrgReport previous = readPrevious(json);
        OrgReport.RunInfo run =
                new OrgReport.RunInfo(
                        clock.instant().toString(),
                        (System.nanoTime() - start) / 1_000_000,
                        request.shard() == null ? null : request.shard().toString(),
                        progress.scanned.get(),
                        progress.incremental.get(),
                        progress.cached.get(),
                        progress.failed.get(),
                        resolved.skipped());
        OrgReport report = OrgReport.of(Version.get(), bundleInfos, records, previous, run);
        return write(report, out);
    }

    /** Writes the report's JSON and HTML into {@code out}. */
    public static FleetResult write(OrgReport report, Path out) {
        try {
            Files.createDirectories(out);
            Path json = out.resolve(REPORT_JSON);
            Path html = out.resolve(REPORT_HTML);
            report.write(json);
            Files.writeString(html, OrgReportHtml.render(report), StandardCharsets.UTF_8);
            return new FleetResult(report, json, html);
        } catch (IOException e) {
            throw new dev.mcpsec.api.ConfigurationException(
                    "output", "cannot write the org report to " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Joins shard reports (each an {@code org-report.json}, or a folder holding one) into one
     * report written into {@code output}; the trend compares with the report already there.
     */
    public FleetResult merge(List<Path> reports, Path output) {
        long start = System.nanoTime();
        List<OrgReport> parts = new ArrayList<>();
        for (Path p : reports) {
            parts.add(OrgReport.read(Files.isDirectory(p) ? p.resolve(REPORT_JSON) : p));
        }
        Path out = output.toAbsolutePath().normalize();
        int scanned = 0;
        int incremental = 0;
        int cached = 0;
        int failed = 0;
        List<String> skipped = new ArrayList<>();
        for (OrgReport p : parts) {
            if (p.run() != null) {
                scanned += p.run().scanned();
                incremental += p.run().incrementalHistory();
                cached += p.run().fromCache();
                failed += p.run().failed();
                skipped.addAll(p.run().skipped());
            }
        }
        OrgReport merged =
                OrgReport.merge(
                        parts,
                        readPrevious(out.resolve(REPORT_JSON)),
                        new OrgReport.RunInfo(
                                clock.instant().toString(),
                                (System.nanoTime() - start) / 1_000_000,
                                null,
                                scanned,
                                incremental,
                                cached,
                                failed,
                                List.copyOf(new java.util.TreeSet<>(skipped))));
        return write(merged, out);
    }

    /**
     * The report already in {@code json}, or null when there is none or it cannot be read (no trend
     * then).
     */
    static OrgReport readPrevious(Path json) {
        if (!Files.isRegularFile(json)) {
            return null;
        }
        try {
            return OrgReport.read(json);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ScanRequest.Builder template(FleetRequest request, Path root) {
        return request.requestFor()
                .apply(root)
                .projectPolicies(false)
                .includeUser(false)
                .fingerprintSalt("fleet:" + request.salt());
    }

    private record Outcome(RepoRecord record, boolean cached, boolean incrementalHistory) {}

    private Outcome scanOne(
            RepoTarget target,
            FleetRequest request,
            Path out,
            FleetCache cache,
            ScanEngine engine,
            Lazy<CompiledPolicies> policies) {
        RepoState.State state;
        try {
            state = RepoState.of(target.path(), target.kind() == RepoTarget.Kind.MIRROR);
        } catch (IOException | RuntimeException e) {
            return new Outcome(
                    RepoRecord.failed(
                            target,
                            null,
                            "cannot read the repository: "
                                    + FleetMessages.firstLine(e.getMessage())),
                    false,
                    false);
        }
        FleetCache.Entry previous = request.useCache() ? cache.entry(target) : null;
        if (previous != null && state.digest().equals(previous.state())) {
            return new Outcome(previous.record(), true, false);
        }
        HistoryBaseline baseline =
                request.sinceLastRun()
                                && previous != null
                                && previous.historyComplete()
                                && previous.tips() != null
                                && !previous.tips().isEmpty()
                        ? new HistoryBaseline(previous.tips(), previous.history())
                        : null;
        // Outside the try: a bundle that does not compile is the run's error (exit 2), not every
        // repository's.
        CompiledPolicies compiled = policies.get();
        Scanned scanned;
        RepoRecord record;
        try {
            scanned = scan(target, state, request, out, engine, compiled, baseline);
            record = scanned.record();
        } catch (IOException | RuntimeException e) {
            scanned = null;
            record =
                    RepoRecord.failed(
                            target, state.digest(), FleetMessages.firstLine(e.getMessage()));
        } catch (OutOfMemoryError e) {
            scanned = null;
            record =
                    RepoRecord.failed(
                            target,
                            state.digest(),
                            "out of memory while scanning: raise the JVM heap "
                                    + "(MCPSEC_JAVA_OPTS=-Xmx…) or lower the limits");
        }
        if (request.useCache() && scanned != null) {
            try {
                cache.put(
                        target,
                        new FleetCache.Entry(
                                cache.settings(),
                                state.digest(),
                                record,
                                scanned.tips(),
                                scanned.historyComplete(),
                                scanned.history()));
            } catch (IOException e) {
                // the result stands; the next run scans this repository again
            }
        }
        return new Outcome(record, false, scanned != null && scanned.incremental());
    }

    /** A fresh scan's record and what the cache keeps for an incremental history pass next time. */
    private record Scanned(
            RepoRecord record,
            Map<String, String> tips,
            boolean historyComplete,
            List<HistoryBaseline.Seen> history,
            boolean incremental) {}

    private Scanned scan(
            RepoTarget target,
            RepoState.State state,
            FleetRequest request,
            Path out,
            ScanEngine engine,
            CompiledPolicies policies,
            HistoryBaseline baseline)
            throws IOException {
        MirrorView view = null;
        try {
            Path root = target.path();
            if (target.kind() == RepoTarget.Kind.MIRROR) {
                Path work =
                        out.resolve("work")
                                .resolve(
                                        FleetCache.sha256(target.path().toString())
                                                .substring(0, 24));
                MirrorView.delete(work);
                ScanRequest limits = template(request, target.path()).build();
                view = MirrorView.open(target.path(), work, limits.limits().maxFileBytes());
                root = view.workTree();
            }
            List<CredentialSeen> credentials = Collections.synchronizedList(new ArrayList<>());
            List<HistoryBaseline.Seen> history = Collections.synchronizedList(new ArrayList<>());
            HistoryPass[] pass = new HistoryPass[1];
            ScanRequest.Builder builder = template(request, root);
            if (view != null) {
                // the view borrows the mirror's objects through objects/info/alternates, which lead
                // outside the view
                // to the mirror the user asked to scan: git may follow them (only for a view mcpsec
                // made itself)
                builder.allowExternalGit(true);
            }
            ScanRequest scanRequest =
                    builder.historyBaseline(baseline)
                            .historyListener(p -> pass[0] = p)
                            .factListener(
                                    fact -> {
                                        if (fact instanceof HistoryCredential h) {
                                            history.add(
                                                    new HistoryBaseline.Seen(
                                                            h.file(),
                                                            h.server(),
                                                            h.location(),
                                                            h.variable(),
                                                            h.kind(),
                                                            h.tier(),
                                                            h.masked(),
                                                            h.fingerprint(),
                                                            h.commit(),
                                                            h.date()));
                                        }
                                        if (fact instanceof Credential c) {
                                            credentials.add(
                                                    new CredentialSeen(
                                                            c.fingerprint(),
                                                            c.kind(),
                                                            c.tier(),
                                                            c.masked(),
                                                            c.file(),
                                                            c.server(),
                                                            false));
                                        } else if (fact instanceof HistoryCredential h
                                                && !h.stillPresent()) {
                                            credentials.add(
                                                    new CredentialSeen(
                                                            h.fingerprint(),
                                                            h.kind(),
                                                            h.tier(),
                                                            h.masked(),
                                                            h.file(),
                                                            h.server(),
                                                            true));
                                        }
                                    })
                            .build();
            ScanResult result = engine.scan(scanRequest, policies);
            Severity worst =
                    result.findings().stream()
                            .map(Finding::severity)
                            .min(Enum::compareTo)
                            .orElse(null);
            List<CredentialSeen> creds = new ArrayList<>(credentials);
            creds.sort(
                    java.util.Comparator.comparing(CredentialSeen::fingerprint)
                            .thenComparing(CredentialSeen::file)
                            .thenComparing(c -> c.server() == null ? "" : c.server()));
            RepoRecord record =
                    new RepoRecord(
                            target.name(),
                            target.path().toString(),
                            target.kind().label(),
                            state.head(),
                            state.digest(),
                            null,
                            worst,
                            result.findings(),
                            result.suppressed().size(),
                            result.warnings(),
                            List.copyOf(creds));
            if (request.sarif()) {
                writeSarif(out, target, result);
            }
            boolean complete = pass[0] != null && pass[0].complete();
            return new Scanned(
                    record,
                    pass[0] == null ? Map.of() : pass[0].tips(),
                    complete,
                    List.copyOf(history),
                    pass[0] != null && pass[0].incremental());
        } finally {
            if (view != null) {
                view.close();
            }
        }
    }

    private static void writeSarif(Path out, RepoTarget target, ScanResult result)
            throws IOException {
        Path dir = out.resolve("sarif");
        Files.createDirectories(dir);
        ScanResult named =
                new ScanResult(
                        result.toolVersion(),
                        target.name(),
                        result.files(),
                        result.servers(),
                        result.findings(),
                        result.suppressed(),
                        result.warnings(),
                        result.rules(),
                        result.durationMs(),
                        List.of(),
                        List.of(),
                        result.credentials());
        try (OutputStream o =
                Files.newOutputStream(dir.resolve(fileName(target.name()) + ".sarif"))) {
            Reporters.get(ReportFormat.SARIF).write(named, o, ReportOptions.plain());
        }
    }

    /** A repository name as a portable file name. */
    static String fileName(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_');
        }
        return b.toString();
    }

    private static OrgReport.BundleInfo info(Bundle b) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Bundle.DrlFile f : b.policies()) {
                sha.update(
                        (f.path() + "\u0000" + f.content() + "\u0000")
                                .getBytes(StandardCharsets.UTF_8));
            }
            new TreeMap<>(b.data())
                    .forEach(
                            (name, lists) ->
                                    sha.update(
                                            (name + "\u0000" + new TreeMap<>(lists) + "\u0000")
                                                    .getBytes(StandardCharsets.UTF_8)));
            return new OrgReport.BundleInfo(
                    b.id(), b.version(), b.description(), HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * What decides a repository's result besides its own content: engine version, bundles and scan
     * settings.
     */
    private static String settingsKey(ScanRequest t, List<OrgReport.BundleInfo> bundles) {
        StringBuilder b = new StringBuilder(Version.get()).append('\n');
        bundles.forEach(
                x ->
                        b.append(x.id())
                                .append('@')
                                .append(x.version())
                                .append(' ')
                                .append(x.sha256())
                                .append('\n'));
        b.append("history=").append(t.history()).append('\n');
        b.append("exclude=").append(new java.util.TreeSet<>(t.excludeRules())).append('\n');
        b.append("include=").append(new java.util.TreeSet<>(t.includeRules())).append('\n');
        b.append("severity=").append(new TreeMap<>(t.severityOverrides())).append('\n');
        b.append("limits=").append(t.limits()).append('\n');
        b.append("salt=")
                .append(FleetCache.sha256(String.valueOf(t.fingerprintSalt())))
                .append('\n');
        return FleetCache.sha256(b.toString());
    }

    /** Counts and reports progress; called from the workers. */
    private static final class Progress {
        private final int total;
        private final FleetRequest request;
        private final long start;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger scanned = new AtomicInteger();
        private final AtomicInteger cached = new AtomicInteger();
        private final AtomicInteger incremental = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicLong findings = new AtomicLong();

        Progress(int total, FleetRequest request, long start) {
            this.total = total;
            this.request = request;
            this.start = start;
        }

        void finished(Outcome o) {
            if (!o.record().scanned()) {
                failed.incrementAndGet();
            } else if (o.cached()) {
                cached.incrementAndGet();
            } else {
                scanned.incrementAndGet();
                if (o.incrementalHistory()) {
                    incremental.incrementAndGet();
                }
            }
            findings.addAndGet(o.record().findings().size());
            int n = done.incrementAndGet();
            if (request.progress() != null) {
                request.progress()
                        .accept(
                                new FleetProgress(
                                        n,
                                        total,
                                        findings.get(),
                                        failed.get(),
                                        cached.get(),
                                        (System.nanoTime() - start) / 1_000_000,
                                        o.record().name()));
            }
        }
    }

    /** A value computed once, on first use, by whichever worker needs it first. */
    private static final class Lazy<T> {
        private final java.util.function.Supplier<T> supplier;
        private T value;

        Lazy(java.util.function.Supplier<T> supplier) {
            this.supplier = supplier;
        }

        synchronized T get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }
}
