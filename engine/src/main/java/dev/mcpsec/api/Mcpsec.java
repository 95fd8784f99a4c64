package dev.mcpsec.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The engine's entry points; the CLI and the Maven plugin call these and nothing deeper. */
public final class Mcpsec {
    private Mcpsec() {
    }

    /** Discovers, parses, extracts facts, evaluates every loaded rule and applies suppressions. */
    public static ScanResult scan(ScanRequest request) {
        throw new UnsupportedOperationException("scan is being wired");
    }

    /** Every rule the request would load (built-in, classpath, extra and, if enabled, project bundles). */
    public static List<RuleInfo> rules(ScanRequest request) {
        throw new UnsupportedOperationException("rules is being wired");
    }

    /** Explains a rule id or a checklist id, or empty when neither is known. */
    public static Optional<Explanation> explain(String id, ScanRequest request) {
        throw new UnsupportedOperationException("explain is being wired");
    }

    /** Runs the fixture tests of the bundle in {@code bundleDir} (a bundle directory or a project holding one). */
    public static BundleTestReport testBundle(Path bundleDir, ScanRequest request) {
        throw new UnsupportedOperationException("testBundle is being wired");
    }

    /** Scans and writes every current finding to the baseline file; returns how many entries it holds. */
    public static int writeBaseline(ScanRequest request, Path baselineFile) {
        throw new UnsupportedOperationException("writeBaseline is being wired");
    }

    /** Records a review of {@code server} (as configured under the request's root) in {@code .mcpsec/reviewed.json}. */
    public static ReviewEntry reviewAdd(ScanRequest request, String server, String reviewer, String note,
                                        String repository) {
        throw new UnsupportedOperationException("reviewAdd is being wired");
    }

    /** The review state of every server under the request's root. */
    public static List<ReviewStatus> reviewList(ScanRequest request) {
        throw new UnsupportedOperationException("reviewList is being wired");
    }
}
