package dev.mcpsec.api;

/** Metadata of one loaded rule, as reports (SARIF rule descriptors) and {@code mcpsec rules} show it. */
public record RuleInfo(String id, String checklist, Severity severity, String title, String description,
                       String remediation, String helpUri, String bundle, String source) {
}
