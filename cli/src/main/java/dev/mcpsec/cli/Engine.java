package dev.mcpsec.cli;

import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.Explanation;
import dev.mcpsec.api.FactRecord;
import dev.mcpsec.api.RuleTrace;
import dev.mcpsec.api.Mcpsec;
import dev.mcpsec.api.ReviewEntry;
import dev.mcpsec.api.ReviewStatus;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The engine calls the CLI makes, as an interface so that tests can stand in for the engine. */
public interface Engine {

    ScanResult scan(ScanRequest request);

    List<RuleInfo> rules(ScanRequest request);

    List<FactRecord> facts(ScanRequest request);

    RuleTrace trace(ScanRequest request, String ruleId, String server);

    Optional<Explanation> explain(String id, ScanRequest request);

    BundleTestReport testBundle(Path bundleDir, ScanRequest request);

    int writeBaseline(ScanRequest request, Path baselineFile);

    ReviewEntry reviewAdd(ScanRequest request, String server, String reviewer, String note, String repository);

    List<ReviewStatus> reviewList(ScanRequest request);

    /** The real engine, {@link Mcpsec}. */
    static Engine mcpsec() {
        return new Engine() {
            @Override
            public ScanResult scan(ScanRequest request) {
                return Mcpsec.scan(request);
            }

            @Override
            public List<RuleInfo> rules(ScanRequest request) {
                return Mcpsec.rules(request);
            }

            @Override
            public List<FactRecord> facts(ScanRequest request) {
                return Mcpsec.facts(request);
            }

            @Override
            public RuleTrace trace(ScanRequest request, String ruleId, String server) {
                return Mcpsec.trace(request, ruleId, server);
            }

            @Override
            public Optional<Explanation> explain(String id, ScanRequest request) {
                return Mcpsec.explain(id, request);
            }

            @Override
            public BundleTestReport testBundle(Path bundleDir, ScanRequest request) {
                return Mcpsec.testBundle(bundleDir, request);
            }

            @Override
            public int writeBaseline(ScanRequest request, Path baselineFile) {
                return Mcpsec.writeBaseline(request, baselineFile);
            }

            @Override
            public ReviewEntry reviewAdd(ScanRequest request, String server, String reviewer, String note,
                                         String repository) {
                return Mcpsec.reviewAdd(request, server, reviewer, note, repository);
            }

            @Override
            public List<ReviewStatus> reviewList(ScanRequest request) {
                return Mcpsec.reviewList(request);
            }
        };
    }
}
