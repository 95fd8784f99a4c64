package dev.mcpsec.cli;

import dev.mcpsec.api.AdvisorySource;
import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.Explanation;
import dev.mcpsec.api.FileSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ReviewEntry;
import dev.mcpsec.api.ReviewStatus;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ServerCandidate;
import dev.mcpsec.api.ServerSummary;
import dev.mcpsec.api.Severity;
import dev.mcpsec.engine.Mcpsec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stand-in engine: returns canned answers, records what it was asked, or throws what the test
 * wants.
 */
final class FakeEngine implements Mcpsec {
    final List<ScanRequest> requests = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    final List<RuleInfo> rules = new ArrayList<>();
    final List<dev.mcpsec.api.FactRecord> facts = new ArrayList<>();
    final List<ReviewStatus> statuses = new ArrayList<>();
    final List<AdvisorySource> advisorySources = new ArrayList<>();
    final List<ServerCandidate> candidates = new ArrayList<>();
    Explanation explanation;
    BundleTestReport testReport;
    RuntimeException failure;
    Error error;
    Path baselineFile;
    String reviewer;

    FakeEngine finding(Severity severity) {
        findings.add(
                new Finding(
                        "TEST-" + findings.size(),
                        "stripe-test-keys",
                        severity,
                        "A test finding",
                        "something is wrong",
                        ".mcp.json",
                        3,
                        7,
                        "stripe",
                        "claude-code",
                        null,
                        "fix it",
                        "fp" + findings.size(),
                        "builtin@0.1.0"));
        return this;
    }

    FakeEngine failingWith(RuntimeException e) {
        this.failure = e;
        return this;
    }

    ScanRequest lastRequest() {
        return requests.get(requests.size() - 1);
    }

    private void record(ScanRequest request) {
        requests.add(request);
        if (failure != null) {
            throw failure;
        }
        if (error != null) {
            throw error;
        }
    }

    @Override
    public ScanResult scan(ScanRequest request) {
        record(request);
        request.progress().accept("scanning " + request.root().getFileName());
        return new ScanResult(
                "0.1.0-test",
                request.root().toString(),
                List.of(
                        new FileSummary(
                                ".mcp.json",
                                "claude-code",
                                "project",
                                "json",
                                true,
                                false,
                                1,
                                null)),
                List.of(
                        new ServerSummary(
                                ".mcp.json",
                                2,
                                "stripe",
                                "claude-code",
                                "project",
                                "stdio",
                                "npx",
                                null,
                                "@stripe/mcp",
                                null,
                                false)),
                List.copyOf(findings),
                List.of(),
                List.of(),
                List.copyOf(rules),
                5,
                List.of(),
                List.of(),
                List.of());
    }

    @Override
    public List<RuleInfo> rules(ScanRequest request) {
        record(request);
        return rules;
    }

    @Override
    public List<dev.mcpsec.api.FactRecord> facts(ScanRequest request) {
        record(request);
        return facts;
    }

    dev.mcpsec.api.RuleTrace trace;
    String tracedRule;
    String tracedServer;

    @Override
    public dev.mcpsec.api.RuleTrace trace(ScanRequest request, String ruleId, String server) {
        record(request);
        tracedRule = ruleId;
        tracedServer = server;
        return trace;
    }

    @Override
    public Optional<Explanation> explain(String id, ScanRequest request) {
        record(request);
        return Optional.ofNullable(explanation).filter(e -> e.id().equals(id));
    }

    @Override
    public BundleTestReport testBundle(Path bundleDir, ScanRequest request) {
        record(request);
        return testReport;
    }

    @Override
    public int writeBaseline(ScanRequest request, Path baselineFile) {
        record(request);
        this.baselineFile = baselineFile;
        return findings.size();
    }

    @Override
    public ReviewEntry reviewAdd(
            ScanRequest request, String server, String reviewer, String note, String repository) {
        record(request);
        this.reviewer = reviewer;
        return new ReviewEntry(
                server,
                "@stripe/mcp",
                "1.2.3",
                null,
                null,
                repository,
                reviewer,
                "2025-01-31",
                note);
    }

    @Override
    public List<ReviewStatus> reviewList(ScanRequest request) {
        record(request);
        return statuses;
    }

    /**
     * Fleet runs go to the real fleet scanner: its inputs are real repositories the test lays out.
     */
    @Override
    public dev.mcpsec.fleet.FleetScanner.FleetResult fleet(dev.mcpsec.fleet.FleetRequest request) {
        if (failure != null) {
            throw failure;
        }
        return Mcpsec.create().fleet(request);
    }

    @Override
    public dev.mcpsec.fleet.FleetScanner.FleetResult mergeFleet(List<Path> reports, Path output) {
        if (failure != null) {
            throw failure;
        }
        return Mcpsec.create().mergeFleet(reports, output);
    }

    @Override
    public List<AdvisorySource> advisories(ScanRequest request) {
        record(request);
        return advisorySources;
    }

    /** Records the candidate and answers as {@link #scan} does. */
    @Override
    public ScanResult check(ServerCandidate candidate, ScanRequest request) {
        candidates.add(candidate);
        return scan(request);
    }
}
