package dev.mcpsec.rules;

import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.facts.PolicyData;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * The compiled rules of a set of bundles, cached per JVM by content hash.
 *
 * @param byRule Drools rule key ({@code package.name}) → metadata
 */
public record CompiledPolicies(
        KieBase kieBase,
        List<RuleInfo> rules,
        Map<String, RuleInfo> byRule,
        List<Bundle> bundles,
        List<PolicyData> data) {

    static String key(String pkg, String name) {
        return pkg + "." + name;
    }
}
