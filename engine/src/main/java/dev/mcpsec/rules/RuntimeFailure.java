package dev.mcpsec.rules;

import dev.mcpsec.api.PolicyException;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.facts.PolicyData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns an exception thrown while rules evaluate (a constraint over a bad data value, a method that
 * throws) into a {@link PolicyException}: the rule, its file, the constraint, the cause in one line
 * and, when a data value is the culprit, the data list and bundle it comes from. No stack trace
 * reaches the user.
 */
final class RuntimeFailure {
    private static final Pattern RULE = Pattern.compile("Rule \"(.+?)\" in ([^\\]]+)\\]");
    private static final Pattern CONSTRAINT = Pattern.compile("constraint '(.+?)'");

    private RuntimeFailure() {}

    static PolicyException of(RuntimeException e, CompiledPolicies policies, Collection<?> facts) {
        String text = messages(e);
        Matcher rule = RULE.matcher(text);
        String ruleName = rule.find() ? rule.group(1) : null;
        String file = ruleName == null ? null : rule.group(2);
        RuleInfo info =
                ruleName == null
                        ? null
                        : policies.byRule().entrySet().stream()
                                .filter(en -> en.getKey().endsWith("." + ruleName))
                                .map(java.util.Map.Entry::getValue)
                                .findFirst()
                                .orElse(null);
        Matcher constraint = CONSTRAINT.matcher(text);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String value = root instanceof PatternSyntaxException p ? p.getPattern() : null;
        List<PolicyData> data = new ArrayList<>(policies.data());
        facts.stream()
                .filter(PolicyData.class::isInstance)
                .map(PolicyData.class::cast)
                .forEach(data::add);
        PolicyData culprit = null;
        String rootMessage = root.getMessage() == null ? "" : root.getMessage();
        for (PolicyData d : data) {
            boolean hit =
                    value != null
                            ? d.value().equals(value)
                            : !d.value().isEmpty() && rootMessage.contains(d.value());
            if (hit && (culprit == null || d.value().length() > culprit.value().length())) {
                culprit = d;
            }
        }
        StringBuilder problem = new StringBuilder();
        String where = info != null && info.source() != null ? info.source() : file;
        problem.append(where == null ? "a rule" : where)
                .append(": rule ")
                .append(
                        info != null
                                ? info.id() + " (\"" + ruleName + "\")"
                                : ruleName == null ? "?" : "\"" + ruleName + "\"")
                .append(" failed while evaluating");
        if (constraint.find()) {
            problem.append(" the constraint '").append(constraint.group(1)).append('\'');
        }
        problem.append(": ")
                .append(root.getClass().getSimpleName())
                .append(": ")
                .append(firstLine(rootMessage));
        if (culprit != null) {
            problem.append("; the value \"")
                    .append(culprit.value())
                    .append("\" comes from ")
                    .append(
                            "config".equals(culprit.bundle())
                                    ? "\"data\" in .mcpsec/config.json, list "
                                    : "data/"
                                            + culprit.name()
                                            + ".json of bundle "
                                            + culprit.bundle()
                                            + ", list ")
                    .append(culprit.name())
                    .append(", key \"")
                    .append(culprit.key())
                    .append('"');
        } else if (value != null) {
            problem.append("; the value was \"").append(value).append('"');
        }
        return new PolicyException("a policy failed at run time", List.of(problem.toString()));
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
