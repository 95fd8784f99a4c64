package dev.mcpsec.rules;

import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The helper for rules that compute their message instead of using {@code @message}. In a consequence:
 * {@code dev.mcpsec.rules.Emit.message(kcontext, "computed text");} (import it or use the full name).
 * Never pass a secret value: use the {@code masked} fields of facts.
 */
public final class Emit {
    private static final ThreadLocal<Map<Match, String>> MESSAGES = ThreadLocal.withInitial(IdentityHashMap::new);

    private Emit() {
    }

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
