package dev.mcpsec.api;

import java.util.List;

/**
 * Why a rule did or did not fire ({@code mcpsec scan --trace RULE [--server NAME]}): what it
 * produced, and for each pattern of its {@code when} part the facts of that type and which of the
 * pattern's conditions each one meets.
 *
 * @param source the rule's {@code file:line}
 * @param enabled false when the scan's configuration turns the rule off (it was traced anyway)
 * @param findings what the rule produced (for the server, when one was named)
 */
public record RuleTrace(
        String ruleId,
        String source,
        String server,
        boolean enabled,
        List<Finding> findings,
        List<PatternTrace> patterns) {

    /**
     * One pattern: its text, its fact type, {@code match}, {@code not} or {@code exists}, how many
     * facts of the type there are, and the traced facts (those about the server, or for facts
     * without a server those meeting every condition that can be checked alone; at most 20).
     */
    public record PatternTrace(
            String text,
            String type,
            String mode,
            int factCount,
            List<FactTrace> facts,
            int omitted) {}

    /** One fact (described with masked values) and each condition's outcome. */
    public record FactTrace(String fact, List<Condition> conditions) {}

    /**
     * @param outcome {@code held}, {@code failed}, or {@code join} (it compares with another
     *     pattern's binding, so it is only decided by the whole rule)
     */
    public record Condition(String text, String outcome) {}
}
