package dev.mcpsec.rules;

import java.util.IdentityHashMap;
import java.util.Map;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The helper for rules that compute their message instead of using {@code @message}. In a
 * consequence: {@code dev.mcpsec.rules.Emit.message(kcontext, "computed text");} (import it or use
 * the full name). Never pass a secret value: use the {@code masked} fields of facts.
 */
// Why a thread-local and not a DRL global: Emit is the documented helper that org policies call by
// its full name;
// a global would have to be declared in every DRL file that uses it (and Drools rejects a session
// global that no
// package declares), so every existing org bundle would break. The map lives for one RuleRunner.run
// on one thread
// (a session fires on the caller's thread) and RuleRunner clears it in a finally block.
public final class Emit {
    private static final ThreadLocal<Map<Match, String>> MESSAGES =
            ThreadLocal.withInitial(IdentityHashMap::new);

    private Emit() {}

    /** Sets the message of the finding this match produces. */
    public static void message(RuleContext kcontext, String text) {
        MESSAGES.get().put(kcontext.getMatch(), text);
    }

    static String take(Match match) {
        return MESSAGES.get().remove(match);
    }

    static void clear() {
        MESSAGES.remove();
    }
}
