package dev.mcpsec.rules;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.RuleInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Runs compiled rules over a set of facts in one fresh KieSession and collects the findings they
 * produce.
 */
public final class RuleRunner {
    /** Bound on rule firings per scan, so a looping org rule cannot hang the scan. */
    static final int MAX_FIRINGS = 200_000;

    private RuleRunner() {}

    private static Object declaration(Match match, String name) {
        return match.getDeclarationIds().contains(name) ? match.getDeclarationValue(name) : null;
    }

    /**
     * Inserts the facts, fires every rule and returns the findings, one per distinct fingerprint.
     */
    public static List<Finding> run(CompiledPolicies policies, Collection<?> facts) {
        return run(policies, facts, rule -> true);
    }

    /** As {@link #run(CompiledPolicies, Collection)}, firing only the rules the filter accepts. */
    public static List<Finding> run(
            CompiledPolicies policies, Collection<?> facts, Predicate<RuleInfo> enabled) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleRunner.class.getClassLoader());
        Map<String, Finding> findings = new LinkedHashMap<>();
        KieSession session = policies.kieBase().newKieSession();
        try {
            session.addEventListener(
                    new DefaultAgendaEventListener() {
                        @Override
                        public void afterMatchFired(AfterMatchFiredEvent event) {
                            Match match = event.getMatch();
                            String key =
                                    CompiledPolicies.key(
                                            match.getRule().getPackageName(),
                                            match.getRule().getName());
                            RuleInfo rule = policies.byRule().get(key);
                            String computed = Emit.take(match);
                            if (rule == null) {
                                return;
                            }
                            String template =
                                    computed != null
                                            ? computed
                                            : RuleMetadata.str(
                                                    match.getRule().getMetaData(), "message");
                            Finding f =
                                    FindingFactory.create(
                                            rule,
                                            template,
                                            rule.remediation(),
                                            new ArrayList<>(match.getObjects()),
                                            binding -> declaration(match, binding));
                            findings.putIfAbsent(f.fingerprint(), f);
                        }
                    });
            AgendaFilter filter =
                    match -> {
                        RuleInfo info =
                                policies.byRule()
                                        .get(
                                                CompiledPolicies.key(
                                                        match.getRule().getPackageName(),
                                                        match.getRule().getName()));
                        return info != null && enabled.test(info);
                    };
            int fired;
            try {
                for (Object fact : facts) {
                    session.insert(fact);
                }
                for (Object fact : policies.data()) {
                    session.insert(fact);
                }
                fired = session.fireAllRules(filter, MAX_FIRINGS);
            } catch (dev.mcpsec.api.McpsecException e) {
                throw e;
            } catch (RuntimeException e) {
                throw RuntimeFailure.of(e, policies, facts);
            }
            if (fired >= MAX_FIRINGS) {
                throw new dev.mcpsec.api.PolicyException(
                        "rules fired "
                                + MAX_FIRINGS
                                + " times: a rule probably loops (modify/insert in a consequence)",
                        List.of());
            }
        } finally {
            session.dispose();
            Emit.clear();
            thread.setContextClassLoader(previous);
        }
        return new ArrayList<>(findings.values());
    }
}
