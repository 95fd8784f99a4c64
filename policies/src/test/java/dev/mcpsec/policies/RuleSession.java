package dev.mcpsec.policies;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/** Runs hand-built facts plus the bundle's data through the built-in rules and reports which rule ids fired. */
final class RuleSession {

    private RuleSession() {
    }

    /** Rule ids in firing order, one entry per match. */
    static List<String> fire(Object... facts) {
        List<String> fired = new ArrayList<>();
        KieSession session = BuiltinBundle.kieBase().newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add((String) event.getMatch().getRule().getMetaData().get("id"));
                }
            });
            BuiltinBundle.policyData().forEach(session::insert);
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return fired;
    }
}
