package dev.mcpsec.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What to scan and how; front ends map their flags or plugin parameters onto this and nothing else.
 */
public final class ScanRequest {
    private final Path root;
    private final boolean includeUser;
    private final Path home;
    private final Path systemRoot;
    private final boolean history;
    private final List<String> bundles;
    private final ClassLoader bundleClassLoader;
    private final Path localRepository;
    private final boolean projectPolicies;
    private final Path baseline;
    private final Set<String> excludeRules;
    private final Set<String> includeRules;
    private final Map<String, Severity> severityOverrides;
    private final ScanLimits limits;
    private final Consumer<String> progress;
    private final Consumer<String> valueLog;
    private final boolean explainValues;
    private final boolean allowExternalGit;
    private final String fingerprintSalt;
    private final Consumer<Object> factListener;
    private final HistoryBaseline historyBaseline;
    private final Consumer<HistoryPass> historyListener;
    private final List<Path> advisories;
    private final java.time.Duration advisoriesMaxAge;

    private ScanRequest(Builder b) {
        this.root = b.root;
        this.includeUser = b.includeUser;
        this.home = b.home;
        this.systemRoot = b.systemRoot;
        this.history = b.history;
        this.bundles = List.copyOf(b.bundles);
        this.bundleClassLoader = b.bundleClassLoader;
        this.localRepository = b.localRepository;
        this.projectPolicies = b.projectPolicies;
        this.baseline = b.baseline;
        this.excludeRules = Set.copyOf(b.excludeRules);
        this.includeRules = Set.copyOf(b.includeRules);
        this.severityOverrides = Map.copyOf(b.severityOverrides);
        this.limits = b.limits;
        this.progress = b.progress;
        this.valueLog = b.valueLog == null ? line -> {} : b.valueLog;
        this.explainValues = b.valueLog != null;
        this.allowExternalGit = b.allowExternalGit;
        this.fingerprintSalt = b.fingerprintSalt;
        this.factListener = b.factListener;
        this.historyBaseline = b.historyBaseline;
        this.historyListener = b.historyListener;
        this.advisories = List.copyOf(b.advisories);
        this.advisoriesMaxAge = b.advisoriesMaxAge;
    }

    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /**
     * The same request for another root folder (user scope, history, baseline and project policies
     * as given).
     */
    public Builder toBuilder(Path newRoot) {
        Builder b =
                new Builder(newRoot)
                        .includeUser(includeUser)
                        .home(home)
                        .systemRoot(systemRoot)
                        .history(history)
                        .bundles(bundles)
                        .bundleClassLoader(bundleClassLoader)
                        .localRepository(localRepository)
                        .projectPolicies(projectPolicies)
                        .baseline(baseline)
                        .excludeRules(excludeRules)
                        .includeRules(includeRules)
                        .severityOverrides(severityOverrides)
                        .limits(limits)
                        .progress(progress)
                        .advisories(advisories)
                        .advisoriesMaxAge(advisoriesMaxAge);
        if (explainValues) {
            b.valueLog(valueLog);
        }
        return b;
    }

    public Path root() {
        return root;
    }

    public boolean includeUser() {
        return includeUser;
    }

    /** Home folder for the user scope; defaults to {@code user.home}. */
    public Path home() {
        return home;
    }

    /**
     * The folder the system-wide managed files are read under ({@code /} on a real machine, a fake
     * root in tests); null (the default) reads none.
     */
    public Path systemRoot() {
        return systemRoot;
    }

    /**
     * The machine's file system root as clients see it: {@code %SystemDrive%\} on Windows, else
     * {@code /}.
     */
    public static Path machineRoot(Map<String, String> env) {
        String drive = env.get("SystemDrive");
        return drive != null && drive.matches("[A-Za-z]:")
                ? Path.of(drive + java.io.File.separator)
                : Path.of("/");
    }

    public boolean history() {
        return history;
    }

    /**
     * Extra bundles: directory or jar paths, or {@code groupId:artifactId:version} from the local
     * repository.
     */
    public List<String> bundles() {
        return bundles;
    }

    /**
     * Class loader whose {@code META-INF/mcpsec/bundle.json} resources are bundles too (the plugin
     * classpath), or null.
     */
    public ClassLoader bundleClassLoader() {
        return bundleClassLoader;
    }

    /** Local Maven repository for {@code G:A:V} bundles; defaults to {@code ~/.m2/repository}. */
    public Path localRepository() {
        return localRepository;
    }

    public boolean projectPolicies() {
        return projectPolicies;
    }

    /**
     * Whether git may read outside the folder that holds {@code .git}: a {@code gitdir:} file
     * pointing elsewhere, alternates, {@code include.path}, a {@code core.excludesFile} or global
     * ignore file elsewhere. Off by default: such a repository is reported as a warning and not
     * opened (excludes files elsewhere are not read).
     */
    public boolean allowExternalGit() {
        return allowExternalGit;
    }

    /** Baseline file, or null for {@code ROOT/.mcpsec/baseline.json} when it exists. */
    public Path baseline() {
        return baseline;
    }

    /** Rule ids or checklist ids to turn off. */
    public Set<String> excludeRules() {
        return excludeRules;
    }

    /** When not empty: only these rule ids or checklist ids run. */
    public Set<String> includeRules() {
        return includeRules;
    }

    /** Rule id or checklist id → severity. */
    public Map<String, Severity> severityOverrides() {
        return severityOverrides;
    }

    public ScanLimits limits() {
        return limits;
    }

    /** Receives short progress lines for long work; never null. */
    public Consumer<String> progress() {
        return progress;
    }

