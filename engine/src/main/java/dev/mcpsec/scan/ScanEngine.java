package dev.mcpsec.scan;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Explanation;
import dev.mcpsec.api.ReviewEntry;
import dev.mcpsec.api.ReviewStatus;
import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.ServerSummary;
import dev.mcpsec.api.Severity;
import dev.mcpsec.discovery.DiscoveredFile;
import dev.mcpsec.discovery.Discovery;
import dev.mcpsec.discovery.DiscoveryResult;
import dev.mcpsec.facts.ConfigFile;
import dev.mcpsec.facts.Credential;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.facts.PolicyData;
import dev.mcpsec.facts.SecretOccurrence;
import dev.mcpsec.git.GitFileStatus;
import dev.mcpsec.git.GitInspector;
import dev.mcpsec.parse.ConfigDocument;
import dev.mcpsec.parse.ConfigParser;
import dev.mcpsec.rules.CompiledPolicies;
import dev.mcpsec.rules.ProjectConfig;
import dev.mcpsec.rules.RuleRunner;
import dev.mcpsec.secrets.DetectorOptions;
import dev.mcpsec.secrets.Fingerprinter;
import dev.mcpsec.secrets.OccurrenceScan;
import dev.mcpsec.secrets.OccurrenceScanner;
import dev.mcpsec.secrets.SecretDetector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One scan, end to end: discover → parse → facts (config, secrets, git, registers, bundle data) → rules → findings →
 * configuration overrides, suppressions and baseline → result.
 */
public final class ScanEngine {
    /** The tool version reports carry. */
    public static final String VERSION = Version.get();

    private static final java.util.regex.Pattern LIMIT_HIT = java.util.regex.Pattern.compile(
            "\\((maxFileBytes|maxNestingDepth|maxValueLength)\\)");

    private final Clock clock;

    public ScanEngine(Clock clock) {
        this.clock = clock;
    }

    /** Everything a scan needs before it runs rules: the facts and the inventory. */
    record Collected(List<Object> facts, List<FileSummary> files, List<ServerSummary> servers,
                     List<ScanWarning> warnings) {
    }

    public ScanResult scan(ScanRequest request) {
        Path root = validRoot(request.root());
        return scan(request, Policies.load(request, root));
    }

    /** Scans with rules already compiled (bundle tests swap in the bundle under test). */
    public ScanResult scan(ScanRequest request, CompiledPolicies policies) {
        long start = System.nanoTime();
        Path root = validRoot(request.root());
        ProjectConfig config = ProjectConfig.load(root);
        Collected c = collect(request, root, config, policies, true);
        Set<String> disabled = new HashSet<>(request.excludeRules());
        disabled.addAll(config.disable());
        List<Finding> raw = RuleRunner.run(policies, c.facts(), rule -> enabled(rule, disabled, request.includeRules()));
        Map<String, Severity> overrides = new LinkedHashMap<>(config.severity());
        overrides.putAll(request.severityOverrides());
        List<Finding> rated = raw.stream().map(f -> rerate(f, overrides)).toList();
        Suppressions.Outcome outcome = Suppressions.apply(rated, config, request, root, clock);
        List<ScanWarning> warnings = new ArrayList<>(c.warnings());
        warnings.addAll(outcome.warnings());
        List<RuleInfo> rules = policies.rules().stream()
                .filter(r -> enabled(r, disabled, request.includeRules())).toList();
        long ms = (System.nanoTime() - start) / 1_000_000;
        return new ScanResult(VERSION, root.toString(), c.files(), c.servers(), sort(outcome.findings()),
                outcome.suppressed(), warnings, rules, ms);
    }

    static Path validRoot(Path root) {
        if (root == null || !Files.exists(root)) {
            throw new ConfigurationException("path", "path does not exist: " + root);
        }
        if (!Files.isDirectory(root)) {
            throw new ConfigurationException("path", "not a directory: " + root + " (give the project folder to scan)");
        }
        if (!Files.isReadable(root)) {
            throw new ConfigurationException("path", "cannot read " + root);
        }
        return root.toAbsolutePath().normalize();
    }

