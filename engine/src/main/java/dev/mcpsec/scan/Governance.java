package dev.mcpsec.scan;

import dev.mcpsec.api.AppliedBundle;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.RuleOverride;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.Severity;
import dev.mcpsec.project.ProjectConfig;
import dev.mcpsec.rules.Bundle;
import dev.mcpsec.rules.BundlePolicy;
import dev.mcpsec.rules.CompiledPolicies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules run and at what severity, decided in the documented order: bundles (in load order),
 * then the project's {@code .mcpsec/config.json}, then the command line or plugin parameters; a
 * rule a bundle locked is above all of them: weakening it is a configuration error naming the
 * bundle. Every decision is recorded as a {@link RuleOverride}. See docs/governance.md.
 */
final class Governance {
    static final String PROJECT = ".mcpsec/config.json";
    static final String COMMAND_LINE = "command line";

    private final Map<String, String> lockedBy = new LinkedHashMap<>();
    private final Map<String, Severity> floor = new LinkedHashMap<>();
    private final Map<String, Severity> severity = new LinkedHashMap<>();
    private final Map<String, RuleOverride> disabled = new LinkedHashMap<>();
    private final List<RuleOverride> overrides = new ArrayList<>();
    private final List<AppliedBundle> applied = new ArrayList<>();

    private Governance() {}

    static Governance decide(CompiledPolicies policies, ProjectConfig config, ScanRequest request) {
        Governance g = new Governance();
        for (Bundle b : policies.bundles()) {
            g.applied.add(new AppliedBundle(b.id(), b.version(), b.origin(), b.sha256()));
        }
        for (RuleInfo rule : policies.rules()) {
            g.decide(rule, policies.bundles(), config, request);
        }
        return g;
    }

    private void decide(
            RuleInfo rule, List<Bundle> bundles, ProjectConfig config, ScanRequest request) {
        Severity current = rule.severity();
        String lock = null;
        for (Bundle b : bundles) {
            BundlePolicy p = b.policy();
            String source = "bundle " + b.label();
            String via = matching(rule, p.locked());
            if (via != null && lock == null) {
                lock = b.label() + " (" + b.origin() + ")";
            }
            via = matching(rule, p.disable().keySet());
            if (via != null) {
                if (lock != null) {
                    throw locked(rule, lock, source + " cannot disable it");
                }
                disable(rule, via, source, p.disable().get(via));
            }
            via = matching(rule, p.severity().keySet());
            if (via != null) {
                BundlePolicy.Rerate r = p.severity().get(via);
                if (lock != null && !r.severity().atLeast(current)) {
                    throw locked(rule, lock, source + " cannot re-rate it below " + current.id());
                }
                current = rerate(rule, via, current, r.severity(), source, r.reason());
            }
        }
        if (lock != null) {
            lockedBy.put(rule.id(), lock);
            floor.put(rule.id(), current);
        }
        String via = matching(rule, config.disable().keySet());
        if (via != null) {
            if (lock != null) {
                throw new ConfigurationException(
                        "config",
                        message(
                                rule,
                                lock,
                                PROJECT + " cannot disable it (\"disable\": " + via + ")"));
            }
            disable(rule, via, PROJECT, config.disable().get(via));
        }
        via = matching(rule, config.severity().keySet());
        if (via != null) {
            current =
                    userRerate(
                            rule,
                            via,
                            current,
                            config.severity().get(via),
                            PROJECT,
                            config.severityReasons().get(via),
                            lock);
        }
        via = matching(rule, request.excludeRules());
        if (via != null) {
            if (lock != null) {
                throw new ConfigurationException(
                        "excludeRules",
                        message(
                                rule,
                                lock,
                                "the command line or plugin "
                                        + "parameters cannot exclude it ("
                                        + via
                                        + ")"));
            }
            disable(
                    rule,
                    via,
                    COMMAND_LINE,
                    "excluded on the command line or in the plugin parameters");
        }
        if (!request.includeRules().isEmpty() && matching(rule, request.includeRules()) == null) {
            if (lock != null) {
                throw new ConfigurationException(
                        "includeRules",
                        message(
                                rule,
                                lock,
                                "an include list must name it " + "(it cannot be left out)"));
            }
            disable(rule, rule.id(), COMMAND_LINE, "not among the included rules");
        }
        via = matching(rule, request.severityOverrides().keySet());
        if (via != null) {
            current =
                    userRerate(
                            rule,
                            via,
                            current,
                            request.severityOverrides().get(via),
                            COMMAND_LINE,
                            null,
                            lock);
        }
        if (current != rule.severity()) {
            severity.put(rule.id(), current);
        }
    }

