package dev.mcpsec.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.PolicyException;
import dev.mcpsec.facts.McpServer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.PropertySpecificOption;

/**
 * The executable model of a bundle is generated at build time, found by the fingerprint of its DRL
 * and used only when that DRL is exactly the one loaded: a changed DRL (same file name, other text)
 * finds no model and is compiled from DRL, with the changed behaviour.
 */
class PrecompiledModelTest {
    private static final String HEADER = "package pm;\nimport dev.mcpsec.facts.*;\n";
    private static final String RULE =
            "rule \"PM-1 npx server\"\n"
                    + "  @id(\"PM-1\") @severity(\"%s\") @checklist(\"pinned-versions\")"
                    + " @title(\"npx\")\n"
                    + "  @message(\"{name} runs through npx\")\n"
                    + "when\n  $s : McpServer( launcher == \"npx\" )\nthen\nend\n";

    @TempDir Path tmp;

    private static Bundle bundle(String severity) {
        return new Bundle(
                "pm",
                "1.0",
                null,
                "test",
                List.of(
                        new Bundle.DrlFile(
                                "pm/META-INF/mcpsec/policies/rules.drl",
                                HEADER + String.format(RULE, severity))),
                Map.of(),
                Map.of());
    }

    private static McpServer server() {
        return new McpServer(
                "fs",
                ".mcp.json",
                3,
                5,
                "claude-code",
                "project",
                "stdio",
                "npx",
                List.of("-y", "pkg"),
                null,
                null,
                "npx",
                "npm",
                "pkg",
                null,
                null,
                false);
    }

    @Test
    void fingerprint_coversTheDrlText_notWhereItWasLoadedFrom() {
        Bundle high = bundle("high");
        Bundle moved =
                new Bundle(
                        "pm",
                        "1.0",
                        null,
                        "elsewhere",
                        List.of(
                                new Bundle.DrlFile(
                                        "other.jar!/META-INF/mcpsec/policies/rules.drl",
                                        high.policies().get(0).content())),
                        Map.of(),
                        Map.of());
        assertThat(PrecompiledModel.fingerprint(moved.policies()))
                .isEqualTo(PrecompiledModel.fingerprint(high.policies()))
                .isNotEqualTo(PrecompiledModel.fingerprint(bundle("low").policies()));
    }

