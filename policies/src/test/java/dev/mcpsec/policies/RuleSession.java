package dev.mcpsec.policies;

import dev.mcpsec.api.Finding;
import dev.mcpsec.rules.RuleRunner;
import java.util.List;

/**
 * Runs hand-built facts through the built-in rules with the engine's own runner (the bundle's data
 * inserted as in a scan) and reports the rule id of each finding, in firing order.
 */
final class RuleSession {

    private RuleSession() {}

    /**
     * Rule ids in firing order, one entry per finding (matches with the same fingerprint make one
     * finding).
     */
    static List<String> fire(Object... facts) {
        return RuleRunner.run(BuiltinBundle.compiled(), List.of(facts)).stream()
                .map(Finding::ruleId)
                .toList();
    }
}
