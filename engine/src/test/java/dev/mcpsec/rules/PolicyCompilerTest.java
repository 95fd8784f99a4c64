package dev.mcpsec.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.PolicyException;
import dev.mcpsec.api.Severity;
import dev.mcpsec.facts.FilesystemRoot;
import dev.mcpsec.facts.McpServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyCompilerTest {

    private static Bundle bundle(String id, String drl) {
        return new Bundle(
                id,
                "1.0",
                null,
                "test",
                List.of(new Bundle.DrlFile(id + "/rules.drl", drl)),
                Map.of("known", Map.of("npm", List.of("@good/"))),
                Map.of());
    }

    private static final String HEADER = "package t;\nimport dev.mcpsec.facts.*;\n";

    private static McpServer server(String name, String pkg) {
        return new McpServer(
                name,
                ".mcp.json",
                3,
                5,
                "claude-code",
                "project",
                "stdio",
                "npx",
                List.of("-y", pkg),
                null,
                null,
                "npx",
                "npm",
                pkg,
                null,
                null,
                false);
    }

    @Test
    void emptyConsequence_producesFindingFromMetadata_atTheLastMatchedFact() {
        CompiledPolicies p =
                PolicyCompiler.compile(
                        List.of(
                                bundle(
                                        "a",
                                        HEADER
                                                + "rule \"R1\" @id(\"T-1\") @severity(\"high\") @checklist(\"filesystem-scope\") @title(\"Broad\")\n"
                                                + "  @message(\"{name} reaches {path}\") @remediation(\"narrow {path}\")\n"
                                                + "when\n  $s : McpServer()\n  $r : FilesystemRoot(server == $s.name, file == $s.file)\nthen\nend\n")));
        FilesystemRoot root = new FilesystemRoot(".mcp.json", 7, 12, "fs", "/", "/", "root");
        List<Finding> findings = RuleRunner.run(p, List.of(server("fs", "x"), root));
        assertThat(findings)
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.ruleId()).isEqualTo("T-1");
                            assertThat(f.severity()).isEqualTo(Severity.HIGH);
                            assertThat(f.line()).isEqualTo(7);
                            assertThat(f.column()).isEqualTo(12);
                            assertThat(f.server()).isEqualTo("fs");
                            assertThat(f.client()).isEqualTo("claude-code");
                            assertThat(f.message()).isEqualTo("fs reaches /");
                            assertThat(f.remediation()).isEqualTo("narrow /");
                            assertThat(f.bundle()).isEqualTo("a@1.0");
                            assertThat(f.fingerprint()).hasSize(32);
                        });
    }

    @Test
    void policyData_isInsertedAndUsableInRules() {
        CompiledPolicies p =
                PolicyCompiler.compile(
                        List.of(
                                bundle(
                                        "b",
                                        HEADER
                                                + "rule \"R2\" @id(\"T-2\") @severity(\"medium\") @checklist(\"trusted-publishers\") @title(\"Unknown\")\n"
                                                + "  @message(\"{packageName} unknown\")\n"
                                                + "when\n  $s : McpServer($p : packageName != null)\n"
                                                + "  not PolicyData(name == \"known\", key == \"npm\", $p.startsWith(value))\nthen\nend\n")));
        List<Finding> findings =
                RuleRunner.run(p, List.of(server("a", "@good/x"), server("b", "evil-pkg")));
        assertThat(findings).extracting(Finding::server).containsExactly("b");
        assertThat(findings.get(0).message()).isEqualTo("evil-pkg unknown");
    }

    @Test
    void emitHelper_setsAComputedMessage() {
        CompiledPolicies p =
                PolicyCompiler.compile(
                        List.of(
                                bundle(
                                        "c",
                                        HEADER
                                                + "rule \"R3\" @id(\"T-3\") @severity(\"low\") @checklist(\"x-y\") @title(\"T\")\n"
                                                + "when\n  $s : McpServer()\nthen\n  dev.mcpsec.rules.Emit.message(kcontext, \"args: \" + $s.args().size());\nend\n")));
        assertThat(RuleRunner.run(p, List.of(server("a", "p"))))
                .singleElement()
                .extracting(Finding::message)
                .isEqualTo("args: 2");
    }

    @Test
    void compileError_isReportedAsFileLineColumn_withTheOffendingLine() {
        assertThatThrownBy(
                        () ->
                                PolicyCompiler.compile(
                                        List.of(
                                                bundle(
                                                        "d",
                                                        HEADER
                                                                + "rule \"R4\" @id(\"T-4\") @severity(\"low\") @checklist(\"x\") @title(\"T\")\n"
                                                                + "when\n  $s : McpServer( nosuchfield == 1 )\nthen\nend\n"))))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("nosuchfield")
                .satisfies(
                        e ->
                                assertThat(((PolicyException) e).problems().get(0))
                                        .matches(
                                                "(?s)d/rules\\.drl:5:19: McpServer has no field `nosuchfield`; its fields are name, .*")
                                        .contains("    |   $s : McpServer( nosuchfield == 1 )")
                                        .contains("    |" + " ".repeat(19) + "^"));
    }

    @Test
    void syntaxError_carriesAColumn() {
        assertThatThrownBy(
                        () ->
                                PolicyCompiler.compile(
                                        List.of(
                                                bundle(
                                                        "e",
                                                        HEADER
                                                                + "rule \"R5\" @id(\"T-5\")\nwhen\n  $s : McpServer( name == )\nthen\nend\n"))))
                .isInstanceOf(PolicyException.class)
                .satisfies(
                        e ->
                                assertThat(((PolicyException) e).problems().get(0))
                                        .matches("(?s)e/rules\\.drl:\\d+:\\d+: .*"));
    }

    @Test
    void unknownMetadata_badSeverity_unknownPlaceholder_areLoadErrorsWithFileAndLine() {
        assertThatThrownBy(
                        () ->
                                PolicyCompiler.compile(
                                        List.of(
                                                bundle(
                                                        "f",
                                                        HEADER
                                                                + "rule \"R6\" @id(\"T-6\") @severity(\"urgent\") @checklist(\"x\") @title(\"T\") @colour(\"red\")\n"
                                                                + "  @message(\"{nosuch}\")\nwhen\n  McpServer()\nthen\nend\n"))))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("f/rules.drl:3: rule \"R6\": unknown metadata @colour")
                .hasMessageContaining("@severity 'urgent' is not a severity")
                .hasMessageContaining("unknown placeholder {nosuch}");
    }

    @Test
    void duplicateRuleIdsAcrossBundles_areRejected() {
        String rule =
                "rule \"%s\" @id(\"DUP-1\") @severity(\"low\") @checklist(\"x\") @title(\"T\")\nwhen\n McpServer()\nthen\nend\n";
        assertThatThrownBy(
                        () ->
                                PolicyCompiler.compile(
                                        List.of(
                                                bundle(
                                                        "g",
                                                        "package g;\nimport dev.mcpsec.facts.*;\n"
                                                                + rule.formatted("A")),
                                                bundle(
                                                        "h",
                                                        "package h;\nimport dev.mcpsec.facts.*;\n"
                                                                + rule.formatted("B")))))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("rule id DUP-1 is already used");
    }

    @Test
    void sameContent_isCompiledOncePerJvm() {
        Bundle b =
                bundle(
                        "i",
                        HEADER
                                + "rule \"R\" @id(\"T-9\") @severity(\"low\") @checklist(\"x\") @title(\"T\")\n"
                                + "when\n McpServer()\nthen\nend\n");
        assertThat(PolicyCompiler.compile(List.of(b))).isSameAs(PolicyCompiler.compile(List.of(b)));
    }

    @Test
    void customOperators_keepWorkingPastTheJittingThreshold() {
        CompiledPolicies p =
                PolicyCompiler.compile(
                        List.of(
                                bundle(
                                        "j",
                                        HEADER
                                                + "rule \"R\" @id(\"T-10\") @severity(\"low\") @checklist(\"x\") @title(\"T\")\n"
                                                + "when\n  McpServer( name str[startsWith] \"bad\", packageName matches \"p.*\" )\nthen\nend\n")));
        List<McpServer> servers = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            servers.add(server((i % 2 == 0 ? "bad" : "ok") + i, "p" + i));
        }
        assertThat(RuleRunner.run(p, servers)).hasSize(100);
    }

    @Test
    void bindingPlaceholders_nameAFieldOfOneMatchedFact() {
        CompiledPolicies p =
                PolicyCompiler.compile(
                        List.of(
                                bundle(
                                        "k",
                                        HEADER
                                                + "rule \"R\" @id(\"T-11\") @severity(\"low\") @checklist(\"x\") @title(\"T\")\n"
                                                + "  @message(\"{name} and {$r.path} in {$s.file}\")\n"
                                                + "when\n  $s : McpServer()\n  $r : FilesystemRoot(server == $s.name)\nthen\nend\n")));
        FilesystemRoot root =
                new FilesystemRoot("other.json", 1, 1, "fs", "/data", "/data", "specific");
        assertThat(RuleRunner.run(p, List.of(server("fs", "x"), root)))
                .singleElement()
                .extracting(Finding::message)
                .isEqualTo("fs and /data in .mcp.json");
    }

    @Test
    void ruleLines_givesTheLineOfEachDeclaration_byItsWholeName() {
        String drl =
                "package acme;\n"
                        + "\n"
                        + "rule \"MCP-X-001 open port and more\"\n"
                        + "when then end\n"
                        + "\n"
                        + "\n"
                        + "  rule 'MCP-X-001 open port'\n"
                        + "when then end\n"
                        + "rule plain_name when then end\n"
                        + "rule \"MCP-X-001 open port\" // a second declaration of a name\n";

        assertThat(PolicyCompiler.ruleLines(drl))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "MCP-X-001 open port and more", 3,
                                "MCP-X-001 open port", 7,
                                "plain_name", 9));
        assertThat(PolicyCompiler.ruleLines(null)).isEmpty();
        assertThat(
                        PolicyCompiler.ruleDeclarations(
                                "rule\n  \"spans\"\nwhen then end\nrules are text\n"))
                .containsExactly(Map.entry("spans", 1));
    }

    @Test
    void policyKey_tellsRuleDecisionsApart() {
        BundlePolicy none = BundlePolicy.none();
        BundlePolicy rerated =
                new BundlePolicy(
                        Map.of("MCP-X-001", new BundlePolicy.Rerate(Severity.LOW, "noisy here")),
                        Map.of(),
                        java.util.Set.of());
        BundlePolicy disabled =
                new BundlePolicy(Map.of(), Map.of("MCP-X-001", "noisy here"), java.util.Set.of());
        BundlePolicy locked = new BundlePolicy(Map.of(), Map.of(), java.util.Set.of("MCP-X-001"));

        assertThat(PolicyCompiler.policyKey(none)).isEmpty();
        assertThat(
                        java.util.Set.of(
                                PolicyCompiler.policyKey(rerated),
                                PolicyCompiler.policyKey(disabled),
                                PolicyCompiler.policyKey(locked)))
                .hasSize(3)
                .doesNotContain("");
        assertThat(PolicyCompiler.policyKey(rerated)).contains("MCP-X-001", "LOW", "noisy here");
    }
}
