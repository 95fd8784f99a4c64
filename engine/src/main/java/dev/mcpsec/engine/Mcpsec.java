package dev.mcpsec.engine;

import dev.mcpsec.api.AdvisorySource;
import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.Explanation;
import dev.mcpsec.api.FactRecord;
import dev.mcpsec.api.ReviewEntry;
import dev.mcpsec.api.ReviewStatus;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.RuleTrace;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ServerCandidate;
import dev.mcpsec.fleet.FleetRequest;
import dev.mcpsec.fleet.FleetScanner;
import dev.mcpsec.options.Version;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The engine's entry points; the CLI and the Maven plugin call these and nothing deeper. An engine
 * is an instance created with its clock ({@link #create(Clock)}), so that tests and fixture cases
 * can pin time; front-end tests stand in for it by implementing this interface.
 */
public interface Mcpsec {

    /** An engine on the system clock (UTC). */
    static Mcpsec create() {
        return create(Clock.systemUTC());
    }

    /**
     * An engine that takes today's date (suppression and baseline expiry, review dates, rotation)
     * from {@code clock}.
     */
    static Mcpsec create(Clock clock) {
        return new McpsecEngine(clock);
    }

    /** The engine version, the one reports carry. */
    static String version() {
        return Version.get();
    }

    /**
     * True for a directory name that no walk of a scan enters (neither config discovery nor the
     * secret-occurrence scan): nothing below it can change a result. The Maven goal's up-to-date
     * check walks everything else.
     */
    static boolean skippedByEveryWalk(String directoryName) {
        return dev.mcpsec.discovery.Discovery.skippedDirectory(directoryName)
                && dev.mcpsec.secrets.OccurrenceScanner.skippedDirectory(directoryName);
    }

    /**
     * A hint that a scan (or a check) will follow: the engine may start reading what every scan
     * needs, the bundles on its class path, on a background thread, so that the caller's own set-up
     * overlaps it; with {@code classPathRulesOnly} (the scan will load no {@code --bundle} and no
     * project policies) it may also start compiling their rules. Results do not depend on it; an
     * engine may ignore it.
     */
    default void prepareScan(boolean classPathRulesOnly) {}

    /** Discovers, parses, extracts facts, evaluates every loaded rule and applies suppressions. */
    ScanResult scan(ScanRequest request);

    /**
     * Every fact the rules would see for the request, secrets masked ({@code mcpsec facts}); no
     * rule runs.
     */
    List<FactRecord> facts(ScanRequest request);

    /**
     * Why rule {@code ruleId} did or did not fire, for {@code server} or every server when null.
     */
    RuleTrace trace(ScanRequest request, String ruleId, String server);

    /**
     * Every rule the request would load (built-in, classpath, extra and, if enabled, project
     * bundles).
     */
    List<RuleInfo> rules(ScanRequest request);

    /** Explains a rule id or a checklist id, or empty when neither is known. */
    Optional<Explanation> explain(String id, ScanRequest request);

    /**
     * Runs the fixture tests of the bundle in {@code bundleDir} (a bundle directory or a project
     * holding one).
     */
    BundleTestReport testBundle(Path bundleDir, ScanRequest request);

    /**
     * Scans and writes every current finding to the baseline file, except findings of rules a
     * bundle locked (those cannot be baselined); returns how many entries it holds.
     */
    int writeBaseline(ScanRequest request, Path baselineFile);

    /**
     * Records a review of {@code server} (as configured under the request's root) in {@code
     * .mcpsec/reviewed.json}.
     */
    ReviewEntry reviewAdd(
            ScanRequest request, String server, String reviewer, String note, String repository);

    /** The review state of every server under the request's root. */
    List<ReviewStatus> reviewList(ScanRequest request);

    /**
     * Scans many repositories (clones, bare mirrors, list files) and writes the org report into the
     * output folder.
     */
    FleetScanner.FleetResult fleet(FleetRequest request);

    /**
     * Joins shard org reports into one org report written into {@code output}, as one run would
     * have written it.
     */
    FleetScanner.FleetResult mergeFleet(List<Path> reports, Path output);

    /**
     * Every advisory source the request loads (bundles and {@code --advisories}), with its size and
     * age.
     */
    List<AdvisorySource> advisories(ScanRequest request);

    /**
     * Vets one server before anyone adds it: the same rules, bundles and advisories as a scan,
     * applied offline to that server alone (the request's root is not read; rules about the
     * project's own files do not run).
     */
    ScanResult check(ServerCandidate candidate, ScanRequest request);
}
