package dev.mcpsec.report;

import java.util.Objects;

/** The registry of reporters: one per {@link ReportFormat}, no fallback. */
public final class Reporters {

    private Reporters() {
    }

    /** The reporter for {@code format}; reporters are stateless and may be shared. */
    public static Reporter get(ReportFormat format) {
        return switch (Objects.requireNonNull(format, "format")) {
            case TEXT -> TextReporter.INSTANCE;
            case JSON -> JsonReporter.INSTANCE;
            case SARIF -> SarifReporter.INSTANCE;
            case MARKDOWN -> MarkdownReporter.INSTANCE;
            case HTML -> HtmlReporter.INSTANCE;
            case JUNIT -> JunitReporter.INSTANCE;
            case GITLAB -> GitlabReporter.INSTANCE;
        };
    }
}
