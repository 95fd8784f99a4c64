package dev.mcpsec.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.report.ReportFormat;
import dev.mcpsec.report.ReportOptions;
import dev.mcpsec.report.Reporters;
import dev.mcpsec.rules.Bundle;
import dev.mcpsec.rules.BundleLoader;
import dev.mcpsec.rules.BundleTestRunner;
import dev.mcpsec.rules.CompiledPolicies;
import dev.mcpsec.rules.Policies;
import dev.mcpsec.rules.PolicyCompiler;
import dev.mcpsec.rules.PrecompiledModel;
import dev.mcpsec.scan.ScanEngine;
import dev.mcpsec.secrets.FakeSecrets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No correctness trade for speed: the built-in rules from their precompiled executable model give,
 * in every report format, the same bytes as the same rules compiled from DRL at run time ({@code
 * -Dmcpsec.rules.compile=drl}, the diagnostic switch), on the examples, on every fixture case of
 * the built-in bundle and on a generated tree with git history. Only the scan's duration is set to
 * zero, and the report time stamp fixed, before rendering.
 */
class PrecompiledRulesEquivalenceTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant FINISHED = Instant.parse("2026-06-01T12:00:01Z");

    @TempDir Path tmp;

    /** Compiles {@code bundles} with the DRL path forced, as {@code -Dmcpsec.rules.compile=drl}. */
    private static synchronized CompiledPolicies drl(Supplier<CompiledPolicies> compile) {
        String before = System.getProperty(PrecompiledModel.FORCE_DRL_PROPERTY);
        System.setProperty(PrecompiledModel.FORCE_DRL_PROPERTY, "drl");
        try {
            return compile.get();
        } finally {
            if (before == null) {
                System.clearProperty(PrecompiledModel.FORCE_DRL_PROPERTY);
            } else {
                System.setProperty(PrecompiledModel.FORCE_DRL_PROPERTY, before);
            }
        }
    }

    private static ScanResult zeroDuration(ScanResult r) {
        return new ScanResult(
                r.toolVersion(),
                r.root(),
                r.files(),
                r.servers(),
                r.findings(),
                r.suppressed(),
                r.warnings(),
                r.rules(),
                0,
                r.bundles(),
                r.overrides(),
                r.credentials());
    }

    /** Every format of both results, byte for byte; returns the number of findings compared. */
    private static int assertSameReports(String what, ScanResult model, ScanResult drl)
            throws Exception {
        ReportOptions options =
                new ReportOptions(false, true, "test", ReportOptions.DEFAULT_FAIL_ON, FINISHED);
        for (ReportFormat format : ReportFormat.values()) {
            ByteArrayOutputStream a = new ByteArrayOutputStream();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            Reporters.get(format).write(zeroDuration(model), a, options);
            Reporters.get(format).write(zeroDuration(drl), b, options);
            assertThat(a.toString(StandardCharsets.UTF_8))
                    .as("%s, format %s", what, format.id())
                    .isEqualTo(b.toString(StandardCharsets.UTF_8));
        }
        return model.findings().size();
    }

    private static void assertPrecompiled(CompiledPolicies model, CompiledPolicies drl) {
        assertThat(model.compiledBy()).containsEntry("builtin@0.1.0", "precompiled model");
        assertThat(drl.compiledBy().get("builtin@0.1.0")).startsWith("DRL (forced by");
    }

    private int compareTree(Path root, ScanRequest request) throws Exception {
        CompiledPolicies model = Policies.load(request, root);
        CompiledPolicies drl = drl(() -> Policies.load(request, root));
        assertPrecompiled(model, drl);
        assertThat(model.rules()).isEqualTo(drl.rules());
        ScanEngine engine = new ScanEngine(CLOCK);
        return assertSameReports(
                root.toString(), engine.scan(request, model), engine.scan(request, drl));
    }

    @Test
    void examples_sameReportsInEveryFormat() throws Exception {
        int findings = 0;
        for (String example : List.of("leaky-demo", "clean-project", "org-bundle-consumer")) {
            Path root = Path.of("../examples", example).toAbsolutePath().normalize();
            Files.createDirectories(tmp.resolve("home"));
            ScanRequest request =
                    ScanRequest.builder(root)
                            .home(tmp.resolve("home"))
                            .fingerprintSalt("equivalence")
                            .build();
            findings += compareTree(root, request);
        }
        // the org bundle's DRL compiled at run time into the same knowledge base as the model
        Path consumer = Path.of("../examples/org-bundle-consumer").toAbsolutePath().normalize();
        ScanRequest withOrg =
                ScanRequest.builder(consumer)
                        .home(tmp.resolve("home"))
                        .fingerprintSalt("equivalence")
                        .bundles(
                                List.of(
                                        Path.of("../examples/org-bundle")
                                                .toAbsolutePath()
                                                .normalize()
                                                .toString()))
                        .build();
        CompiledPolicies mixed = Policies.load(withOrg, consumer);
        assertThat(mixed.compiledBy()).containsEntry("builtin@0.1.0", "precompiled model");
        assertThat(mixed.compiledBy().keySet()).anyMatch(k -> k.startsWith("acme"));
        assertThat(mixed.rules()).anyMatch(r -> r.id().startsWith("ACME-"));
        findings += compareTree(consumer, withOrg);
        assertThat(findings).isGreaterThan(20);
    }

    @Test
    void everyBuiltinFixtureCase_sameReportsInEveryFormat() {
        Bundle builtin =
                BundleLoader.fromClassLoader(getClass().getClassLoader()).stream()
                        .filter(b -> b.id().equals("builtin"))
                        .findFirst()
                        .orElseThrow();
        AtomicInteger cases = new AtomicInteger();
        AtomicInteger findings = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        BundleTestRunner runner =
                new BundleTestRunner(
                        (request, policies, clock) -> {
                            CompiledPolicies drl =
                                    drl(() -> PolicyCompiler.compile(policies.bundles()));
                            assertPrecompiled(policies, drl);
                            ScanEngine engine = new ScanEngine(clock);
                            ScanResult model = engine.scan(request, policies);
                            try {
                                findings.addAndGet(
                                        assertSameReports(
                                                "fixture case " + cases.incrementAndGet(),
                                                model,
                                                engine.scan(request, drl)));
                            } catch (Exception | AssertionError e) {
                                failures.add(e.getMessage());
                            }
                            return model;
                        },
                        CLOCK);
        BundleTestReport report =
                runner.run(
                        builtin,
                        ScanRequest.builder(tmp).home(tmp).fingerprintSalt("fixtures").build());
        assertThat(failures).isEmpty();
        assertThat(report.cases()).allMatch(BundleTestReport.CaseResult::passed);
        assertThat(cases.get()).isEqualTo(builtin.tests().size()).isGreaterThan(50);
        assertThat(findings.get()).isGreaterThan(100);
    }

    @Test
    void builtinRules_comeFromThePrecompiledModel_andAModifiedBuiltinDrlFallsBackToDrl()
            throws Exception {
        Path root = Path.of("../examples/leaky-demo").toAbsolutePath().normalize();
        Files.createDirectories(tmp.resolve("home"));
        ScanRequest request =
                ScanRequest.builder(root).home(tmp.resolve("home")).history(false).build();
        CompiledPolicies shipped = Policies.load(request, root);
        assertThat(shipped.compiledBy()).containsEntry("builtin@0.1.0", "precompiled model");
        ScanEngine engine = new ScanEngine(CLOCK);
        assertThat(engine.scan(request, shipped).findings())
                .filteredOn(f -> f.ruleId().equals("MCP-PIN-001"))
                .isNotEmpty()
                .allMatch(f -> f.severity().name().equals("LOW"));

        // the same bundle with one DRL file changed (same name, other text): no model matches
        Bundle builtin =
                shipped.bundles().stream()
                        .filter(b -> b.id().equals("builtin"))
                        .findFirst()
                        .orElseThrow();
        List<Bundle.DrlFile> drl = new ArrayList<>();
        for (Bundle.DrlFile f : builtin.policies()) {
            drl.add(
                    f.path().endsWith("/pinned-versions.drl")
                            ? new Bundle.DrlFile(
                                    f.path(),
                                    f.content()
                                            .replace(
                                                    "@id(\"MCP-PIN-001\") @severity(\"low\")",
                                                    "@id(\"MCP-PIN-001\") @severity(\"critical\")"))
                            : f);
        }
        assertThat(drl).isNotEqualTo(builtin.policies());
        Bundle modified =
                new Bundle(
                        builtin.id(),
                        builtin.version(),
                        builtin.description(),
                        builtin.origin(),
                        drl,
                        builtin.data(),
                        builtin.tests(),
                        builtin.policy(),
                        builtin.sha256());
        CompiledPolicies fallback = PolicyCompiler.compile(List.of(modified));
        assertThat(fallback.compiledBy().get("builtin@0.1.0"))
                .startsWith("DRL: no precompiled model matches its DRL");
        assertThat(engine.scan(request, fallback).findings())
                .filteredOn(f -> f.ruleId().equals("MCP-PIN-001"))
                .isNotEmpty()
                .allMatch(f -> f.severity().name().equals("CRITICAL"));
    }

    @Test
    void generatedTreeWithHistory_sameReportsInEveryFormat() throws Exception {
        Path root = tmp.resolve("tree");
        Random rnd = new Random(15);
        Files.createDirectories(tmp.resolve("home"));
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            PersonIdent who = new PersonIdent("t", "t@example.invalid");
            for (int i = 1; i <= 12; i++) {
                Path d = root.resolve("pkg-" + i);
                write(
                        d.resolve(".mcp.json"),
                        "{\"mcpServers\": {\n"
                                + "  \"stripe\": {\"command\": \"npx\", \"args\": [\"-y\","
                                + " \"@stripe/mcp@0.2.4\", \"--tools=all\", \"--api-key="
                                + FakeSecrets.generate(
                                        i % 2 == 0 ? "stripe-live" : "stripe-test", rnd)
                                + "\"]},\n"
                                + "  \"fs\": {\"command\": \"npx\", \"args\": [\"-y\","
                                + " \"@modelcontextprotocol/server-filesystem\", \"/\"]},\n"
                                + "  \"db\": {\"command\": \"npx\", \"args\": [\"-y\","
                                + " \"@modelcontextprotocol/server-postgres@0.6.2\", \""
                                + FakeSecrets.generate("postgres-url", rnd)
                                + "\"]}\n}}\n");
                write(
                        d.resolve(".cursor/mcp.json"),
                        "{\"mcpServers\": {\"gh\": {\"command\": \"docker\", \"args\": [\"run\","
                                + " \"-i\", \"--rm\", \"-e\", \"GITHUB_PERSONAL_ACCESS_TOKEN\","
                                + " \"ghcr.io/github/github-mcp-server\"], \"env\":"
                                + " {\"GITHUB_PERSONAL_ACCESS_TOKEN\": \""
                                + FakeSecrets.generate("github-classic", rnd)
                                + "\"}}}}\n");
                write(
                        d.resolve(".vscode/mcp.json"),
                        "{\n  // workspace servers\n  \"servers\": {\"slack\": {\"type\": \"stdio\","
                                + " \"command\": \"npx\", \"args\": [\"-y\","
                                + " \"@modelcontextprotocol/server-slack\"], \"env\":"
                                + " {\"SLACK_BOT_TOKEN\": \"${input:slack}\"}}},\n}\n");
                write(
                        d.resolve(".gemini/settings.json"),
                        "{\"mcpServers\": {\"metrics\": {\"httpUrl\": \"http://metrics-"
                                + i
                                + ".example.net/mcp\", \"trust\": true}}}\n");
                write(
                        d.resolve(".zed/settings.json"),
                        "{\"context_servers\": {\"notion\": {\"command\": \"npx\", \"args\":"
                                + " [\"-y\", \"@notionhq/notion-mcp-server\"], \"env\":"
                                + " {\"NOTION_TOKEN\": \""
                                + FakeSecrets.generate("notion", rnd)
                                + "\"}}}}\n");
                write(
                        d.resolve(".env"),
                        "OPENAI_API_KEY=" + FakeSecrets.generate("openai", rnd) + "\n");
                git.add().addFilepattern(".").call();
                git.commit().setMessage("pkg " + i).setAuthor(who).setCommitter(who).call();
            }
            // a key removed from the working tree stays in the history
            write(
                    root.resolve("pkg-1/.mcp.json"),
                    "{\"mcpServers\": {\"fs\": {\"command\": \"npx\", \"args\": [\"-y\","
                            + " \"@modelcontextprotocol/server-filesystem\", \"./docs\"]}}}\n");
            write(
                    root.resolve(".claude/settings.json"),
                    "{\"enableAllProjectMcpServers\": true}\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("remove key").setAuthor(who).setCommitter(who).call();
        }
        ScanRequest request =
                ScanRequest.builder(root).home(tmp.resolve("home")).fingerprintSalt("tree").build();
        assertThat(compareTree(root, request)).isGreaterThan(50);
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