    Collected collect(ScanRequest request, Path root, ProjectConfig config, CompiledPolicies policies,
                      boolean withHistory) {
        List<Object> facts = new ArrayList<>();
        List<FileSummary> files = new ArrayList<>();
        List<ServerSummary> servers = new ArrayList<>();
        List<ScanWarning> warnings = new ArrayList<>();
        ScanDeadline deadline = new ScanDeadline(request.limits().scanTimeout(), warnings);
        request.progress().accept("discovering MCP configs under " + root);
        DiscoveryResult found = Discovery.discover(root, request.includeUser(), request.home(), request.limits());
        warnings.addAll(found.warnings());
        List<DiscoveredFile> discovered = found.files().stream()
                .filter(f -> f.displayPath().startsWith("~/") || !config.excludes(f.displayPath())).toList();
        Optional<GitInspector> git = GitInspector.open(root, warnings::add);
        try {
            Map<Path, GitFileStatus> status = git.map(g -> g.statuses(discovered.stream()
                    .filter(f -> "project".equals(f.scope())).map(DiscoveredFile::path).toList())).orElse(Map.of());
            String salt = git.map(GitInspector::repoSalt).orElse(root.toString());
            Fingerprinter fingerprinter = new Fingerprinter("mcpsec:" + salt);
            SecretDetector detector = new SecretDetector(detectorOptions(policies, config, request));
            EnvFiles envFiles = new EnvFiles(root, request.limits(), git.orElse(null));
            FactExtractor extractor = new FactExtractor(detector, fingerprinter, root, envFiles,
                    request.explainsValues() ? request.valueLog() : null);
            List<Credential> current = configFacts(discovered, status, extractor, request, deadline,
                    new FactExtractor.Sink(facts, servers, warnings, false, false), files);
            facts.addAll(occurrenceFacts(root, detector, fingerprinter, config, request, deadline, warnings));
            if (!deadline.expired("instruction files not searched for hidden characters")) {
                SettingFacts masker = new SettingFacts(detector);
                facts.addAll(InstructionFiles.configFiles(discovered, facts, request.limits(), masker));
                facts.addAll(InstructionFiles.scan(root, config, request.limits(), masker, warnings));
            }
            if (git.isPresent() && request.history() && withHistory && !deadline.expired("git history not read")) {
                request.progress().accept("reading git history of MCP configs");
                facts.addAll(new HistoryFacts(extractor, request, config, clock).collect(git.get(), envFiles.loaded(),
                        current, warnings, deadline.remaining()));
            }
            facts.addAll(Registers.load(root, clock));
            for (Map.Entry<String, Map<String, List<String>>> d : config.data().entrySet()) {
                d.getValue().forEach((k, values) -> values.forEach(v -> facts.add(new PolicyData("config", d.getKey(), k, v))));
            }
        } finally {
            git.ifPresent(GitInspector::close);
        }
        return new Collected(facts, files, servers, warnings);
    }

    /** Parses every discovered file into facts; returns the credentials found, for the history pass. */
    private static List<Credential> configFacts(List<DiscoveredFile> discovered, Map<Path, GitFileStatus> status,
                                                FactExtractor extractor, ScanRequest request, ScanDeadline deadline,
                                                FactExtractor.Sink out, List<FileSummary> files) {
        List<Credential> current = new ArrayList<>();
        request.progress().accept("parsing " + discovered.size() + " files");
        for (int i = 0; i < discovered.size(); i++) {
            if (deadline.expired(discovered.size() - i + " config files not parsed")) {
                break;
            }
            DiscoveredFile f = discovered.get(i);
            ConfigDocument doc = ConfigParser.parse(f, request.limits());
            GitFileStatus st = status.getOrDefault(f.path(), GitFileStatus.OUTSIDE);
            out.facts().add(new ConfigFile(doc.file(), doc.client(), doc.scope(), doc.format(), doc.kind(),
                    st.tracked(), st.ignored(), st.inRepository(), doc.parseError(), doc.servers().size(),
                    ReferenceSyntax.of(doc.client())));
            files.add(new FileSummary(doc.file(), doc.client(), doc.scope(), doc.format(),
                    st.inRepository() ? st.tracked() : null, st.inRepository() ? st.ignored() : null,
                    doc.servers().size(), doc.parseError()));
            doc.warnings().forEach(w -> out.warnings().add(new ScanWarning(doc.file(), 0, w)));
            if (doc.parseError() != null && LIMIT_HIT.matcher(doc.parseError()).find()) {
                // A limit hit on one file is that file's error; it is a scan warning too, so it is never missed.
                out.warnings().add(new ScanWarning(doc.file(), 0, "not scanned: " + doc.parseError()));
            }
            int before = out.facts().size();
            extractor.extract(doc, new FactExtractor.Sink(out.facts(), out.servers(), out.warnings(), st.tracked(),
                    st.ignored()));
            out.facts().subList(before, out.facts().size()).stream().filter(Credential.class::isInstance)
                    .map(Credential.class::cast).forEach(current::add);
        }
        return current;
    }

