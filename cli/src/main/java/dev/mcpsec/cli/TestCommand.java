package dev.mcpsec.cli;

import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.options.ScanRoot;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcpsec test [BUNDLE_DIR]}: runs a bundle's fixture cases and shows what each failing case
 * missed.
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = "Run the fixture tests of a policy bundle.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:Every case passed.",
            "1:A case failed, the bundle has no cases, or (--strict) a rule "
                    + "lacks an expect or an expect-not case.",
            ExitCodes.USAGE_LINE,
            ExitCodes.INTERNAL_LINE
        })
public final class TestCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "BUNDLE_DIR",
            defaultValue = ".",
            description =
                    "A bundle directory or a bundle project (default: the current directory).")
    String bundleDir;

    @Option(
            names = "--coverage",
            description =
                    "List every rule of the bundle with the cases that expect it to "
                            + "fire and the cases that expect it not to.")
    boolean coverage;

    @Option(
            names = "--strict",
            description =
                    "Fail when a rule of the bundle has no expect case or no expect-not "
                            + "case (implies --coverage).")
    boolean strict;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show the findings the bundle produced in every case.")
    boolean verbose;

    @Mixin CommonOptions common;

    public TestCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Environment env = context.env();
        Path dir = ScanRoot.validate(env.resolve(bundleDir), bundleDir);
        BundleTestReport report =
                context.engine().testBundle(dir, ScanRequest.builder(dir).history(false).build());
        PrintStream out = env.out();
        out.println("bundle " + report.bundle());
        for (BundleTestReport.CaseResult c : report.cases()) {
            out.println((c.passed() ? "PASS " : "FAIL ") + c.name());
            for (String problem : c.problems()) {
                out.println("    " + marker(problem) + " " + problem.replace("\n", "\n      "));
            }
            if (verbose) {
                if (c.findings().isEmpty()) {
                    out.println("    found nothing");
                }
                c.findings().forEach(f -> out.println("    found " + f));
            }
        }
        if (coverage || strict) {
            out.println("coverage (rule: expect cases | expect-not cases)");
            for (BundleTestReport.RuleCoverage r : report.coverage()) {
                out.println(
                        (r.complete() ? "  ok      " : "  MISSING ")
                                + r.ruleId()
                                + ": "
                                + list(r.expectCases())
                                + " | "
                                + list(r.expectNotCases()));
            }
        }
        if (report.cases().isEmpty()) {
            out.println(
                    "no test cases: add META-INF/mcpsec/tests/<case>/ folders with an expected.json");
            out.flush();
            return ExitCodes.FINDINGS;
        }
        out.println(report.cases().size() + " cases, " + report.failures() + " failed");
        boolean uncovered = strict && !report.uncovered().isEmpty();
        if (uncovered) {
            out.println(
                    "--strict: "
                            + report.uncovered().size()
                            + " rule(s) without both an expect and an expect-not "
                            + "case: "
                            + String.join(
                                    ", ",
                                    report.uncovered().stream()
                                            .map(BundleTestReport.RuleCoverage::ruleId)
                                            .toList()));
        }
        out.flush();
        return report.passed() && !uncovered ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static String list(java.util.List<String> cases) {
        return cases.isEmpty() ? "-" : String.join(", ", cases);
    }

    /** A diff-like marker: {@code -} expected but not found, {@code +} found but not expected. */
    private static String marker(String problem) {
        if (problem.startsWith("missing")) {
            return "-";
        }
        return problem.startsWith("unexpected") ? "+" : "!";
    }
}
