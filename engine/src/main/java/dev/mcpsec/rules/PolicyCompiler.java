package dev.mcpsec.rules;

import dev.mcpsec.api.PolicyException;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.facts.PolicyData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.parser.ParserError;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles the DRL of a set of bundles with {@link KnowledgeBuilder}, validates rule metadata and
 * caches the result per JVM keyed by the SHA-256 of every loaded DRL and data list, so a Maven
 * reactor compiles once.
 *
 * <p>Why not the public {@code KieServices}/{@code KieFileSystem}/{@code KieBuilder} API: it builds
 * a whole KieModule (a {@code kmodule.xml} model, a release id, an in-memory jar) and compiles the
 * DRL again when a {@code KieContainer} creates the KieBase, which doubles the cold-start cost of
 * every scan; its messages also lose the per-resource error positions that {@link #describe} turns
 * into {@code file:line:column} with a caret. The internal classes used here ({@code
 * KnowledgeBuilderFactory}, {@code KnowledgeBaseFactory}, {@code RuleImpl} for a rule's source
 * file) stay in this class and {@link RuleRunner}; the public {@code KieServices} is used where it
 * serves (the KieBase configuration).
 */
public final class PolicyCompiler {
    private static final Map<String, CompiledPolicies> CACHE = new ConcurrentHashMap<>();

    private PolicyCompiler() {}

    /**
     * Compiles (or takes from the cache) the given bundles; throws {@link PolicyException} listing
     * every problem.
     */
    public static CompiledPolicies compile(List<Bundle> bundles) {
        String key = contentKey(bundles);
        CompiledPolicies cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        synchronized (PolicyCompiler.class) {
            return CACHE.computeIfAbsent(key, k -> doCompile(bundles));
        }
    }

    private static CompiledPolicies doCompile(List<Bundle> bundles) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Drools resolves fact classes through the context class loader: inside Maven that is not
        // ours.
        thread.setContextClassLoader(PolicyCompiler.class.getClassLoader());
        try {
            // MVEL as the default dialect: empty or simple consequences then need no Java compiler
            // run, which
            // keeps a cold scan fast; rules may still say dialect "java".
            KnowledgeBuilderConfiguration conf =
                    KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
            conf.setProperty("drools.dialect.default", "mvel");
            // Facts are immutable and consequences never modify them, so property reactivity buys
            // nothing; with it on
            // (Drools' default) MVEL logs "... causes class reactivity" warnings without the rule's
            // file:line.
            conf.setProperty("drools.propertySpecific", "ALLOWED");
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
            Map<String, Bundle> bundleBySource = new HashMap<>();
            Map<String, String> textBySource = new HashMap<>();
            for (Bundle bundle : bundles) {
                for (Bundle.DrlFile drl : bundle.policies()) {
                    Resource r =
                            ResourceFactory.newByteArrayResource(
                                    drl.content().getBytes(StandardCharsets.UTF_8));
                    r.setSourcePath(drl.path());
                    bundleBySource.put(drl.path(), bundle);
                    textBySource.put(drl.path(), drl.content());
                    builder.add(r, ResourceType.DRL);
                    if (builder.hasErrors()) {
                        break;
                    }
                }
                if (builder.hasErrors()) {
                    break;
                }
            }
            if (builder.hasErrors()) {
                List<String> problems = new ArrayList<>();
                for (KnowledgeBuilderError error : builder.getErrors()) {
                    problems.add(describe(error, textBySource));
                }
                throw new PolicyException(
                        "policy compilation failed", CompileHints.firstPerLine(problems));
            }
            // Constraint jitting is off: Drools 10.2's ASM jitter emits a call that does not link
            // for custom
            // operators (str[startsWith] ...), a NoSuchMethodError after the 20th evaluation. Scans
            // are short, so
            // interpreted MVEL constraints cost little.
            KieBaseConfiguration baseConf = KieServices.get().newKieBaseConfiguration();
            baseConf.setProperty("drools.jittingThreshold", "-1");
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(baseConf);
            kieBase.addPackages(builder.getKnowledgePackages());
            return index(kieBase, bundles, bundleBySource, textBySource);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static CompiledPolicies index(
            InternalKnowledgeBase kieBase,
            List<Bundle> bundles,
            Map<String, Bundle> bundleBySource,
            Map<String, String> textBySource) {
        List<String> problems = new ArrayList<>();
        Map<String, RuleInfo> byRule = new LinkedHashMap<>();
        Map<String, String> firstById = new HashMap<>();
        List<Rule> all = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            all.addAll(pkg.getRules());
        }
        all.sort(Comparator.comparing((Rule r) -> source(r)).thenComparing(Rule::getName));
        for (Rule rule : all) {
            String src = source(rule);
            Bundle bundle = bundleBySource.get(src);
            String where = src + ":" + ruleLine(textBySource.get(src), rule.getName());
            java.util.Set<String> bindings =
                    rule instanceof RuleImpl impl ? impl.getDeclarations().keySet() : null;
            RuleInfo info =
                    RuleMetadata.validate(
                            rule.getName(),
                            rule.getMetaData(),
                            bundle == null ? "unknown" : bundle.label(),
                            where,
                            problems,
                            bindings);
            if (info == null) {
                continue;
            }
            String previous = firstById.putIfAbsent(info.id(), where);
            if (previous != null) {
                problems.add(
                        where
                                + ": rule id "
                                + info.id()
                                + " is already used at "
                                + previous
                                + " (rule ids must be unique across all loaded bundles)");
                continue;
            }
            byRule.put(CompiledPolicies.key(rule.getPackageName(), rule.getName()), info);
        }
        if (!problems.isEmpty()) {
            throw new PolicyException("invalid rule metadata", problems);
        }
        List<PolicyData> data = new ArrayList<>();
        for (Bundle b : bundles) {
            b.data()
                    .forEach(
                            (name, lists) ->
                                    lists.forEach(
                                            (k, values) ->
                                                    values.forEach(
                                                            v ->
                                                                    data.add(
                                                                            new PolicyData(
                                                                                    b.id(), name, k,
                                                                                    v)))));
        }
        List<RuleInfo> rules =
                byRule.values().stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
        return new CompiledPolicies(
                kieBase, rules, Map.copyOf(byRule), List.copyOf(bundles), List.copyOf(data));
    }

    private static String source(Rule rule) {
        Resource r = rule instanceof RuleImpl impl ? impl.getResource() : null;
        return r == null || r.getSourcePath() == null ? "?" : r.getSourcePath();
    }

    private static int ruleLine(String text, String ruleName) {
        if (text == null) {
            return 0;
        }
        Matcher m =
                Pattern.compile("(?m)^\\s*rule\\s+\"?" + Pattern.quote(ruleName) + "\"?")
                        .matcher(text);
        if (!m.find()) {
            return 0;
        }
        return 1
                + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count()
                + (text.charAt(m.start()) == '\n' ? 1 : 0);
    }

    /** {@code file:line:column: message}, then the offending line, never a stack trace. */
    static String describe(KnowledgeBuilderError error, Map<String, String> textBySource) {
        String file =
                error.getResource() == null || error.getResource().getSourcePath() == null
                        ? "?"
                        : error.getResource().getSourcePath();
        int line = 0;
        int column = 0;
        if (error instanceof ParserError pe) {
            line = pe.getRow();
            column = pe.getCol() + 1;
        } else if (error.getLines() != null && error.getLines().length > 0) {
            line = error.getLines()[0];
        }
        String text = textBySource.get(file);
        String[] lines = text == null ? new String[0] : text.split("\n", -1);
        String message = error.getMessage() == null ? "error" : error.getMessage().strip();
        message = message.replaceAll("\\s*\\n\\s*", " ");
        CompileHints.Hint hint =
                error instanceof ParserError ? null : CompileHints.rewrite(message);
        if (hint != null) {
            message = hint.message();
            if (hint.word() != null && line > 0 && line <= lines.length) {
                int at =
                        lines[line - 1].indexOf(
                                hint.word().substring(hint.word().lastIndexOf('.') + 1));
                column = at >= 0 ? at + 1 : column;
            }
        }
        if (column == 0 && line > 0 && line <= lines.length) {
            // Builder errors (unknown fields, type errors) carry a line only: point at the line's
            // first token.
            String l = lines[line - 1];
            column = l.length() - l.stripLeading().length() + 1;
        }
        StringBuilder sb = new StringBuilder(file).append(':').append(Math.max(line, 0));
        if (column > 0) {
            sb.append(':').append(column);
        }
        sb.append(": ").append(message);
        if (line > 0 && line <= lines.length) {
            sb.append("\n    | ").append(lines[line - 1].stripTrailing());
            if (column > 0) {
                sb.append("\n    | ").append(" ".repeat(Math.max(0, column - 1))).append('^');
            }
        }
        return sb.toString();
    }

    private static String contentKey(List<Bundle> bundles) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Bundle b : bundles) {
                md.update((b.label() + "\u0000").getBytes(StandardCharsets.UTF_8));
                for (Bundle.DrlFile f : b.policies()) {
                    md.update(
                            (f.path() + "\u0000" + f.content() + "\u0000")
                                    .getBytes(StandardCharsets.UTF_8));
                }
                md.update(b.data().toString().getBytes(StandardCharsets.UTF_8));
                // bundle.json's rule decisions and the digest travel with the compiled result, so
                // they are key too
                md.update(
                        ("\u0000" + b.policy() + "\u0000" + b.sha256() + "\u0000" + b.origin())
                                .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
