package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link InvokerReportsIT}'s check cannot pass vacuously: over a made-up {@code src/it} and {@code
 * target/it}, an invalid report, an expected report that is missing, a case that did not run and a
 * case without a row each make it fail.
 */
class InvokerReportsCheckTest {
    @TempDir Path tmp;

    @Test
    void invalidMissingUnlistedAndNotRun_areProblems() throws Exception {
        Path cases = tmp.resolve("src/it");
        Path run = tmp.resolve("target/it");
        for (String c : new String[] {"invalid", "missing", "unlisted", "not-run", "clean"}) {
            Files.createDirectories(cases.resolve(c));
            Files.writeString(cases.resolve(c).resolve("pom.xml"), "<project/>");
            if (!c.equals("not-run")) {
                Files.createDirectories(run.resolve(c).resolve("target/mcpsec"));
            }
        }
        Files.writeString(
                run.resolve("invalid/target/mcpsec/mcpsec.json"),
                "{\"schemaVersion\": \"1.0\", \"findings\": \"none\"}");
        Files.writeString(
                run.resolve("invalid/target/mcpsec/mcpsec.junit.xml"),
                "<testsuites><x/></testsuites>");
        Map<String, Set<String>> expected =
                Map.of(
                        "invalid",
                        Set.of("target/mcpsec/mcpsec.json", "target/mcpsec/mcpsec.junit.xml"),
                        "missing",
                        Set.of("target/mcpsec/mcpsec.json"),
                        "not-run",
                        Set.of(),
                        "clean",
                        Set.of());

        InvokerReportsIT.Result result = InvokerReportsIT.check(cases, run, expected, "");

        assertThat(result.problems())
                .anyMatch(p -> p.startsWith("the JSON report of IT invalid"))
                .anyMatch(p -> p.startsWith("the JUnit report of IT invalid"))
                .contains("missing: expected report target/mcpsec/mcpsec.json was not written")
                .contains("unlisted: a case without a row in EXPECTED")
                .anyMatch(p -> p.startsWith("not-run: did not run"))
                .hasSize(5);
        assertThat(result.validated()).isZero();
    }

    @Test
    void aCaseThatWroteAReportNotListed_isAProblem_andInvokerTestSelectsCases() throws Exception {
        Path cases = tmp.resolve("src/it");
        Path run = tmp.resolve("target/it");
        for (String c : new String[] {"a-case", "b-case"}) {
            Files.createDirectories(cases.resolve(c));
            Files.writeString(cases.resolve(c).resolve("pom.xml"), "<project/>");
        }
        Files.createDirectories(run.resolve("a-case/target/mcpsec"));
        Files.writeString(run.resolve("a-case/target/mcpsec/mcpsec.json"), "{}");
        Map<String, Set<String>> expected = Map.of("a-case", Set.of(), "b-case", Set.of());

        // b-case did not run, but -Dinvoker.test=a-* did not select it
        InvokerReportsIT.Result result = InvokerReportsIT.check(cases, run, expected, "a-*");

        assertThat(result.problems())
                .contains("a-case: wrote target/mcpsec/mcpsec.json, not listed in EXPECTED")
                .anyMatch(p -> p.contains("schemaVersion: missing"))
                .hasSize(2);
    }
}
