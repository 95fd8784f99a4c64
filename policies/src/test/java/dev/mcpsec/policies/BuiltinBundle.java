package dev.mcpsec.policies;

import dev.mcpsec.api.PolicyException;
import dev.mcpsec.api.RuleInfo;
import dev.mcpsec.facts.PolicyData;
import dev.mcpsec.rules.BundleLoader;
import dev.mcpsec.rules.CompiledPolicies;
import dev.mcpsec.rules.PolicyCompiler;
import dev.mcpsec.rules.PrecompiledModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * Test access to the built-in bundle, loaded and compiled exactly as a scan does it (BundleLoader,
 * PolicyCompiler: the same dialect, jitting and class loader settings users get, and the model
 * precompiled from this DRL in process-classes), and its data as the engine loads it. The DRL
 * checks (compile errors, the raw metadata Drools records) compile the DRL itself, as {@code
 * -Dmcpsec.rules.compile=drl} does.
 */
final class BuiltinBundle {

    static final Path DIR = Path.of("src/main/resources/META-INF/mcpsec");

    static final List<String> CHECKLIST_IDS =
            List.of(
                    "production-keys",
                    "stripe-test-keys",
                    "committed-secrets",
                    "history-secrets",
                    "config-ignored",
                    "github-fine-grained",
                    "dev-database",
                    "filesystem-scope",
                    "stdio-transport",
                    "trusted-publishers",
                    "source-reviewed",
                    "key-reuse",
                    "key-rotation",
                    "client-auto-approve",
                    "least-privilege",
                    "pinned-versions",
                    "known-vulnerable",
                    "risky-launchers",
                    "unreadable-config",
                    "client-exec",
                    "hidden-instructions",
                    "secrets-sent-away");

    private BuiltinBundle() {}

    static List<Path> drlFiles() {
        return list(DIR.resolve("policies"), ".drl");
    }

    /** The bundle compiled by the engine's compiler (cached by content, as in a scan). */
    static CompiledPolicies compiled() {
        return PolicyCompiler.compile(List.of(BundleLoader.fromDirectory(DIR)));
    }

    /** The bundle's DRL compiled by the engine's compiler, ignoring the precompiled model. */
    static synchronized CompiledPolicies compiledFromDrl() {
        String before = System.getProperty(PrecompiledModel.FORCE_DRL_PROPERTY);
        System.setProperty(PrecompiledModel.FORCE_DRL_PROPERTY, "drl");
        try {
            return compiled();
        } finally {
            if (before == null) {
                System.clearProperty(PrecompiledModel.FORCE_DRL_PROPERTY);
            } else {
                System.setProperty(PrecompiledModel.FORCE_DRL_PROPERTY, before);
            }
        }
    }

    /**
     * What the engine's compiler reports about the bundle's DRL; empty when it compiles and its
     * metadata is valid.
     */
    static List<String> compileErrors() {
        try {
            compiledFromDrl();
            return List.of();
        } catch (PolicyException e) {
            return e.problems();
        }
    }

    static KieBase kieBase() {
        return compiled().kieBase();
    }

    /**
     * The rules as Drools compiles them from the DRL (raw metadata, as DRL compilation keeps it).
     */
    static List<Rule> rules() {
        return compiledFromDrl().kieBase().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .sorted(Comparator.comparing(Rule::getName))
                .toList();
    }

    /** The rules the engine attributes to one DRL file (their source is {@code path:line}). */
    static List<RuleInfo> rulesIn(Path drl) {
        String name = drl.getFileName().toString();
        return compiled().rules().stream()
                .filter(
                        r ->
                                r.source() != null
                                        && r.source()
                                                .replaceFirst(":\\d+$", "")
                                                .endsWith("/" + name))
                .toList();
    }

    /** Every data/*.json list as PolicyData facts, loaded by the engine's bundle loader. */
    static List<PolicyData> policyData() {
        return compiled().data();
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
