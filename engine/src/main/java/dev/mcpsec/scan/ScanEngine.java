package dev.mcpsec.scan;

import dev.mcpsec.api.AdvisorySource;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.CredentialSummary;
import dev.mcpsec.api.FactRecord;
import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.RuleTrace;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.ServerSummary;
import dev.mcpsec.discovery.DiscoveredFile;
import dev.mcpsec.discovery.Discovery;
import dev.mcpsec.discovery.DiscoveryResult;
import dev.mcpsec.extract.EnvFiles;
import dev.mcpsec.extract.FactDump;
import dev.mcpsec.extract.FactExtractor;
import dev.mcpsec.extract.FactSet;
import dev.mcpsec.extract.HistoryFacts;
import dev.mcpsec.extract.IncompleteConfigs;
import dev.mcpsec.extract.InstructionFiles;
import dev.mcpsec.extract.RawConfigText;
import dev.mcpsec.extract.SettingFacts;
import dev.mcpsec.extract.Sink;
import dev.mcpsec.facts.Credential;
import dev.mcpsec.facts.HiddenText;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.facts.PolicyData;
import dev.mcpsec.facts.SecretOccurrence;
import dev.mcpsec.facts.SkippedConfigs;
import dev.mcpsec.git.GitFileStatus;
import dev.mcpsec.git.GitInspector;
import dev.mcpsec.options.ScanRoot;
import dev.mcpsec.options.Version;
import dev.mcpsec.parse.ConfigDocument;
import dev.mcpsec.parse.ConfigParser;
import dev.mcpsec.project.ProjectConfig;
import dev.mcpsec.project.Registers;
import dev.mcpsec.rules.CompiledPolicies;
import dev.mcpsec.rules.DataListCheck;
import dev.mcpsec.rules.Policies;
import dev.mcpsec.rules.RuleRunner;
import dev.mcpsec.rules.RuleTracer;
import dev.mcpsec.secrets.DetectorOptions;
import dev.mcpsec.secrets.Fingerprinter;
import dev.mcpsec.secrets.KeyEnvironments;
import dev.mcpsec.secrets.OccurrenceScan;
import dev.mcpsec.secrets.OccurrenceScanner;
import dev.mcpsec.secrets.SecretDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One scan, end to end: discover → parse → facts (config, secrets, git, registers, bundle data) →
 * rules → findings → configuration overrides, suppressions and baseline → result.
 */
public final class ScanEngine {
    /** The tool version reports carry. */
    public static final String VERSION = Version.get();

    private final Clock clock;

    /** Threads for the per-file work of config files; 0: {@link ConfigWork#defaultThreads()}. */
    private final int configThreads;

    public ScanEngine(Clock clock) {
        this(clock, 0);
    }

    /** An engine that does the per-file work of config files on {@code configThreads} threads. */
    ScanEngine(Clock clock, int configThreads) {
        this.clock = clock;
        this.configThreads = configThreads;
    }

    /** Everything a scan needs before it runs rules: the facts and the inventory. */
    record Collected(
            FactSet facts,
            List<FileSummary> files,
            List<ServerSummary> servers,
            List<ScanWarning> warnings) {}

    public ScanResult scan(ScanRequest request) {
        Diagnostics diag = Diagnostics.start();
        Path root = root(request);
        // the rules compile on a second thread while the facts are collected; the bundles are
        // taken when the facts first need them, so that the steps before (project configuration,
        // discovery, git status) overlap a read-ahead of the bundles (Prefetch)
        return scan(request, new Pending(() -> Policies.start(request, root)), diag);
    }

    /** Scans with rules already compiled (bundle tests swap in the bundle under test). */
    public ScanResult scan(ScanRequest request, CompiledPolicies policies) {
        return scan(request, new Pending(() -> policies), Diagnostics.start());
    }

    /**
     * The policies of a scan, started at their first use, once: an error of their bundles is thrown
     * by that use, and again by every later one.
     */
    static final class Pending implements Supplier<CompiledPolicies> {
        private final Supplier<CompiledPolicies> start;
        private CompiledPolicies started;
        private Throwable failed;

        Pending(Supplier<CompiledPolicies> start) {
            this.start = start;
        }

