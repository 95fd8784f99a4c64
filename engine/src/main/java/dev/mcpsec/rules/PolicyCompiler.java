package dev.mcpsec.rules;

import dev.mcpsec.api.PolicyException;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.facts.PolicyData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.parser.ParserError;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.ConfigurationKey;
import org.kie.api.conf.OptionKey;
import org.kie.api.conf.OptionsConfiguration;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.KnowledgeBuilderOption;
import org.kie.internal.builder.conf.MultiValueKieBuilderOption;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.builder.conf.SingleValueKieBuilderOption;
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
        CompiledPolicies policies = start(bundles, false);
        policies.await();
        return policies;
    }

    /**
     * Starts compiling the given bundles on a second thread (or takes them from the cache) and
     * returns at once: the bundles and data lists are there, the knowledge base is joined on first
     * use, and a compilation error is thrown then, unchanged.
     */
    public static CompiledPolicies start(List<Bundle> bundles) {
        return start(bundles, true);
    }

    private static CompiledPolicies start(List<Bundle> bundles, boolean background) {
        boolean forceDrl = PrecompiledModel.forceDrl();
        String key = contentKey(bundles) + (forceDrl ? "/drl" : "");
        CompiledPolicies cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<CompiledPolicies.Compiled> result = new CompletableFuture<>();
        List<Bundle> copy = List.copyOf(bundles);
        CompiledPolicies mine = new CompiledPolicies(copy, data(copy), result);
        CompiledPolicies raced = CACHE.putIfAbsent(key, mine);
        if (raced != null) {
            return raced;
        }
        Runnable task =
                () -> {
                    try {
                        CompiledPolicies.Compiled c;
                        // one compilation at a time (a Maven build with -T may ask for several)
                        synchronized (PolicyCompiler.class) {
                            c = doCompile(copy, forceDrl);
                        }
                        result.complete(c);
                    } catch (Throwable t) {
                        // a failed compilation is not cached: the next scan reports it afresh
                        CACHE.remove(key, mine);
                        result.completeExceptionally(t);
                    }
                };
        if (background) {
            Thread thread = new Thread(task, "mcpsec-rules");
            thread.setDaemon(true);
            thread.start();
        } else {
            task.run();
        }
        return mine;
    }

    private static List<PolicyData> data(List<Bundle> bundles) {
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
        return List.copyOf(data);
    }

    private static final Pattern PACKAGE =
            Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?\\s*$");

    /** Whether {@code bundles} holds this very bundle (records compare by content, slowly). */
    private static boolean containsSame(List<Bundle> bundles, Bundle bundle) {
        for (Bundle b : bundles) {
            if (b == bundle) {
                return true;
            }
        }
        return false;
    }

    /** The package a DRL file declares, or the empty string. */
    static String packageOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1) : "";
    }

    private static CompiledPolicies.Compiled doCompile(List<Bundle> bundles, boolean forceDrl) {
        long t0 = System.nanoTime();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Drools resolves fact classes through the context class loader: inside Maven that is not
        // ours.
        ClassLoader loader = PolicyCompiler.class.getClassLoader();
        thread.setContextClassLoader(loader);
        try {
            // Built-in rules come precompiled (executable model, found by the fingerprint of their
            // DRL); every other bundle, and a bundle whose DRL no model matches, is compiled from
            // DRL into the same knowledge base.
            Map<String, String> compiledBy = new LinkedHashMap<>();
            List<org.drools.model.Model> models = new ArrayList<>();
            List<Bundle> precompiled = new ArrayList<>();
            for (Bundle bundle : bundles) {
                if (forceDrl) {
                    compiledBy.put(
                            bundle.label(),
                            "DRL (forced by -D" + PrecompiledModel.FORCE_DRL_PROPERTY + "=drl)");
                    continue;
                }
                PrecompiledModel.Lookup found = PrecompiledModel.find(bundle, loader);
                if (found.models() != null) {
                    models.addAll(found.models());
                    precompiled.add(bundle);
                    compiledBy.put(bundle.label(), "precompiled model");
                } else {
                    compiledBy.put(bundle.label(), "DRL: " + found.reason());
                }
            }
            if (!precompiled.isEmpty()) {
                // a DRL bundle adding rules to the package of a precompiled bundle would mix both
                // kinds of package: then everything is compiled from DRL, as without models
                Set<String> modelPackages = new HashSet<>();
                precompiled.forEach(
                        b -> b.policies().forEach(f -> modelPackages.add(packageOf(f.content()))));
                String clash = null;
                for (Bundle bundle : bundles) {
                    if (containsSame(precompiled, bundle)) {
                        continue;
                    }
                    for (Bundle.DrlFile f : bundle.policies()) {
                        if (clash == null && modelPackages.contains(packageOf(f.content()))) {
                            clash = f.path() + " adds rules to package " + packageOf(f.content());
                        }
                    }
                }
                if (clash != null) {
                    for (Bundle b : precompiled) {
                        compiledBy.put(b.label(), "DRL: " + clash);
                    }
                    precompiled.clear();
                    models.clear();
                }
            }
            long t1 = System.nanoTime();
            // drools.dialect.default=mvel: empty or simple consequences then need no Java compiler
            // run, which keeps a cold scan fast; rules may still say dialect "java".
            // drools.propertySpecific=ALLOWED: facts are immutable and consequences never modify
            // them, so property reactivity buys nothing; with it on (Drools' default) MVEL logs
            // "... causes class reactivity" warnings without the rule's file:line.
            KnowledgeBuilder builder = null;
            Map<String, Bundle> bundleBySource = new HashMap<>();
            Map<String, String> textBySource = new HashMap<>();
            Map<String, String> sourceByModelRule = new HashMap<>();
            Map<String, Map<String, Integer>> linesBySource = new HashMap<>();
            for (Bundle bundle : bundles) {
                boolean model = containsSame(precompiled, bundle);
                for (Bundle.DrlFile drl : bundle.policies()) {
                    bundleBySource.put(drl.path(), bundle);
                    textBySource.put(drl.path(), drl.content());
                    if (model) {
                        String pkg = packageOf(drl.content());
                        Map<String, Integer> lines = new HashMap<>();
                        for (Map.Entry<String, Integer> d : ruleDeclarations(drl.content())) {
                            sourceByModelRule.put(
                                    CompiledPolicies.key(pkg, d.getKey()), drl.path());
                            lines.putIfAbsent(d.getKey(), d.getValue());
                        }
                        linesBySource.put(drl.path(), lines);
                        continue;
                    }
                    if (builder == null) {
                        builder =
                                KnowledgeBuilderFactory.newKnowledgeBuilder(builderConfiguration());
                    }
                    Resource r =
                            ResourceFactory.newByteArrayResource(
                                    drl.content().getBytes(StandardCharsets.UTF_8));
                    r.setSourcePath(drl.path());
                    builder.add(r, ResourceType.DRL);
                    if (builder.hasErrors()) {
                        break;
                    }
                }
                if (builder != null && builder.hasErrors()) {
                    break;
                }
            }
            if (builder != null && builder.hasErrors()) {
                List<String> problems = new ArrayList<>();
                for (KnowledgeBuilderError error : builder.getErrors()) {
                    problems.add(describe(error, textBySource));
                }
                throw new PolicyException(
                        "policy compilation failed", CompileHints.firstPerLine(problems));
            }
            long t2 = System.nanoTime();
            // Constraint jitting is off: Drools 10.2's ASM jitter emits a call that does not link
            // for custom operators (str[startsWith] ...), a NoSuchMethodError after the 20th
            // evaluation. Scans are short, so interpreted MVEL constraints cost little.
            KieBaseConfiguration baseConf = KieServices.get().newKieBaseConfiguration();
            baseConf.setProperty("drools.jittingThreshold", "-1");
            InternalKnowledgeBase kieBase =
                    models.isEmpty()
                            ? KnowledgeBaseFactory.newKnowledgeBase(baseConf)
                            : KieBaseBuilder.createKieBaseFromModel(
                                    models, baseConf, MODEL_CONFIGURATION);
            if (!models.isEmpty()) {
                asDrlMetadata(kieBase);
            }
            if (builder != null) {
                kieBase.addPackages(builder.getKnowledgePackages());
            }
            long t3 = System.nanoTime();
            CompiledPolicies.Compiled indexed =
                    index(
                            kieBase,
                            bundles,
                            bundleBySource,
                            textBySource,
                            sourceByModelRule,
                            linesBySource);
            long t4 = System.nanoTime();
            compiledBy.put(
                    TIMING,
                    String.format(
                            Locale.ROOT,
                            "model load %d ms, DRL compile %d ms, knowledge base build %d ms,"
                                    + " rule metadata %d ms (thread %s)",
                            (t1 - t0) / 1_000_000,
                            (t2 - t1) / 1_000_000,
                            (t3 - t2) / 1_000_000,
                            (t4 - t3) / 1_000_000,
                            thread.getName()));
            return new CompiledPolicies.Compiled(
                    indexed.kieBase(),
                    indexed.rules(),
                    indexed.byRule(),
                    Collections.unmodifiableMap(compiledBy));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Metadata strings as the DRL compiler gives them. The executable model unescapes a metadata
     * string literal the Java way ({@code "C:\\\\Temp"} becomes {@code C:\\Temp}), while DRL
     * compilation keeps backslash escapes as written (it only unquotes {@code \\"}); the model's
     * values are written back so that both paths report the same text (checked byte for byte by the
     * e2e test PrecompiledRulesEquivalenceTest).
     */
    private static void asDrlMetadata(InternalKnowledgeBase kieBase) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (!(rule instanceof RuleImpl impl)) {
                    continue;
                }
                for (Map.Entry<String, Object> e : Map.copyOf(impl.getMetaData()).entrySet()) {
                    if (e.getValue() instanceof String v
                            && (v.indexOf('\\') >= 0
                                    || v.indexOf('\n') >= 0
                                    || v.indexOf('\r') >= 0
                                    || v.indexOf('\t') >= 0)) {
                        impl.addMetaAttribute(
                                e.getKey(),
                                v.replace("\\", "\\\\")
                                        .replace("\n", "\\n")
                                        .replace("\r", "\\r")
                                        .replace("\t", "\\t"));
                    }
                }
            }
        }
    }

    /**
     * The knowledge builder settings of both paths: for DRL compilation, and for turning the
     * precompiled model into packages, whose fact type declarations must agree with those of DRL
     * packages added to the same knowledge base (property reactivity above all).
     */
    private static KnowledgeBuilderConfiguration builderConfiguration() {
        KnowledgeBuilderConfiguration conf =
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        for (String[] setting : PrecompiledModel.BUILDER_SETTINGS) {
            conf.setProperty(setting[0], setting[1]);
        }
        return conf;
    }

    /**
     * What turning the precompiled model into packages reads of the knowledge builder settings: the
     * property reactivity of {@link PrecompiledModel#BUILDER_SETTINGS}, and nothing else (Drools'
     * {@code KiePackagesBuilder} asks for that one option). A full {@link
     * KnowledgeBuilderConfiguration} sets up every dialect, MVEL's type conversions included: about
     * 150 classes a scan without DRL bundles never uses (50 ms in a JVM without a start-up archive,
     * such as Maven's).
     */
    static final KnowledgeBuilderConfiguration MODEL_CONFIGURATION =
            new ModelBuilderSettings(reactivity());

    private static PropertySpecificOption reactivity() {
        for (String[] setting : PrecompiledModel.BUILDER_SETTINGS) {
            if (setting[0].equals(PropertySpecificOption.PROPERTY_NAME)) {
                return PropertySpecificOption.valueOf(setting[1].toUpperCase(Locale.ROOT));
            }
        }
        throw new IllegalStateException(
                "PrecompiledModel.BUILDER_SETTINGS has no " + PropertySpecificOption.PROPERTY_NAME);
    }

    /**
     * Builder settings that answer the property reactivity option and nothing else: any other
     * question throws, so that a Drools version that reads more of them fails the precompiled-model
     * tests instead of building with other settings.
     */
    private static final class ModelBuilderSettings implements KnowledgeBuilderConfiguration {
        private final PropertySpecificOption reactivity;

        ModelBuilderSettings(PropertySpecificOption reactivity) {
            this.reactivity = reactivity;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <C extends SingleValueKieBuilderOption> C getOption(OptionKey<C> key) {
            if (PropertySpecificOption.KEY.equals(key)) {
                return (C) reactivity;
            }
            throw unsupported("option " + key);
        }

        @Override
        public <C extends KnowledgeBuilderOption> void setOption(C option) {
            throw unsupported("setting " + option);
        }

        @Override
        public boolean setProperty(String name, String value) {
            throw unsupported("setting property " + name);
        }

        @Override
        public String getProperty(String name) {
            throw unsupported("property " + name);
        }

        @Override
        public void makeImmutable() {
            throw unsupported("makeImmutable");
        }

        @Override
        public ClassLoader getClassLoader() {
            throw unsupported("the class loader");
        }

        @Override
        public <
                        X extends
                                OptionsConfiguration<
                                                KnowledgeBuilderOption,
                                                SingleValueKieBuilderOption,
                                                MultiValueKieBuilderOption>>
                X as(ConfigurationKey<X> key) {
            throw unsupported("configuration " + key);
        }

        private static UnsupportedOperationException unsupported(String what) {
            return new UnsupportedOperationException(
                    "the precompiled model's builder settings hold property reactivity only;"
                            + " Drools asked for "
                            + what);
        }
    }

    /** The {@link CompiledPolicies#compiledBy} entry that holds the compile phases' wall times. */
    public static final String TIMING = "(timing)";

    private static CompiledPolicies.Compiled index(
            InternalKnowledgeBase kieBase,
            List<Bundle> bundles,
            Map<String, Bundle> bundleBySource,
            Map<String, String> textBySource,
            Map<String, String> sourceByModelRule,
            Map<String, Map<String, Integer>> linesBySource) {
        List<String> problems = new ArrayList<>();
        Map<String, RuleInfo> byRule = new LinkedHashMap<>();
        Map<String, String> firstById = new HashMap<>();
        List<Rule> all = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            all.addAll(pkg.getRules());
        }
        all.sort(
                Comparator.comparing((Rule r) -> source(r, sourceByModelRule))
                        .thenComparing(Rule::getName));
        for (Rule rule : all) {
            String src = source(rule, sourceByModelRule);
            Bundle bundle = bundleBySource.get(src);
            int line =
                    linesBySource
                            .computeIfAbsent(src, k -> ruleLines(textBySource.get(k)))
                            .getOrDefault(rule.getName(), 0);
            String where = src + ":" + line;
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
        List<RuleInfo> rules =
                byRule.values().stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
        return new CompiledPolicies.Compiled(kieBase, rules, Map.copyOf(byRule), Map.of());
    }

    /**
     * The DRL file a rule comes from: its resource when compiled from DRL, the file that declares
     * it when it comes from a precompiled model (which keeps no resource).
     */
    private static String source(Rule rule, Map<String, String> sourceByModelRule) {
        Resource r = rule instanceof RuleImpl impl ? impl.getResource() : null;
        if (r != null && r.getSourcePath() != null) {
            return r.getSourcePath();
        }
        return sourceByModelRule.getOrDefault(
                CompiledPolicies.key(rule.getPackageName(), rule.getName()), "?");
    }

    /**
     * The line of each rule declaration in a DRL text, by rule name (the first declaration of a
     * name).
     */
    static Map<String, Integer> ruleLines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        for (Map.Entry<String, Integer> d : ruleDeclarations(text)) {
            lines.putIfAbsent(d.getKey(), d.getValue());
        }
        return lines;
    }

    /**
     * Each rule declaration of a DRL text in order: its name and the line of its {@code rule}
     * keyword. A line whose first word is {@code rule} declares the name that follows, quoted with
     * {@code "} or {@code '}, or else up to the next white space. One pass with {@code indexOf}:
     * this runs on every start, before the rules can fire, and a regular expression over the
     * built-in rules' 100 KB cost several milliseconds there.
     */
    static List<Map.Entry<String, Integer>> ruleDeclarations(String text) {
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int line = 1;
        int pos = 0;
        while (pos < n) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = n;
            }
            int i = pos;
            while (i < eol && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (text.startsWith("rule", i)
                    && i + 4 < n
                    && Character.isWhitespace(text.charAt(i + 4))) {
                String name = declaredName(text, i + 4);
                if (name != null) {
                    out.add(Map.entry(name, line));
                }
            }
            pos = eol + 1;
            line++;
        }
        return out;
    }

    private static String declaredName(String text, int from) {
        int n = text.length();
        int j = from;
        while (j < n && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        if (j == n) {
            return null;
        }
        char c = text.charAt(j);
        if (c == '"' || c == '\'') {
            int close = text.indexOf(c, j + 1);
            if (close > j + 1) {
                return text.substring(j + 1, close);
            }
        }
        int k = j;
        while (k < n && !Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        return text.substring(j, k);
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

    /**
     * A bundle's rule decisions written out for the content key (a record's own {@code toString} is
     * linked through method handles the first time it runs, a cost every start would pay).
     */
    static String policyKey(BundlePolicy policy) {
        StringBuilder sb = new StringBuilder();
        policy.severity()
                .forEach(
                        (id, r) ->
                                sb.append("severity\u0000")
                                        .append(id)
                                        .append('\u0000')
                                        .append(r.severity())
                                        .append('\u0000')
                                        .append(r.reason())
                                        .append('\u0000'));
        policy.disable()
                .forEach(
                        (id, why) ->
                                sb.append("disable\u0000")
                                        .append(id)
                                        .append('\u0000')
                                        .append(why)
                                        .append('\u0000'));
        policy.locked().forEach(id -> sb.append("locked\u0000").append(id).append('\u0000'));
        return sb.toString();
    }

    /**
     * The last bundle list keyed and its key: the CLI's read-ahead keys the class-path bundles to
     * start their compilation, and the scan then asks for the same bundles (the very same objects,
     * which are immutable) again; hashing their 100 KB of DRL a second time, in code not yet
     * compiled, would cost that scan several milliseconds.
     */
    private static volatile KeyedBundles lastKeyed;

    private record KeyedBundles(Bundle[] bundles, String key) {
        boolean sameAs(List<Bundle> other) {
            if (other.size() != bundles.length) {
                return false;
            }
            for (int i = 0; i < bundles.length; i++) {
                if (bundles[i] != other.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static String contentKey(List<Bundle> bundles) {
        KeyedBundles last = lastKeyed;
        if (last != null && last.sameAs(bundles)) {
            return last.key();
        }
        String key = digestOf(bundles);
        lastKeyed = new KeyedBundles(bundles.toArray(Bundle[]::new), key);
        return key;
    }

    private static String digestOf(List<Bundle> bundles) {
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
                        ("\u0000"
                                        + policyKey(b.policy())
                                        + "\u0000"
                                        + b.sha256()
                                        + "\u0000"
                                        + b.origin())
                                .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
