package dev.mcpsec.api;

import java.util.List;

/** Outcome of a bundle's fixture tests ({@code mcpsec test}, goal {@code mcpsec:test}). */
public record BundleTestReport(String bundle, List<CaseResult> cases) {

    /** One fixture case: its name and, when it failed, what was missing or unexpected. */
    public record CaseResult(String name, boolean passed, List<String> problems) {
        /** This case with the given problems; it passes when there are none. */
        public CaseResult withProblems(List<String> found) {
            return new CaseResult(name, found.isEmpty(), List.copyOf(found));
        }
    }

    public boolean passed() {
        return cases.stream().allMatch(CaseResult::passed);
    }

    public long failures() {
        return cases.stream().filter(c -> !c.passed()).count();
    }
}