    /** True when a value log was asked for (the extractor skips the work otherwise). */
    public boolean explainsValues() {
        return explainValues;
    }

    /**
     * Receives one line per inspected value saying what the secret detector decided and which step
     * decided it ({@code --explain-values}); the lines hold masked values only. Never null.
     */
    public Consumer<String> valueLog() {
        return valueLog;
    }

    /**
     * The salt of the credential fingerprints, or null for the default (one per repository, from
     * its root commit). A fleet scan sets one salt for every repository so that the same credential
     * has the same fingerprint everywhere; the salt is never printed.
     */
    public String fingerprintSalt() {
        return fingerprintSalt;
    }

    /**
     * Receives every fact the rules see, after collection and before the rules run; null when
     * nobody listens.
     */
    public Consumer<Object> factListener() {
        return factListener;
    }

    /** What an earlier history pass of this repository saw, or null to walk the whole history. */
    public HistoryBaseline historyBaseline() {
        return historyBaseline;
    }

    /**
     * Receives how the history pass went (null when nobody listens; not called when history is off
     * or absent).
     */
    public Consumer<HistoryPass> historyListener() {
        return historyListener;
    }

    /**
     * Extra advisory data in the OSV format: files, folders or zips (as OSV publishes its exports).
     */
    public List<Path> advisories() {
        return advisories;
    }

    /** Advisory data older than this is a scan warning; default 90 days. */
    public java.time.Duration advisoriesMaxAge() {
        return advisoriesMaxAge;
    }

    /**
     * {@code $HOME} (or {@code %USERPROFILE%}) as MCP clients see it, else the JVM's {@code
     * user.home}.
     */
    static Path defaultHome() {
        for (String name : new String[] {"HOME", "USERPROFILE"}) {
            String v = System.getenv(name);
            if (v != null && !v.isBlank()) {
                return Path.of(v);
            }
        }
        return Path.of(System.getProperty("user.home"));
    }

    /** Builder with the documented defaults: no user scope, history on, built-in bundle only. */
    public static final class Builder {
        private final Path root;
        private boolean includeUser;
        private Path home = defaultHome();
        private Path systemRoot;
        private boolean history = true;
        private final List<String> bundles = new ArrayList<>();
        private ClassLoader bundleClassLoader;
        private Path localRepository =
                Path.of(System.getProperty("user.home"), ".m2", "repository");
        private boolean projectPolicies;
        private Path baseline;
        private final Set<String> excludeRules = new LinkedHashSet<>();
        private final Set<String> includeRules = new LinkedHashSet<>();
        private final Map<String, Severity> severityOverrides = new LinkedHashMap<>();
        private ScanLimits limits = ScanLimits.defaults();
        private Consumer<String> progress = s -> {};
        private Consumer<String> valueLog;
        private boolean allowExternalGit;
        private String fingerprintSalt;
        private Consumer<Object> factListener;
        private HistoryBaseline historyBaseline;
        private Consumer<HistoryPass> historyListener;
        private final List<Path> advisories = new ArrayList<>();
        private java.time.Duration advisoriesMaxAge = java.time.Duration.ofDays(90);

        private Builder(Path root) {
            this.root = root;
        }

        public Builder includeUser(boolean v) {
            this.includeUser = v;
            return this;
        }

        public Builder home(Path v) {
            this.home = v;
            return this;
        }

        /** Where system-wide managed files are read; null (the default) reads none. */
        public Builder systemRoot(Path v) {
            this.systemRoot = v;
            return this;
        }

        public Builder history(boolean v) {
            this.history = v;
            return this;
        }

        public Builder bundles(List<String> v) {
            this.bundles.addAll(v);
            return this;
        }

        public Builder bundleClassLoader(ClassLoader v) {
            this.bundleClassLoader = v;
            return this;
        }

        public Builder localRepository(Path v) {
            this.localRepository = v;
            return this;
        }

        public Builder projectPolicies(boolean v) {
            this.projectPolicies = v;
            return this;
        }

        public Builder baseline(Path v) {
            this.baseline = v;
            return this;
        }

        public Builder excludeRules(Set<String> v) {
            this.excludeRules.addAll(v);
            return this;
        }

        public Builder includeRules(Set<String> v) {
            this.includeRules.addAll(v);
            return this;
        }

        public Builder severityOverrides(Map<String, Severity> v) {
            this.severityOverrides.putAll(v);
            return this;
        }

        public Builder limits(ScanLimits v) {
            this.limits = v;
            return this;
        }

        public Builder progress(Consumer<String> v) {
            this.progress = v;
            return this;
        }

        public Builder valueLog(Consumer<String> v) {
            this.valueLog = v;
            return this;
        }

        public Builder allowExternalGit(boolean v) {
            this.allowExternalGit = v;
            return this;
        }

        public Builder fingerprintSalt(String v) {
            this.fingerprintSalt = v;
            return this;
        }

        public Builder factListener(Consumer<Object> v) {
            this.factListener = v;
            return this;
        }

        public Builder historyBaseline(HistoryBaseline v) {
            this.historyBaseline = v;
            return this;
        }

        public Builder historyListener(Consumer<HistoryPass> v) {
            this.historyListener = v;
            return this;
        }

        public Builder advisories(List<Path> v) {
            this.advisories.addAll(v);
            return this;
        }

        public Builder advisoriesMaxAge(java.time.Duration v) {
            if (v == null || v.isNegative()) {
                throw new ConfigurationException(
                        "advisoriesMaxAge",
                        "the maximum age of advisory data must be 0 or more " + "days, not " + v);
            }
            this.advisoriesMaxAge = v;
            return this;
        }

        public ScanRequest build() {
            return new ScanRequest(this);
        }
    }
}
