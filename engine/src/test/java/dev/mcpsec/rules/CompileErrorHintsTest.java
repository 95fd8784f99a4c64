package dev.mcpsec.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mcpsec.api.PolicyException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DRL compile errors point at the right field and leave out knock-on errors and Drools' internal
 * noise.
 */
class CompileErrorHintsTest {
    private static final String HEADER = "package hints;\nimport dev.mcpsec.facts.*;\n";

    private static PolicyException compile(String body) {
        Bundle b =
                new Bundle(
                        "hints",
                        "1.0",
                        null,
                        "test",
                        List.of(new Bundle.DrlFile("hints/rules.drl", HEADER + body)),
                        Map.of(),
                        Map.of());
        return catchThrowableOfType(
                PolicyException.class, () -> PolicyCompiler.compile(List.of(b)));
    }

    @Test
    void aMisspeltField_isNamedWithTheFieldItProbablyMeant() {
        PolicyException e =
                compile(
                        "rule \"H1\" @id(\"H-1\") @severity(\"high\") @checklist(\"trusted-publishers\")"
                                + " @title(\"t\") @message(\"m\")\nwhen\n  $s : McpServer( pakageName != null )\nthen\nend\n");
        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0))
                .startsWith(
                        "hints/rules.drl:5:19: McpServer has no field `pakageName`; "
                                + "did you mean `packageName`?")
                .doesNotContain("strict-mode")
                .doesNotContain("[Near");
    }

    @Test
    void aMisspeltFactType_isNamedWithTheTypeItProbablyMeant_andKnockOnErrorsAreDropped() {
        PolicyException e =
                compile(
                        "rule \"H2\" @id(\"H-2\") @severity(\"high\") @checklist(\"trusted-publishers\")"
                                + " @title(\"t\") @message(\"m\")\nwhen\n  $s : McpSrever( $n : name, $n != null )\nthen\nend\n");
        assertThat(e).isNotNull();
        assertThat(e.problems())
                .singleElement()
                .asString()
                .contains("hints/rules.drl:5:")
                .contains("did you mean `McpServer`?");
    }

    @Test
    void aPlaceholderNamingAnUndeclaredBinding_isAnErrorAtLoad() {
        PolicyException e =
                compile(
                        "rule \"H3\" @id(\"H-3\") @severity(\"high\") @checklist(\"trusted-publishers\")"
                                + " @title(\"t\") @message(\"{$srv.name} is odd\")\nwhen\n  $s : McpServer( name != null )\nthen\nend\n");
        assertThat(e).isNotNull();
        assertThat(e.problems())
                .singleElement()
                .asString()
                .contains("placeholder {$srv.name} names a binding the rule does not declare")
                .contains("(bindings: $s)");
    }

    @Test
    void aPlaceholderNamingADeclaredBinding_compiles() {
        Bundle b =
                new Bundle(
                        "hints-ok",
                        "1.0",
                        null,
                        "test",
                        List.of(
                                new Bundle.DrlFile(
                                        "ok/rules.drl",
                                        HEADER
                                                + "rule \"H4\" @id(\"H-4\") @severity(\"high\") @checklist(\"trusted-publishers\")"
                                                + " @title(\"t\") @message(\"{$s.name} is odd\")\nwhen\n  $s : McpServer( name != null )\nthen\nend\n")),
                        Map.of(),
                        Map.of());
        assertThat(PolicyCompiler.compile(List.of(b)).rules())
                .extracting(r -> r.id())
                .containsExactly("H-4");
    }
}
