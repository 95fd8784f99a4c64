package dev.mcpsec.api;

/**
 * A rule a scan did not run as written: turned off or re-rated, with who decided it and why.
 *
 * @param kind {@code disable} or {@code severity}
 * @param rule the rule id it applies to
 * @param via the rule or checklist id the setting named
 * @param from the rule's severity before ({@code severity} only, else null)
 * @param to the severity after ({@code severity} only, else null)
 * @param source who decided: {@code bundle ID@VERSION}, {@code .mcpsec/config.json} or {@code
 *     command line}
 * @param reason why, or null when the setting gave none (re-rates only; disabling always needs a
 *     reason)
 */
public record RuleOverride(
        String kind,
        String rule,
        String via,
        Severity from,
        Severity to,
        String source,
        String reason) {}
