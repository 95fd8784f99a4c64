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
import dev.mcpsec.project.Baseline;
import dev.mcpsec.project.ReviewRegister;
import dev.mcpsec.rules.BundleLoader;
import dev.mcpsec.rules.BundleTestRunner;
import dev.mcpsec.rules.Explainer;
import dev.mcpsec.rules.Policies;
import dev.mcpsec.scan.CandidateCheck;
import dev.mcpsec.scan.Prefetch;
import dev.mcpsec.scan.ScanEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The real engine: wires the orchestration, the rules and the project registers; holds no other
 * logic.
 */
final class McpsecEngine implements Mcpsec {
    private final Clock clock;
    private final ScanEngine engine;

    McpsecEngine(Clock clock) {
        this.clock = clock;
        this.engine = new ScanEngine(clock);
    }

    @Override
    public ScanResult scan(ScanRequest request) {
        return engine.scan(request);
    }

    @Override
    public void prepareScan(boolean classPathRulesOnly) {
        Prefetch.start(classPathRulesOnly);
    }

    @Override
    public List<FactRecord> facts(ScanRequest request) {
        return engine.facts(request);
    }

    @Override
    public RuleTrace trace(ScanRequest request, String ruleId, String server) {
        return engine.trace(request, ruleId, server);
    }

    @Override
    public List<RuleInfo> rules(ScanRequest request) {
        return Policies.catalog(request).rules();
    }

    @Override
    public Optional<Explanation> explain(String id, ScanRequest request) {
        return Explainer.explain(id, Policies.catalog(request));
    }

    @Override
    public BundleTestReport testBundle(Path bundleDir, ScanRequest request) {
        return new BundleTestRunner((r, p, c) -> new ScanEngine(c).scan(r, p), clock)
                .run(BundleLoader.fromDirectory(bundleDir), request);
    }

    @Override
    public int writeBaseline(ScanRequest request, Path baselineFile) {
        ScanResult result = engine.scan(request);
        return Baseline.update(
                engine.root(request), baselineFile, result, engine.lockedRules(request).keySet());
    }

    @Override
    public ReviewEntry reviewAdd(
            ScanRequest request, String server, String reviewer, String note, String repository) {
        return ReviewRegister.add(
                request.root(),
                engine.servers(request),
                server,
                reviewer,
                note,
                repository,
                LocalDate.now(clock));
    }

    @Override
    public List<ReviewStatus> reviewList(ScanRequest request) {
        return ReviewRegister.statuses(engine.root(request), engine.servers(request));
    }

    @Override
    public FleetScanner.FleetResult fleet(FleetRequest request) {
        return new FleetScanner(clock).run(request);
    }

    @Override
    public FleetScanner.FleetResult mergeFleet(List<Path> reports, Path output) {
        return new FleetScanner(clock).merge(reports, output);
    }

    @Override
    public List<AdvisorySource> advisories(ScanRequest request) {
        return engine.advisories(request);
    }

    @Override
    public ScanResult check(ServerCandidate candidate, ScanRequest request) {
        return new CandidateCheck(engine).check(candidate, request);
    }
}
