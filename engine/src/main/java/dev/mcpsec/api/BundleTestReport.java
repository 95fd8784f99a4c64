package dev.mcpsec.api;

import java.util.List;

/**
 * Outcome of a bundle's fixture tests ({@code mcpsec test}, goal {@code mcpsec:test}).
 *
 * @param coverage every rule of the bundle with the cases that expect it and the cases that expect
 *     it not to fire
 */
public record BundleTestReport(String bundle, List<CaseResult> cases, List<RuleCoverage> coverage) {

    /** A report without coverage. */
    public BundleTestReport(String bundle, List<CaseResult> cases) {
        this(bundle, cases, List.of());
    }

    /**
     * One fixture case: its name, when it failed what was missing or unexpected, and the findings
     * the bundle under test produced in it ({@code ruleId checklist severity file:line server}, for
     * {@code mcpsec test -v}).
     */
    public record CaseResult(
            String name, boolean passed, List<String> problems, List<String> findings) {
        public CaseResult(String name, boolean passed, List<String> problems) {
            this(name, passed, problems, List.of());
        }

        /** This case with the given problems; it passes when there are none. */
        public CaseResult withProblems(List<String> found) {
            return new CaseResult(name, found.isEmpty(), List.copyOf(found), findings);
        }
    }

    /** A rule of the tested bundle and the cases that test it either way. */
    public record RuleCoverage(
            String ruleId,
            String checklist,
            List<String> expectCases,
            List<String> expectNotCases) {
        /** True when at least one case expects the rule to fire and one expects it not to. */
        public boolean complete() {
            return !expectCases.isEmpty() && !expectNotCases.isEmpty();
        }
    }

    public boolean passed() {
        return cases.stream().allMatch(CaseResult::passed);
    }

    public long failures() {
        return cases.stream().filter(c -> !c.passed()).count();
    }

    /** Rules without both an expect and an expect-not case ({@code --strict} fails on these). */
    public List<RuleCoverage> uncovered() {
        return coverage.stream().filter(c -> !c.complete()).toList();
    }
}
