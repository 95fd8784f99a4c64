package dev.mcpsec.api;

import java.util.List;

/**
 * What {@code mcpsec explain ID} shows for a rule id or a checklist id.
 *
 * @param kind {@code rule} or {@code checklist}
 * @param failingExample a config snippet that the rule reports, or null
 * @param passingExample the same snippet done right, or null
 */
public record Explanation(String id, String kind, String title, String what, String why, String fix,
                          String failingExample, String passingExample, List<RuleInfo> rules) {
}