        @Override
        public CompiledPolicies get() {
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed instanceof Error e) {
                throw e;
            }
            if (started == null) {
                try {
                    started = start.get();
                } catch (RuntimeException | Error e) {
                    failed = e;
                    throw e;
                }
            }
            return started;
        }
    }

    private ScanResult scan(ScanRequest request, Pending pending, Diagnostics diag) {
        long start = System.nanoTime();
        Path root = root(request);
        ProjectConfig config;
        Collected c;
        try {
            config = ProjectConfig.load(root);
            c = collect(request, root, config, pending, diag);
        } catch (RuntimeException | Error e) {
            // an error of the bundles or of the policies' compilation is reported first, as when
            // the rules were compiled before the facts were collected: the policies are started
            // here if the failing step came before their first use
            pending.get().await();
            throw e;
        }
        CompiledPolicies policies = pending.get();
        policies.await();
        diag.phase("waiting for the rules to compile");
        diag.rules(policies);
        if (request.factListener() != null) {
            c.facts().all().forEach(request.factListener());
        }
        Governance governance = Governance.decide(policies, config, request);
        List<Finding> raw = RuleRunner.run(policies, c.facts().all(), governance::enabled);
        List<Finding> rated = raw.stream().map(governance::rate).toList();
        Suppressions.Outcome outcome =
                Suppressions.apply(
                        rated, config, request, root, clock, governance, policies.rules());
        List<ScanWarning> warnings = new ArrayList<>(c.warnings());
        warnings.addAll(DataListCheck.check(policies.bundles(), config.data().keySet()));
        warnings.addAll(outcome.warnings());
        List<RuleInfo> rules = policies.rules().stream().filter(governance::enabled).toList();
        diag.phase("rules (session, firing) and suppressions");
        diag.done();
        long ms = (System.nanoTime() - start) / 1_000_000;
        return new ScanResult(
                VERSION,
                root.toString(),
                c.files(),
                c.servers(),
                sort(outcome.findings()),
                outcome.suppressed(),
                warnings,
                rules,
                ms,
                governance.bundles(),
                governance.overrides(),
                credentials(c.facts()));
    }

    /**
     * The credential inventory of the current configs (masked forms only), for the reports'
     * per-server view.
     */
    static List<CredentialSummary> credentials(FactSet facts) {
        return facts.credentials().stream()
                .map(
                        k ->
                                new CredentialSummary(
                                        k.file(),
                                        k.line(),
                                        k.server(),
                                        k.client(),
                                        k.location(),
                                        k.kind(),
                                        k.tier(),
                                        k.masked(),
                                        k.tracked()))
                .toList();
    }

    /** The request's scan root, checked and made absolute. */
    public Path root(ScanRequest request) {
        return ScanRoot.validate(request.root());
    }

    Collected collect(
            ScanRequest request, Path root, ProjectConfig config, CompiledPolicies policies) {
        return collect(request, root, config, () -> policies, Diagnostics.OFF);
    }

    /**
     * The facts of a scan. {@code pending} is asked for the policies (their bundle data) only after
     * discovery and git status, which need none.
     */
    private Collected collect(
            ScanRequest request,
            Path root,
            ProjectConfig config,
            Supplier<CompiledPolicies> pending,
            Diagnostics diag) {
        FactSet facts = new FactSet();
        List<FileSummary> files = new ArrayList<>();
        List<ServerSummary> servers = new ArrayList<>();
        List<ScanWarning> warnings = new ArrayList<>();
        ScanDeadline deadline = new ScanDeadline(request.limits().scanTimeout(), warnings);
        request.progress().accept("discovering MCP configs under " + root);
        DiscoveryResult found =
                Discovery.discover(
                        root,
                        request.includeUser(),
                        request.home(),
                        request.systemRoot(),
                        request.limits());
        warnings.addAll(found.warnings());
        List<DiscoveredFile> discovered = included(found, config);
        Optional.ofNullable(Exclusions.check(config, found.files())).ifPresent(warnings::add);
        Optional<GitInspector> git =
                GitInspector.open(root, warnings::add, request.allowExternalGit());
        try {
            Map<Path, GitFileStatus> status =
                    git.map(
                                    g ->
                                            g.statuses(
                                                    discovered.stream()
                                                            .filter(
                                                                    f ->
                                                                            "project"
                                                                                    .equals(
                                                                                            f
                                                                                                    .scope()))
                                                            .map(DiscoveredFile::path)
                                                            .toList()))
                            .orElse(Map.of());
            String salt =
                    request.fingerprintSalt() != null
                            ? request.fingerprintSalt()
                            : git.map(GitInspector::repoSalt).orElse(root.toString());
            Fingerprinter fingerprinter = new Fingerprinter("mcpsec:" + salt);
            diag.phase("discovery and git status");
            CompiledPolicies policies = pending.get();
            diag.phase("bundle loading");
            SecretDetector detector =
                    new SecretDetector(detectorOptions(policies, config, request));
            EnvFiles envFiles = new EnvFiles(root, request.limits(), git.orElse(null));
            FactExtractor extractor =
                    new FactExtractor(
                            detector,
                            fingerprinter,
                            root,
                            envFiles,
                            request.explainsValues() ? request.valueLog() : null);
            if (found.truncatedBy() != null) {
                facts.add(found.truncatedBy());
            }
            RawConfigText raw =
                    new RawConfigText(detector, fingerprinter, request.limits().maxFileBytes());
            Sink sink = new Sink(facts, servers, warnings);
            int threads = configThreads > 0 ? configThreads : ConfigWork.defaultThreads();
            // with many config files, the two whole-tree searches that need nothing collected
            // before them run beside the config files, and are taken where they were done before
            boolean ahead = threads > 1 && discovered.size() >= ConfigWork.MIN_FILES_FOR_THREADS;
            SettingFacts masker = new SettingFacts(detector);
            List<ScanWarning> instructionWarnings = new ArrayList<>();
            List<Credential> current;
            try (Ahead<OccurrenceScan> occurrences =
                            Ahead.start(
                                    "mcpsec-occurrences",
                                    ahead,
                                    () ->
                                            new OccurrenceScanner(
                                                            detector,
                                                            fingerprinter,
                                                            request.limits().maxFileBytes(),
                                                            request.limits().maxFiles())
                                                    .scan(root));
                    Ahead<List<HiddenText>> instructions =
                            Ahead.start(
                                    "mcpsec-instructions",
                                    ahead,
                                    () ->
                                            InstructionFiles.scan(
                                                    root,
                                                    config,
                                                    request.limits(),
                                                    masker,
                                                    instructionWarnings))) {
                try (ConfigWork work =
                        ConfigWork.start(
                                discovered,
                                request.limits(),
                                status,
                                extractor,
                                envFiles,
                                !request.explainsValues(),
                                threads)) {
                    configFacts(
                            discovered,
                            status,
                            extractor,
                            raw,
                            request,
                            deadline,
                            sink,
                            files,
                            work);
                }
                current = List.copyOf(facts.credentials());
                SupplyChain.addFacts(facts, policies, config, request, clock, warnings);
                occurrenceFacts(occurrences, config, request, deadline, warnings)
                        .forEach(facts::add);
                if (!deadline.expired("instruction files not searched for hidden characters")) {
                    InstructionFiles.configFiles(discovered, facts, request.limits(), masker)
                            .forEach(facts::add);
                    List<HiddenText> hidden;
                    try {
                        hidden = instructions.get();
                    } catch (IOException e) {
                        // InstructionFiles.scan reports what it cannot read as warnings
                        throw new UncheckedIOException(e);
                    }
                    warnings.addAll(instructionWarnings);
                    hidden.forEach(facts::add);
                }
            }
            diag.phase("facts (parsing, secrets, supply chain)");
            if (git.isPresent() && request.history() && !deadline.expired("git history not read")) {
                request.progress().accept("reading git history of MCP configs");
                new HistoryFacts(extractor, request, config, clock)
                        .collect(
                                git.get(),
                                envFiles.loaded(),
                                current,
                                warnings,
                                deadline.remaining())
                        .forEach(facts::add);
            }
            diag.phase("git history");
            Registers.reviews(root, clock).forEach(facts::add);
            Registers.rotations(root, clock).forEach(facts::add);
            for (Map.Entry<String, Map<String, List<String>>> d : config.data().entrySet()) {
                d.getValue()
                        .forEach(
                                (k, values) ->
                                        values.forEach(
                                                v ->
                                                        facts.add(
                                                                new PolicyData(
                                                                        "config",
                                                                        d.getKey(),
                                                                        k,
                                                                        v))));
            }
        } finally {
            git.ifPresent(GitInspector::close);
        }
        return new Collected(facts, files, servers, warnings);
    }

    /**
     * The discovered files the project configuration does not exclude (user-level files are never
     * excluded).
     */
    private static List<DiscoveredFile> included(DiscoveryResult found, ProjectConfig config) {
        return found.files().stream()
                .filter(f -> f.displayPath().startsWith("~/") || !config.excludes(f.displayPath()))
                .toList();
    }

    /**
     * Parses every discovered file into facts; a file not read completely (or with a value shadowed
     * by a duplicate key) also gets a secret search over its raw text, and an incomplete file is a
     * fact of its own.
     */
    private static void configFacts(
            List<DiscoveredFile> discovered,
            Map<Path, GitFileStatus> status,
            FactExtractor extractor,
            RawConfigText raw,
            ScanRequest request,
            ScanDeadline deadline,
            Sink out,
            List<FileSummary> files,
            ConfigWork work) {
        request.progress().accept("parsing " + discovered.size() + " files");
        for (int i = 0; i < discovered.size(); i++) {
            if (deadline.expired(discovered.size() - i + " config files not parsed")) {
                out.facts()
                        .add(
                                new SkippedConfigs(
                                        discovered.get(i).displayPath(),
                                        "scanTimeout",
                                        discovered.size() - i + " config files not parsed"));
                break;
            }
            DiscoveredFile f = discovered.get(i);
            ConfigWork.Prepared prepared = work.get(i);
            ConfigDocument doc = prepared.doc();
            GitFileStatus st = status.getOrDefault(f.path(), GitFileStatus.OUTSIDE);
            out.facts()
                    .add(
                            FactExtractor.configFile(
                                    doc, st.tracked(), st.ignored(), st.inRepository()));
            files.add(
                    new FileSummary(
                            doc.file(),
                            doc.client(),
                            doc.scope(),
                            doc.format(),
                            st.inRepository() ? st.tracked() : null,
                            st.inRepository() ? st.ignored() : null,
                            doc.servers().size(),
                            doc.parseError()));
            doc.warnings().forEach(w -> out.warnings().add(new ScanWarning(doc.file(), 0, w)));
            if (doc.limitHit() != null) {
                // A limit hit on one file is that file's error; it is a scan warning too, so it is
                // never missed.
                out.warnings()
                        .add(new ScanWarning(doc.file(), 0, "not scanned: " + doc.parseError()));
            }
            int before = out.facts().credentials().size();
            if (prepared.extracted() != null) {
                out.addAll(prepared.extracted()); // extracted ahead, on a worker thread
            } else {
                extractor.extract(doc, st.tracked(), st.ignored(), out);
            }
            List<Credential> parsed =
                    List.copyOf(
                            out.facts()
                                    .credentials()
                                    .subList(before, out.facts().credentials().size()));
            boolean shadowed =
                    doc.warnings().stream().anyMatch(w -> w.contains(": duplicate key \""));
            if (doc.incomplete() != null || shadowed) {
                // not read completely, or a duplicate key hides an earlier value that is still
                // committed: search
                // the raw text for secrets the parsed part did not give; an incomplete file is a
                // finding itself
                byte[] content = raw.read(f.path());
                List<Credential> rawFound =
                        content == null
                                ? List.of()
                                : raw.search(
                                        doc.file(),
                                        doc.client(),
                                        content,
                                        st.tracked(),
                                        st.ignored(),
                                        parsed.stream()
                                                .map(Credential::fingerprint)
                                                .collect(Collectors.toSet()));
                rawFound.forEach(out.facts()::add);
                if (doc.incomplete() != null) {
                    out.facts().add(IncompleteConfigs.fact(doc, st.tracked(), rawFound.size()));
                }
            }
        }
    }

    /**
     * The same secret values in env files, CI configuration and deployment manifests ({@code
     * key-reuse}), from the search started ahead (or done now, see {@link Ahead}).
     */
    private static List<SecretOccurrence> occurrenceFacts(
            Ahead<OccurrenceScan> scan,
            ProjectConfig config,
            ScanRequest request,
            ScanDeadline deadline,
            List<ScanWarning> warnings) {
        request.progress().accept("looking for the same secrets in env, CI and deployment files");
        if (deadline.expired("env, CI and deployment files not searched")) {
            return List.of();
        }
        try {
            OccurrenceScan occurrences = scan.get();
            occurrences.notes().forEach(n -> warnings.add(new ScanWarning(null, 0, n)));
            return occurrences.occurrences().stream()
                    .filter(o -> !config.excludes(o.file()))
                    .map(
                            o ->
                                    new SecretOccurrence(
                                            o.fingerprint(),
                                            o.file(),
                                            o.line(),
                                            o.column(),
                                            o.context(),
                                            o.variable()))
                    .toList();
        } catch (IOException e) {
            warnings.add(
                    new ScanWarning(
                            null, 0, "could not look for reused secrets: " + e.getMessage()));
            return List.of();
        }
    }

    private static DetectorOptions detectorOptions(
            CompiledPolicies policies, ProjectConfig config, ScanRequest request) {
        DetectorOptions defaults = DetectorOptions.defaults();
        List<String> prod = new ArrayList<>(defaults.productionMarkers());
        List<String> dev = new ArrayList<>(defaults.devMarkers());
        List<String> live = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (PolicyData d : policies.data()) {
            addMarker(d.name(), d.key(), d.value(), prod, dev);
            addKeyEnvironment(d.name(), d.key(), d.value(), live, test);
        }
        config.data()
                .forEach(
                        (name, lists) ->
                                lists.forEach(
                                        (k, vs) ->
                                                vs.forEach(
                                                        v -> {
                                                            addMarker(name, k, v, prod, dev);
                                                            addKeyEnvironment(
                                                                    name, k, v, live, test);
                                                        })));
        return new DetectorOptions(
                        List.copyOf(prod), List.copyOf(dev), request.limits().maxValueLength())
                .withKeyEnvironments(live, test);
    }

    /**
     * Data {@code key-environments}: {@code live} and {@code test} lists of NAME=value settings.
     */
    private static void addKeyEnvironment(
            String name, String key, String value, List<String> live, List<String> test) {
        if (!"key-environments".equals(name)) {
            return;
        }
        List<String> into = "live".equals(key) ? live : "test".equals(key) ? test : null;
        if (into == null || into.contains(value)) {
            return;
        }
        try {
            KeyEnvironments.check(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("data", e.getMessage());
        }
        into.add(value);
    }

    private static void addMarker(
            String name, String key, String value, List<String> prod, List<String> dev) {
        if ("production-markers".equals(name) && "name".equals(key) && !prod.contains(value)) {
            prod.add(value);
        } else if ("dev-hosts".equals(name) && "marker".equals(key) && !dev.contains(value)) {
            dev.add(value);
        }
    }

    static List<Finding> sort(List<Finding> findings) {
        return findings.stream()
                .sorted(
                        Comparator.comparing(Finding::severity)
                                .thenComparing(f -> f.file() == null ? "" : f.file())
                                .thenComparingInt(Finding::line)
                                .thenComparing(Finding::ruleId))
                .collect(Collectors.toList());
    }

    /**
     * Every fact the rules would see for this request (configs, secrets, git, registers, bundle and
     * project data), secrets masked. No rule runs.
     */
    public List<FactRecord> facts(ScanRequest request) {
        Path root = root(request);
        ProjectConfig config = ProjectConfig.load(root);
        CompiledPolicies policies = Policies.load(request, root);
        Collected c = collect(request, root, config, policies);
        List<Object> all = new ArrayList<>(c.facts().all());
        all.addAll(policies.data());
        return new FactDump(new SecretDetector(detectorOptions(policies, config, request)))
                .records(all);
    }

    /**
     * Why rule {@code id} did or did not fire for this request (for {@code server}, or every server
     * when null): its findings, and each pattern's facts with the conditions they meet. The
     * configuration is checked as for a scan; a rule it turns off is traced anyway and marked so.
     */
    public RuleTrace trace(ScanRequest request, String id, String server) {
        Path root = root(request);
        ProjectConfig config = ProjectConfig.load(root);
        CompiledPolicies policies = Policies.load(request, root);
        Governance governance = Governance.decide(policies, config, request);
        Collected c = collect(request, root, config, policies);
        FactDump dump =
                new FactDump(new SecretDetector(detectorOptions(policies, config, request)));
        boolean enabled =
                policies.rules().stream()
                        .filter(r -> r.id().equals(id))
                        .allMatch(governance::enabled);
        return RuleTracer.trace(policies, id, enabled, server, c.facts().all(), dump::describe);
    }

    /** Ids of the rules a bundle locked under this request, each with the bundle that locked it. */
    public Map<String, String> lockedRules(ScanRequest request) {
        Path root = root(request);
        return Map.copyOf(
                Governance.decide(Policies.load(request, root), ProjectConfig.load(root), request)
                        .locked());
    }

    /**
     * The servers configured under the request's root, for the review register: discovery and
     * parsing only (no rule is compiled, no value inspected, no git read).
     */
    public List<McpServer> servers(ScanRequest request) {
        Path root = root(request);
        ProjectConfig config = ProjectConfig.load(root);
        DiscoveryResult found =
                Discovery.discover(
                        root,
                        request.includeUser(),
                        request.home(),
                        request.systemRoot(),
                        request.limits());
        List<McpServer> servers = new ArrayList<>();
        for (DiscoveredFile f : included(found, config)) {
            servers.addAll(FactExtractor.servers(ConfigParser.parse(f, request.limits())));
        }
        return servers;
    }

    /**
     * Every advisory source the request loads, with its size and age ({@code mcpsec advisories}).
     */
    public List<AdvisorySource> advisories(ScanRequest request) {
        return SupplyChain.sources(Policies.load(request, request.root()), request, clock);
    }
}
