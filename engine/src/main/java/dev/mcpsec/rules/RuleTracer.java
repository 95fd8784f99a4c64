package dev.mcpsec.rules;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.api.RuleTrace;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Answers "why did or didn't this rule fire?": runs the rule alone, then, for each pattern of its
 * {@code when} part, checks every condition that can be checked on its own as a one-condition probe
 * rule over the same facts. A condition that compares with another pattern's binding is a join:
 * only the whole rule decides it.
 */
public final class RuleTracer {
    static final int MAX_FACTS = 20;
    private static final Pattern VAR = Pattern.compile("\\$\\w+");
    private static final Pattern DECLARES = Pattern.compile("^(\\$\\w+)\\s*:\\s*([\\w.]+)");
    private static final Pattern PURE_BINDING = Pattern.compile("^\\$\\w+\\s*:\\s*[\\w.]+$");
    private static final Pattern IMPORT =
            Pattern.compile("(?m)^\\s*import\\s+(?!function\\b)([\\w.*]+)\\s*;?\\s*$");

    private RuleTracer() {}

    public static RuleTrace trace(
            CompiledPolicies policies,
            String id,
            boolean enabled,
            String server,
            List<Object> facts,
            Function<Object, String> describe) {
        RuleInfo rule =
                policies.rules().stream()
                        .filter(r -> r.id().equals(id))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new ConfigurationException(
                                                "trace",
                                                "no loaded rule has the id "
                                                        + id
                                                        + Suggest.hint(
                                                                        id,
                                                                        policies.rules().stream()
                                                                                .map(RuleInfo::id)
                                                                                .toList())
                                                                .replace('"', '\'')
                                                        + " (see 'mcpsec rules')"));
        String name = droolsName(policies, rule);
        String file = rule.source().substring(0, rule.source().lastIndexOf(':'));
        String drl =
                policies.bundles().stream()
                        .flatMap(b -> b.policies().stream())
                        .filter(f -> f.path().equals(file))
                        .map(Bundle.DrlFile::content)
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new ConfigurationException(
                                                "trace",
                                                "the source of "
                                                        + id
                                                        + " ("
                                                        + file
                                                        + ") is not loaded"));
        List<WhenParser.ParsedPattern> patterns;
        try {
            patterns = WhenParser.patterns(WhenParser.whenPart(drl, name));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("trace", rule.source() + ": " + e.getMessage());
        }
        List<Object> all = new ArrayList<>(facts);
        all.addAll(policies.data());
        List<Finding> findings =
                RuleRunner.run(policies, facts, r -> r == rule).stream()
                        .filter(f -> server == null || server.equals(f.server()))
                        .toList();

        Map<String, Probe> probes = new HashMap<>();
        StringBuilder probeDrl = new StringBuilder(probeHeader(drl));
        for (int i = 0; i < patterns.size(); i++) {
            WhenParser.ParsedPattern p = patterns.get(i);
            Set<String> local = new LinkedHashSet<>();
            List<String> declarations = new ArrayList<>();
            for (String c : p.conditions()) {
                Matcher d = DECLARES.matcher(c);
                if (d.find()) {
                    local.add(d.group(1));
                    declarations.add(d.group(1) + " : " + d.group(2));
                }
            }
            List<String> standalone = new ArrayList<>();
            for (int j = 0; j < p.conditions().size(); j++) {
                String c = p.conditions().get(j);
                if (PURE_BINDING.matcher(c).matches() || !isStandalone(c, local)) {
                    continue;
                }
                standalone.add(c);
                List<String> parts = new ArrayList<>();
                for (String d : declarations) {
                    if (!c.startsWith(d.substring(0, d.indexOf(' ')) + " ")
                            && !c.startsWith(d.substring(0, d.indexOf(' ')) + ":")) {
                        parts.add(d);
                    }
                }
                parts.add(c);
                probes.put("p_" + i + "_" + j, new Probe(i, j));
                probeDrl.append("rule \"p_")
                        .append(i)
                        .append('_')
                        .append(j)
                        .append("\" when $__f : ")
                        .append(p.type())
                        .append("( ")
                        .append(String.join(", ", parts))
                        .append(" ) then end\n");
            }
            probes.put("p_" + i + "_all", new Probe(i, -1));
            List<String> allParts =
                    new ArrayList<>(
                            declarations.stream()
                                    .filter(
                                            d ->
                                                    standalone.stream()
                                                            .noneMatch(
                                                                    c ->
                                                                            c.startsWith(
                                                                                    d.substring(
                                                                                            0,
                                                                                            d
                                                                                                    .indexOf(
                                                                                                            ' ')))))
                                    .toList());
            allParts.addAll(standalone);
            probeDrl.append("rule \"p_")
                    .append(i)
                    .append("_all\" when $__f : ")
                    .append(p.type())
                    .append("( ")
                    .append(String.join(", ", allParts))
                    .append(" ) then end\n");
        }
        Map<String, Set<Object>> matched = runProbes(probeDrl.toString(), all);

        // which facts each pattern shows: about the server, or (no server field) those meeting
        // every lone condition
        List<List<Object>> shownByPattern = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            WhenParser.ParsedPattern p = patterns.get(i);
            List<Object> ofType =
                    all.stream()
                            .filter(f -> f.getClass().getSimpleName().equals(p.type()))
                            .toList();
            Set<Object> meetsAll = matched.getOrDefault("p_" + i + "_all", Set.of());
            boolean hasServer =
                    !ofType.isEmpty()
                            && (component(ofType.get(0), "server") != null
                                    || "McpServer".equals(p.type()));
            List<Object> shown = new ArrayList<>();
            for (Object f : ofType) {
                boolean relevant =
                        hasServer
                                ? server == null
                                        || server.equals(
                                                String.valueOf(
                                                        component(
                                                                        f,
                                                                        "McpServer".equals(p.type())
                                                                                ? "name"
                                                                                : "server")
                                                                .value))
                                : meetsAll.contains(f);
                if (relevant) {
                    shown.add(f);
                }
            }
            shownByPattern.add(shown);
        }
        // with one server, a pattern that shows exactly one fact fixes its bindings: joins of later
        // patterns can then
        // be checked alone with those values in place
        Map<String, String> literals = new HashMap<>();
        Map<String, Object> bound = new HashMap<>();
        StringBuilder joinDrl = new StringBuilder(probeHeader(drl));
        Map<String, String> joinText = new HashMap<>();
        for (int i = 0; i < patterns.size(); i++) {
            WhenParser.ParsedPattern p = patterns.get(i);
            for (int j = 0; j < p.conditions().size(); j++) {
                String c = p.conditions().get(j);
                if (PURE_BINDING.matcher(c).matches() || probes.containsKey("p_" + i + "_" + j)) {
                    continue;
                }
                String substituted =
                        substitute(c.replaceFirst("^\\$\\w+\\s*:\\s*", ""), literals, bound);
                if (server != null && substituted != null) {
                    joinText.put("j_" + i + "_" + j, substituted);
                    joinDrl.append("rule \"j_")
                            .append(i)
                            .append('_')
                            .append(j)
                            .append("\" when $__f : ")
                            .append(p.type())
                            .append("( ")
                            .append(substituted)
                            .append(" ) then end\n");
                }
            }
            List<Object> shown = shownByPattern.get(i);
            if (server != null && "match".equals(p.mode()) && shown.size() == 1) {
                Object fact = shown.get(0);
                if (p.binding() != null) {
                    bound.put(p.binding(), fact);
                }
                for (String c : p.conditions()) {
                    Matcher d = DECLARES.matcher(c);
                    if (d.find() && d.group(2).matches("\\w+")) {
                        Component v = component(fact, d.group(2));
                        String literal = v == null ? null : literal(v.value);
                        if (literal != null) {
                            literals.put(d.group(1), literal);
                        }
                    }
                }
            }
        }
        Map<String, Set<Object>> joins =
                joinText.isEmpty() ? Map.of() : runProbes(joinDrl.toString(), all);

        List<RuleTrace.PatternTrace> out = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            WhenParser.ParsedPattern p = patterns.get(i);
            int count =
                    (int)
                            all.stream()
                                    .filter(f -> f.getClass().getSimpleName().equals(p.type()))
                                    .count();
            List<Object> shown = shownByPattern.get(i);
            int omitted = Math.max(0, shown.size() - MAX_FACTS);
            List<RuleTrace.FactTrace> traced = new ArrayList<>();
            for (Object f : shown) {
                List<RuleTrace.Condition> conditions = new ArrayList<>();
                for (int j = 0; j < p.conditions().size(); j++) {
                    String c = p.conditions().get(j);
                    String outcome;
                    if (PURE_BINDING.matcher(c).matches()) {
                        outcome = "binds";
                    } else if (joins.containsKey("j_" + i + "_" + j)) {
                        outcome = joins.get("j_" + i + "_" + j).contains(f) ? "held" : "failed";
                    } else if (!probes.containsKey("p_" + i + "_" + j)) {
                        outcome = "join";
                    } else if (!matched.containsKey("p_" + i + "_" + j)) {
                        outcome = "not checked alone";
                    } else {
                        outcome = matched.get("p_" + i + "_" + j).contains(f) ? "held" : "failed";
                    }
                    conditions.add(new RuleTrace.Condition(c, outcome));
                }
                traced.add(new RuleTrace.FactTrace(describe.apply(f), conditions));
            }
            // the facts closest to matching first: for a "not" pattern those are the ones that stop
            // the rule
            traced.sort(
                    java.util.Comparator.comparingLong(
                            t ->
                                    t.conditions().stream()
                                            .filter(c -> "failed".equals(c.outcome()))
                                            .count()));
            traced = new ArrayList<>(traced.subList(0, Math.min(MAX_FACTS, traced.size())));
            out.add(
                    new RuleTrace.PatternTrace(
                            p.text(), p.type(), p.mode(), count, traced, omitted));
        }
        return new RuleTrace(id, rule.source(), server, enabled, findings, out);
    }

    private static String probeHeader(String drl) {
        StringBuilder sb = new StringBuilder("package mcpsec.trace;\nimport dev.mcpsec.facts.*;\n");
        Matcher imports = IMPORT.matcher(drl);
        while (imports.find()) {
            sb.append("import ").append(imports.group(1)).append(";\n");
        }
        return sb.toString();
    }

    private static final Pattern BOUND_FIELD = Pattern.compile("(\\$\\w+)(?:\\.(\\w+))?");

    /**
     * The condition with every {@code $var} and {@code $fact.field} replaced by a literal, or null
     * if one is unknown.
     */
    static String substitute(
            String condition, Map<String, String> literals, Map<String, Object> bound) {
        Matcher m = BOUND_FIELD.matcher(condition);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(2) != null && bound.containsKey(m.group(1))) {
                Component v = component(bound.get(m.group(1)), m.group(2));
                replacement = v == null ? null : literal(v.value);
            } else if (m.group(2) == null) {
                replacement = literals.get(m.group(1));
            } else {
                replacement =
                        literals.containsKey(m.group(1))
                                ? literals.get(m.group(1)) + "." + m.group(2)
                                : null;
            }
            if (replacement == null) {
                return null;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A DRL literal for a scalar value, or null for anything else (lists, records). */
    static String literal(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return null;
    }

    private static boolean isStandalone(String condition, Set<String> local) {
        String body = condition.replaceFirst("^\\$\\w+\\s*:\\s*", "");
        Matcher v = VAR.matcher(body);
        while (v.find()) {
            if (!local.contains(v.group())) {
                return false;
            }
        }
        return true;
    }

    private record Probe(int pattern, int condition) {}

    private record Component(Object value) {}

    private static Component component(Object fact, String name) {
        if (!(fact instanceof Record r)) {
            return null;
        }
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return new Component(c.getAccessor().invoke(r));
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String droolsName(CompiledPolicies policies, RuleInfo rule) {
        for (KiePackage pkg : policies.kieBase().getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                if (policies.byRule().get(CompiledPolicies.key(r.getPackageName(), r.getName()))
                        == rule) {
                    return r.getName();
                }
            }
        }
        throw new IllegalStateException("rule " + rule.id() + " is not in the compiled rules");
    }

    /**
     * Compiles the probes in one go (each alone when one does not compile, so the others still
     * answer) and returns, per probe rule name, the facts it matched. A probe that does not compile
     * is absent from the map.
     */
    private static Map<String, Set<Object>> runProbes(String drl, List<Object> facts) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleTracer.class.getClassLoader());
        try {
            KnowledgeBuilder builder = builder(drl);
            if (builder.hasErrors()) {
                return runEachAlone(drl, facts);
            }
            return run(builder, facts);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Map<String, Set<Object>> runEachAlone(String drl, List<Object> facts) {
        int first = drl.indexOf("rule \"");
        String header = drl.substring(0, first);
        Map<String, Set<Object>> out = new HashMap<>();
        for (String rule : drl.substring(first).split("\n")) {
            if (rule.isBlank()) {
                continue;
            }
            KnowledgeBuilder b = builder(header + rule + "\n");
            if (!b.hasErrors()) {
                out.putAll(run(b, facts));
            }
        }
        return out;
    }

    private static KnowledgeBuilder builder(String drl) {
        KnowledgeBuilderConfiguration conf =
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        conf.setProperty("drools.dialect.default", "mvel");
        // Facts are immutable and consequences never modify them, so property reactivity buys
        // nothing; with it on
        // (Drools' default) MVEL logs "... causes class reactivity" warnings without the rule's
        // file:line.
        conf.setProperty("drools.propertySpecific", "ALLOWED");
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        builder.add(
                ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)),
                ResourceType.DRL);
        return builder;
    }

    private static Map<String, Set<Object>> run(KnowledgeBuilder builder, List<Object> facts) {
        KieBaseConfiguration baseConf = KieServices.get().newKieBaseConfiguration();
        baseConf.setProperty("drools.jittingThreshold", "-1");
        org.drools.kiesession.rulebase.InternalKnowledgeBase kieBase =
                org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase(baseConf);
        kieBase.addPackages(builder.getKnowledgePackages());
        Map<String, Set<Object>> matched = new HashMap<>();
        for (KiePackage pkg : ((KieBase) kieBase).getKiePackages()) {
            pkg.getRules()
                    .forEach(
                            r ->
                                    matched.put(
                                            r.getName(),
                                            Collections.newSetFromMap(new IdentityHashMap<>())));
        }
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(
                    new DefaultAgendaEventListener() {
                        @Override
                        public void afterMatchFired(AfterMatchFiredEvent event) {
                            Object fact = event.getMatch().getDeclarationValue("$__f");
                            matched.computeIfAbsent(
                                            event.getMatch().getRule().getName(),
                                            k -> Collections.newSetFromMap(new IdentityHashMap<>()))
                                    .add(Objects.requireNonNull(fact));
                        }
                    });
            for (Object f : facts) {
                session.insert(f);
            }
            session.fireAllRules(RuleRunner.MAX_FIRINGS);
        } catch (RuntimeException e) {
            // a probe that throws (the same bad data value that stops the rule) answers nothing;
            // the rule's own error
            // is reported by the scan
            matched.clear();
        } finally {
            session.dispose();
        }
        return matched;
    }
}
