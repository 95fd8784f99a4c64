package dev.mcpsec.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compiles every DRL file of the built-in bundle and checks the metadata contract of each rule. */
class BuiltinDrlCompilesTest {

    private static final List<String> SEVERITIES =
            List.of("critical", "high", "medium", "low", "info");

    // Drools resolves @description to its own annotation type and stores it under that class name.
    private static final String DESCRIPTION = "org.kie.api.definition.type.Description";

    @Test
    void everyDrlFile_compilesWithoutErrors() {
        assertThat(BuiltinBundle.drlFiles()).isNotEmpty();
        assertThat(BuiltinBundle.compileErrors()).isEmpty();
    }

    @Test
    void everyDrlFile_isNamedAfterTheChecklistIdOfItsRules() {
        for (Path drl : BuiltinBundle.drlFiles()) {
            String checklist = drl.getFileName().toString().replace(".drl", "");
            assertThat(BuiltinBundle.rulesIn(drl))
                    .as(drl.toString())
                    .isNotEmpty()
                    .allSatisfy(rule -> assertThat(rule.checklist()).isEqualTo(checklist));
        }
    }

    @Test
    void everyRule_hasValidMetadata() {
        assertThat(BuiltinBundle.rules())
                .allSatisfy(
                        rule -> {
                            assertThat(rule.getMetaData())
                                    .containsKeys(
                                            "id",
                                            "severity",
                                            "checklist",
                                            "title",
                                            "message",
                                            "remediation",
                                            DESCRIPTION);
                            assertThat(rule.getMetaData().keySet())
                                    .isSubsetOf(
                                            "id",
                                            "severity",
                                            "checklist",
                                            "title",
                                            "message",
                                            "remediation",
                                            DESCRIPTION);
                            assertThat((String) rule.getMetaData().get("id"))
                                    .matches("MCP-[A-Z]+-\\d{3}");
                            assertThat(rule.getName())
                                    .startsWith(rule.getMetaData().get("id") + " ");
                            assertThat(SEVERITIES)
                                    .contains((String) rule.getMetaData().get("severity"));
                            assertThat(BuiltinBundle.CHECKLIST_IDS)
                                    .contains((String) rule.getMetaData().get("checklist"));
                        });
    }

    @Test
    void noRule_usesStrOperators() throws Exception {
        // Drools 10.2.0: a jitted str[...] constraint throws NoSuchMethodError
        // (EvaluatorHelper.initOperators) once a
        // KieBase has evaluated it about 20 times, unless jitting is off; String methods work
        // everywhere.
        for (Path drl : BuiltinBundle.drlFiles()) {
            assertThat(java.nio.file.Files.readString(drl))
                    .as(drl.toString())
                    .doesNotContain("str[");
        }
    }

    @Test
    void ruleIds_areUnique() {
        List<Object> ids =
                BuiltinBundle.rules().stream().map(r -> r.getMetaData().get("id")).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void everyChecklistId_hasAtLeastOneRule() {
        assertThat(
                        BuiltinBundle.rules().stream()
                                .map(r -> (String) r.getMetaData().get("checklist")))
                .containsAll(BuiltinBundle.CHECKLIST_IDS);
    }
}
