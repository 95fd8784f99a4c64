package dev.mcpsec.api;

import dev.mcpsec.facts.McpServer;
import dev.mcpsec.rules.Baseline;
import dev.mcpsec.rules.BundleLoader;
import dev.mcpsec.scan.BundleTestRunner;
import dev.mcpsec.scan.Policies;
import dev.mcpsec.scan.ReviewRegister;
import dev.mcpsec.scan.ScanEngine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The engine's entry points; the CLI and the Maven plugin call these and nothing deeper. */
public final class Mcpsec {
    private static final ScanEngine ENGINE = new ScanEngine(Clock.systemUTC());

    private Mcpsec() {
    }

    /** The engine version. */
    public static String version() {
        return ScanEngine.VERSION;
    }

    /** Discovers, parses, extracts facts, evaluates every loaded rule and applies suppressions. */
    public static ScanResult scan(ScanRequest request) {
        return ENGINE.scan(request);
    }

    /** Every fact the rules would see for the request, secrets masked ({@code mcpsec facts}); no rule runs. */
    public static List<FactRecord> facts(ScanRequest request) {
        return ENGINE.facts(request);
    }

    /** Why rule {@code ruleId} did or did not fire, for {@code server} or every server when null. */
    public static RuleTrace trace(ScanRequest request, String ruleId, String server) {
        return ENGINE.trace(request, ruleId, server);
    }

    /** Every rule the request would load (built-in, classpath, extra and, if enabled, project bundles). */
    public static List<RuleInfo> rules(ScanRequest request) {
        return Policies.load(request, request.root()).rules();
    }

    /** Explains a rule id or a checklist id, or empty when neither is known. */
    public static Optional<Explanation> explain(String id, ScanRequest request) {
        return ENGINE.explain(id, request);
    }

    /** Runs the fixture tests of the bundle in {@code bundleDir} (a bundle directory or a project holding one). */
    public static BundleTestReport testBundle(Path bundleDir, ScanRequest request) {
        return new BundleTestRunner(ENGINE).run(BundleLoader.fromDirectory(bundleDir), request);
    }

    /**
     * Scans and writes every current finding to the baseline file, except findings of rules a bundle locked (those
     * cannot be baselined); returns how many entries it holds.
     */
    public static int writeBaseline(ScanRequest request, Path baselineFile) {
        Baseline previous = Baseline.load(baselineFile, baselineFile.toString(), false);
        ScanResult result = ENGINE.scan(request);
        java.util.Set<String> locked = ENGINE.lockedRules(request).keySet();
        List<Finding> all = new ArrayList<>(result.findings().stream().filter(f -> !locked.contains(f.ruleId())).toList());
        result.suppressed().stream().filter(s -> "baseline".equals(s.source())).forEach(s -> all.add(s.finding()));
        return Baseline.write(baselineFile, all, previous);
    }

    /** Records a review of {@code server} (as configured under the request's root) in {@code .mcpsec/reviewed.json}. */
    public static ReviewEntry reviewAdd(ScanRequest request, String server, String reviewer, String note,
                                        String repository) {
        List<McpServer> matches = ENGINE.servers(request).stream().filter(s -> s.name().equals(server)).toList();
        if (matches.isEmpty()) {
            throw new ConfigurationException("server", "no server named '" + server + "' is configured under "
                    + request.root() + " (see 'mcpsec review list')");
        }
        McpServer s = matches.get(0);
        ReviewEntry entry = new ReviewEntry(s.name(), s.packageName() != null ? s.packageName()
                : s.url() == null ? s.command() : null, s.packageVersion(), s.imageDigest(),
                s.packageName() == null ? s.url() : null, repository, reviewer, LocalDate.now(Clock.systemUTC()).toString(),
                note);
        ReviewRegister.add(request.root().toAbsolutePath().normalize(), entry);
        return entry;
    }

    /** The review state of every server under the request's root. */
    public static List<ReviewStatus> reviewList(ScanRequest request) {
        return ENGINE.reviewStates(request);
    }
}
