package dev.mcpsec.api;

import java.util.List;

/**
 * Metadata of one loaded rule, as reports (SARIF rule descriptors) and {@code mcpsec rules} show
 * it.
 *
 * @param owasp the OWASP MCP Top 10 items the rule addresses ({@code MCP04:2025}, ...): its
 *     {@code @owasp} metadata, else those of its checklist id (the mapping of the engine's {@code
 *     dev/mcpsec/owasp-mcp-top10.json}); empty when none fits
 */
public record RuleInfo(
        String id,
        String checklist,
        Severity severity,
        String title,
        String description,
        String remediation,
        String helpUri,
        String bundle,
        String source,
        List<String> owasp) {
    public RuleInfo {
        owasp = owasp == null ? List.of() : List.copyOf(owasp);
    }

    /** Rule info without OWASP items. */
    public RuleInfo(
            String id,
            String checklist,
            Severity severity,
            String title,
            String description,
            String remediation,
            String helpUri,
            String bundle,
            String source) {
        this(
                id,
                checklist,
                severity,
                title,
                description,
                remediation,
                helpUri,
                bundle,
                source,
                List.of());
    }
}