    /** The same secret values in env files, CI configuration and deployment manifests ({@code key-reuse}). */
    private static List<SecretOccurrence> occurrenceFacts(Path root, SecretDetector detector,
                                                          Fingerprinter fingerprinter, ProjectConfig config,
                                                          ScanRequest request, ScanDeadline deadline,
                                                          List<ScanWarning> warnings) {
        request.progress().accept("looking for the same secrets in env, CI and deployment files");
        if (deadline.expired("env, CI and deployment files not searched")) {
            return List.of();
        }
        try {
            OccurrenceScan occurrences = new OccurrenceScanner(detector, fingerprinter,
                    request.limits().maxFileBytes(), request.limits().maxFiles()).scan(root);
            occurrences.notes().forEach(n -> warnings.add(new ScanWarning(null, 0, n)));
            return occurrences.occurrences().stream().filter(o -> !config.excludes(o.file()))
                    .map(o -> new SecretOccurrence(o.fingerprint(), o.file(), o.line(), o.column(), o.context(),
                            o.variable())).toList();
        } catch (IOException e) {
            warnings.add(new ScanWarning(null, 0, "could not look for reused secrets: " + e.getMessage()));
            return List.of();
        }
    }

    private static DetectorOptions detectorOptions(CompiledPolicies policies, ProjectConfig config, ScanRequest request) {
        DetectorOptions defaults = DetectorOptions.defaults();
        List<String> prod = new ArrayList<>(defaults.productionMarkers());
        List<String> dev = new ArrayList<>(defaults.devMarkers());
        for (PolicyData d : policies.data()) {
            addMarker(d.name(), d.key(), d.value(), prod, dev);
        }
        config.data().forEach((name, lists) -> lists.forEach((k, vs) -> vs.forEach(v -> addMarker(name, k, v, prod, dev))));
        return new DetectorOptions(List.copyOf(prod), List.copyOf(dev), request.limits().maxValueLength());
    }

    private static void addMarker(String name, String key, String value, List<String> prod, List<String> dev) {
        if ("production-markers".equals(name) && "name".equals(key) && !prod.contains(value)) {
            prod.add(value);
        } else if ("dev-hosts".equals(name) && "marker".equals(key) && !dev.contains(value)) {
            dev.add(value);
        }
    }

    static boolean enabled(RuleInfo rule, Set<String> disabled, Set<String> include) {
        if (disabled.contains(rule.id()) || disabled.contains(rule.checklist())) {
            return false;
        }
        return include.isEmpty() || include.contains(rule.id()) || include.contains(rule.checklist());
    }

    private static Finding rerate(Finding f, Map<String, Severity> overrides) {
        Severity s = overrides.get(f.ruleId());
        if (s == null) {
            s = overrides.get(f.checklist());
        }
        return s == null ? f : f.withSeverity(s);
    }

    static List<Finding> sort(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparing(Finding::severity)
                .thenComparing(f -> f.file() == null ? "" : f.file())
                .thenComparingInt(Finding::line)
                .thenComparing(Finding::ruleId)).collect(Collectors.toList());
    }

    /** Explains a rule or checklist id against the rules the request loads. */
    public Optional<Explanation> explain(String id, ScanRequest request) {
        return Explainer.explain(id, Policies.load(request, request.root()));
    }

    /** The servers configured under the request's root (no rules run). */
    public List<McpServer> servers(ScanRequest request) {
        Path root = validRoot(request.root());
        Collected c = collect(request, root, ProjectConfig.load(root), Policies.load(request, root), false);
        return c.facts().stream().filter(McpServer.class::isInstance).map(McpServer.class::cast).toList();
    }

    /** Review state of every configured server, as the source-reviewed rule sees it. */
    public List<ReviewStatus> reviewStates(ScanRequest request) {
        Path root = validRoot(request.root());
        List<ReviewEntry> entries = ReviewRegister.read(root);
        List<ReviewStatus> out = new ArrayList<>();
        for (McpServer s : servers(request)) {
            String state = ReviewRegister.state(s, entries);
            ReviewEntry entry = entries.stream().filter(e -> e.server().equals(s.name()))
                    .filter(e -> "changed".equals(state) || ReviewRegister.matches(s, e)).findFirst().orElse(null);
            out.add(new ReviewStatus(s.name(), s.file(), state, entry, ReviewRegister.launched(s)));
        }
        return out;
    }
}