    @Test
    void generatedModel_isUsedForItsDrl_andAChangedDrlFallsBackToDrlWithTheChangedBehaviour()
            throws Exception {
        Path classes = tmp.resolve("classes");
        ModelGenerator.Result generated = ModelGenerator.generate(bundle("high"), classes);
        assertThat(generated.classes()).isGreaterThan(0);
        assertThat(
                        classes.resolve(
                                PrecompiledModel.INDEX_DIR
                                        + generated.fingerprint()
                                        + ".properties"))
                .isRegularFile();
        try (URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            PrecompiledModel.Lookup same = PrecompiledModel.find(bundle("high"), loader);
            assertThat(same.models()).hasSize(1);
            assertThat(same.reason()).isNull();

            PrecompiledModel.Lookup changed = PrecompiledModel.find(bundle("low"), loader);
            assertThat(changed.models()).isNull();
            assertThat(changed.reason()).contains("no precompiled model matches its DRL");
        }
        // no model for this DRL on the engine's class path: compiled from DRL, and the changed
        // severity is what the rule reports
        CompiledPolicies low = PolicyCompiler.compile(List.of(bundle("low")));
        assertThat(low.compiledBy().get("pm@1.0")).startsWith("DRL: no precompiled model");
        List<Finding> findings = RuleRunner.run(low, List.of(server()));
        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.severity().name()).isEqualTo("LOW"));
    }

    @Test
    void modelBuilderSettings_answerPropertyReactivityAsTheDrlPathSetsIt_andNothingElse() {
        KnowledgeBuilderConfiguration drlPath =
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        for (String[] setting : PrecompiledModel.BUILDER_SETTINGS) {
            drlPath.setProperty(setting[0], setting[1]);
        }
        assertThat(PolicyCompiler.MODEL_CONFIGURATION.getOption(PropertySpecificOption.KEY))
                .isEqualTo(drlPath.getOption(PropertySpecificOption.KEY))
                .isEqualTo(PropertySpecificOption.ALLOWED);
        // any other question fails loudly rather than building with defaults
        assertThatThrownBy(
                        () ->
                                PolicyCompiler.MODEL_CONFIGURATION.getProperty(
                                        "drools.dialect.default"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("property reactivity only");
    }

    @Test
    void aModelLoadedAhead_servesOnlyTheDrlItWasMadeFrom_once() throws Exception {
        Path classes = tmp.resolve("ahead");
        ModelGenerator.Result generated = ModelGenerator.generate(bundle("high"), classes);
        assertThat(classes.resolve(PrecompiledModel.CURRENT_INDEX))
                .hasSameTextualContentAs(
                        classes.resolve(
                                PrecompiledModel.INDEX_DIR
                                        + generated.fingerprint()
                                        + ".properties"));
        try (URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            PrecompiledModel.loadAhead(loader);
            assertThat(PrecompiledModel.aheadWaiting(loader)).isTrue();

            // a changed DRL (same file name) never gets the model loaded ahead, nor does another
            // class loader
            PrecompiledModel.Lookup changed = PrecompiledModel.find(bundle("low"), loader);
            assertThat(changed.models()).isNull();
            assertThat(changed.reason()).contains("no precompiled model matches its DRL");
            assertThat(PrecompiledModel.aheadWaiting(loader)).isTrue();

            // the DRL it was made from takes it, once
            PrecompiledModel.Lookup same = PrecompiledModel.find(bundle("high"), loader);
            assertThat(same.models()).singleElement().isInstanceOf(org.drools.model.Model.class);
            assertThat(PrecompiledModel.aheadWaiting(loader)).isFalse();
            assertThat(PrecompiledModel.find(bundle("high"), loader).models()).hasSize(1);
        }
    }

    @Test
    void aStaleIndexNamingAnotherFingerprint_isNotUsed() throws Exception {
        Path classes = tmp.resolve("stale");
        ModelGenerator.Result generated = ModelGenerator.generate(bundle("high"), classes);
        String lowFingerprint = PrecompiledModel.fingerprint(bundle("low").policies());
        // an index filed under the changed DRL's fingerprint but recording the old one
        Files.copy(
                classes.resolve(
                        PrecompiledModel.INDEX_DIR + generated.fingerprint() + ".properties"),
                classes.resolve(PrecompiledModel.INDEX_DIR + lowFingerprint + ".properties"));
        try (URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            PrecompiledModel.Lookup lookup = PrecompiledModel.find(bundle("low"), loader);
            assertThat(lookup.models()).isNull();
            assertThat(lookup.reason()).contains("records another fingerprint");
        }
    }

    @Test
    void concurrentScansOfOneBundleSet_shareOneCompilation_asTheModulesOfAParallelReactorDo()
            throws Exception {
        Bundle shared = bundle("medium");
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<CompiledPolicies>> futures =
                    new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean background = i0(i);
                futures.add(
                        pool.submit(
                                () ->
                                        background
                                                ? PolicyCompiler.start(List.of(shared))
                                                : PolicyCompiler.compile(List.of(shared))));
            }
            CompiledPolicies first = futures.get(0).get();
            for (java.util.concurrent.Future<CompiledPolicies> f : futures) {
                assertThat(f.get()).isSameAs(first);
            }
            assertThat(first.rules()).extracting(r -> r.id()).containsExactly("PM-1");
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean i0(int i) {
        return i % 2 == 0;
    }

    @Test
    void drlErrorsOfOtherBundles_stillPointAtFileAndLine_whenCompiledOnTheSecondThread() {
        Bundle bad =
                new Bundle(
                        "bad",
                        "1.0",
                        null,
                        "test",
                        List.of(
                                new Bundle.DrlFile(
                                        "bad/rules.drl",
                                        HEADER
                                                + "rule \"B\" @id(\"B-1\") @severity(\"low\")"
                                                + " @checklist(\"x\") @title(\"t\") @message(\"m\")\n"
                                                + "when\n  $s : McpServer( nosuchfield == 1 )\n"
                                                + "then\nend\n")),
                        Map.of(),
                        Map.of());
        CompiledPolicies started = PolicyCompiler.start(List.of(bad));
        assertThat(started.bundles()).containsExactly(bad);
        assertThatThrownBy(started::rules)
                .isInstanceOf(PolicyException.class)
                .satisfies(
                        e ->
                                assertThat(((PolicyException) e).problems())
                                        .anyMatch(p -> p.startsWith("bad/rules.drl:5:")));
        // the same error again, synchronously: a failed compilation is not cached as a success
        assertThatThrownBy(() -> PolicyCompiler.compile(List.of(bad)))
                .isInstanceOf(PolicyException.class);
    }
}