    /**
     * Refuses suppressions and baseline entries that name a locked rule (by rule id or checklist
     * id); called before any is applied, so a locked rule cannot be silenced even while it has no
     * finding.
     */
    void checkExceptions(
            List<RuleInfo> rules, ProjectConfig config, dev.mcpsec.project.Baseline baseline) {
        for (RuleInfo rule : rules) {
            String lock = lockedBy.get(rule.id());
            if (lock == null) {
                continue;
            }
            int i = 0;
            for (ProjectConfig.Suppression s : config.suppress()) {
                if (s.rule() != null
                        && (s.rule().equals(rule.id()) || s.rule().equals(rule.checklist()))) {
                    throw new ConfigurationException(
                            "config",
                            message(
                                    rule,
                                    lock,
                                    PROJECT
                                            + " cannot suppress it "
                                            + "(suppress["
                                            + i
                                            + "]: "
                                            + s.rule()
                                            + ")"));
                }
                i++;
            }
            for (dev.mcpsec.project.Baseline.Entry e : baseline.entries().values()) {
                if (rule.id().equals(e.ruleId())) {
                    throw new ConfigurationException(
                            "baseline",
                            message(
                                    rule,
                                    lock,
                                    "the baseline "
                                            + baseline.file()
                                            + " cannot accept its finding in "
                                            + e.file()
                                            + " (remove the entry "
                                            + e.fingerprint()
                                            + ")"));
                }
            }
        }
    }

    private Severity userRerate(
            RuleInfo rule,
            String via,
            Severity current,
            Severity to,
            String source,
            String reason,
            String lock) {
        if (lock != null && !to.atLeast(floor.get(rule.id()))) {
            throw new ConfigurationException(
                    PROJECT.equals(source) ? "config" : "severityOverrides",
                    message(
                            rule,
                            lock,
                            (PROJECT.equals(source)
                                            ? PROJECT
                                            : "the command line or plugin parameters")
                                    + " cannot re-rate it below "
                                    + floor.get(rule.id()).id()
                                    + " ("
                                    + via
                                    + ": "
                                    + to.id()
                                    + ")"));
        }
        return rerate(rule, via, current, to, source, reason);
    }

    private Severity rerate(
            RuleInfo rule, String via, Severity from, Severity to, String source, String reason) {
        if (from != to) {
            overrides.add(new RuleOverride("severity", rule.id(), via, from, to, source, reason));
        }
        return to;
    }

    private void disable(RuleInfo rule, String via, String source, String reason) {
        if (!disabled.containsKey(rule.id())) {
            RuleOverride o =
                    new RuleOverride("disable", rule.id(), via, null, null, source, reason);
            disabled.put(rule.id(), o);
            overrides.add(o);
        }
    }

    private static String matching(RuleInfo rule, Set<String> ids) {
        if (ids.contains(rule.id())) {
            return rule.id();
        }
        return rule.checklist() != null && ids.contains(rule.checklist()) ? rule.checklist() : null;
    }

    /** Two bundles disagree: the later one weakens what the earlier one locked. */
    private static ConfigurationException locked(RuleInfo rule, String lock, String what) {
        return new ConfigurationException("bundle", message(rule, lock, what));
    }

    private static String message(RuleInfo rule, String lock, String what) {
        return "rule " + rule.id() + " is locked by bundle " + lock + ": " + what;
    }

    boolean enabled(RuleInfo rule) {
        return !disabled.containsKey(rule.id());
    }

    /** The finding at the severity its rule was given. */
    Finding rate(Finding f) {
        Severity s = severity.get(f.ruleId());
        return s == null || s == f.severity() ? f : f.withSeverity(s);
    }

    /** The bundle (label and origin) that locked the rule, or null. */
    String lockedBy(String ruleId) {
        return lockedBy.get(ruleId);
    }

    /** Rule ids that are locked, with the bundle that locked each. */
    Map<String, String> locked() {
        return lockedBy;
    }

    List<RuleOverride> overrides() {
        return List.copyOf(overrides);
    }

    List<AppliedBundle> bundles() {
        return List.copyOf(applied);
    }
}
