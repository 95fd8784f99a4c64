package dev.mcpsec.api;

import java.util.List;

/**
 * What {@code mcpsec explain ID} shows for a rule id or a checklist id.
 *
 * @param kind {@code rule} or {@code checklist}
 * @param failingExample a config snippet that the rule reports, or null
 * @param passingExample the same snippet done right, or null
 * @param owasp the OWASP MCP Top 10 items the rules address, each as id and title ({@code
 *     MCP04:2025 Software Supply Chain Attacks & Dependency Tampering}), in rule order
 */
public record Explanation(
        String id,
        String kind,
        String title,
        String what,
        String why,
        String fix,
        String failingExample,
        String passingExample,
        List<RuleInfo> rules,
        List<String> owasp) {
    public Explanation {
        owasp = owasp == null ? List.of() : List.copyOf(owasp);
    }

    /** An explanation without OWASP items. */
    public Explanation(
            String id,
            String kind,
            String title,
            String what,
            String why,
            String fix,
            String failingExample,
            String passingExample,
            List<RuleInfo> rules) {
        this(id, kind, title, what, why, fix, failingExample, passingExample, rules, List.of());
    }
}
