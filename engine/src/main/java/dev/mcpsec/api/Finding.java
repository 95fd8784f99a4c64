package dev.mcpsec.api;

/**
 * One problem a rule found. Never holds a whole secret: messages use masked values only.
 *
 * @param file path relative to the scan root with forward slashes, or {@code ~/...} for user files
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param fingerprint stable identity used by baselines and SARIF, independent of line numbers
 */
public record Finding(
        String ruleId,
        String checklist,
        Severity severity,
        String title,
        String message,
        String file,
        int line,
        int column,
        String server,
        String client,
        String commit,
        String remediation,
        String fingerprint,
        String bundle) {

    /** A copy with another severity (configuration overrides). */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(
                ruleId,
                checklist,
                newSeverity,
                title,
                message,
                file,
                line,
                column,
                server,
                client,
                commit,
                remediation,
                fingerprint,
                bundle);
    }
}
