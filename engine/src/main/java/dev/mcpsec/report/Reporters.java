package dev.mcpsec.report;

import java.util.Objects;

/** The registry of reporters: one per {@link ReportFormat}, no fallback. */
public final class Reporters {

    private Reporters() {}

    /** The reporter for {@code format}; reporters are stateless and may be shared. */
    public static Reporter get(ReportFormat format) {
        return switch (Objects.requireNonNull(format, "format")) {
            case TEXT -> TextReporter.INSTANCE;
            case JSON -> JsonReporter.INSTANCE;
            case SARIF -> SarifReporter.INSTANCE;
            case MARKDOWN -> MarkdownReporter.INSTANCE;
            case HTML -> HtmlReporter.INSTANCE;
            case CYCLONEDX -> CycloneDxReporter.INSTANCE;
            case JUNIT -> JunitReporter.INSTANCE;
            case GITLAB -> GitlabReporter.INSTANCE;
        };
    }

    /**
     * One line naming the suppressions by source and every rule turned off or re-rated, with who
     * and why, for front ends' summaries (build log, standard error); empty when the scan ran every
     * rule as written.
     */
    public static String exceptionsSummary(dev.mcpsec.api.ScanResult result) {
        String suppressed =
                ReportSupport.suppressedSummary(ReportSupport.orEmpty(result.suppressed()));
        String policy = ReportSupport.overridesSummary(result.overrides());
        return suppressed.isEmpty()
                ? policy
                : policy.isEmpty() ? suppressed : suppressed + "; " + policy;
    }
}
