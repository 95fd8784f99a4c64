package dev.mcpsec.cli;

import dev.mcpsec.api.AdvisorySource;
import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.Explanation;
import dev.mcpsec.api.Mcpsec;
import dev.mcpsec.api.ReviewEntry;
import dev.mcpsec.api.ReviewStatus;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ServerCandidate;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The engine calls the CLI makes, as an interface so that tests can stand in for the engine. */
public interface Engine {

    ScanResult scan(ScanRequest request);

    List<RuleInfo> rules(ScanRequest request);

    Optional<Explanation> explain(String id, ScanRequest request);

    BundleTestReport testBundle(Path bundleDir, ScanRequest request);

    int writeBaseline(ScanRequest request, Path baselineFile);

    ReviewEntry reviewAdd(ScanRequest request, String server, String reviewer, String note, String repository);

    List<ReviewStatus> reviewList(ScanRequest request);

    /** {@code mcpsec advisories}; test engines that do not list advisories need not implement it. */
    default List<AdvisorySource> advisories(ScanRequest request) {
        throw new UnsupportedOperationException("this engine does not list advisories");
    }

    /** {@code mcpsec check}; test engines that do not check candidates need not implement it. */
    default ScanResult check(ServerCandidate candidate, ScanRequest request) {
        throw new UnsupportedOperationException("this engine does not check candidates");
    }

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

            @Override
            public List<AdvisorySource> advisories(ScanRequest request) {
                return Mcpsec.advisories(request);
            }

            @Override
            public ScanResult check(ServerCandidate candidate, ScanRequest request) {
                return Mcpsec.check(candidate, request);
            }
        };
    }
}
