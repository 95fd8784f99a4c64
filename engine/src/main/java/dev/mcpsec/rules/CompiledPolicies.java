package dev.mcpsec.rules;

import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.facts.PolicyData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.kie.api.KieBase;

/**
 * The compiled rules of a set of bundles, cached per JVM by content hash.
 *
 * <p>The bundles and their data lists are known at once; the knowledge base may still be compiling
 * on a second thread ({@link PolicyCompiler#start}) while the scan collects facts. {@link
 * #kieBase}, {@link #rules}, {@link #byRule} and {@link #compiledBy} wait for it and throw what the
 * compilation threw, the same exception a compilation on the caller's thread would have thrown.
 */
public final class CompiledPolicies {
    /** What the compilation produced. */
    record Compiled(
            KieBase kieBase,
            List<RuleInfo> rules,
            Map<String, RuleInfo> byRule,
            Map<String, String> compiledBy) {}

    private final List<Bundle> bundles;
    private final List<PolicyData> data;
    private final CompletableFuture<Compiled> compiled;

    CompiledPolicies(
            List<Bundle> bundles, List<PolicyData> data, CompletableFuture<Compiled> compiled) {
        this.bundles = bundles;
        this.data = data;
        this.compiled = compiled;
    }

    private Compiled join() {
        try {
            return compiled.join();
        } catch (CompletionException e) {
            throw Failures.unchecked(e.getCause(), cause -> e);
        }
    }

    /** Waits for the compilation; throws what it threw (a {@code PolicyException} for bad DRL). */
    public void await() {
        join();
    }

    public KieBase kieBase() {
        return join().kieBase();
    }

    /** The rules' metadata, sorted by id. */
    public List<RuleInfo> rules() {
        return join().rules();
    }

    /** Drools rule key ({@code package.name}) → metadata. */
    public Map<String, RuleInfo> byRule() {
        return join().byRule();
    }

    /**
     * How each bundle's rules were compiled, by bundle label: {@code precompiled model}, or {@code
     * DRL} and why (no model matches its DRL, forced by {@code -Dmcpsec.rules.compile=drl}, ...).
     */
    public Map<String, String> compiledBy() {
        return join().compiledBy();
    }

    public List<Bundle> bundles() {
        return bundles;
    }

    /** The bundles' data lists as facts. */
    public List<PolicyData> data() {
        return data;
    }

    static String key(String pkg, String name) {
        return pkg + "." + name;
    }
}
