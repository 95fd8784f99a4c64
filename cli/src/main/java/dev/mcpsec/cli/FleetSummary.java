package dev.mcpsec.cli;

import dev.mcpsec.api.SafeText;
import dev.mcpsec.api.Severity;
import dev.mcpsec.fleet.FleetProgress;
import dev.mcpsec.fleet.FleetScanner;
import dev.mcpsec.fleet.OrgReport;
import dev.mcpsec.fleet.RepoRecord;
import dev.mcpsec.options.FailOn;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What {@code fleet} and {@code merge} print, and the exit code both derive from an org report. */
final class FleetSummary {
    private static final int WORST_SHOWN = 10;

    private FleetSummary() {}

    /** One progress line, rewritten in place on a terminal. */
    static void progress(PrintStream err, FleetProgress p) {
        long left = p.remainingMs();
        err.print(
                "\rmcpsec: "
                        + p.done()
                        + "/"
                        + p.total()
                        + " repositories, "
                        + p.findings()
                        + " findings"
                        + (p.failed() > 0 ? ", " + p.failed() + " not scanned" : "")
                        + (p.fromCache() > 0 ? ", " + p.fromCache() + " unchanged" : "")
                        + (left >= 0 && p.done() < p.total()
                                ? ", about " + duration(left) + " left"
                                : "")
                        + "   ");
        if (p.done() == p.total()) {
            err.println();
        }
        err.flush();
    }

    static String duration(long ms) {
        long s = (ms + 999) / 1000;
        return s < 60 ? s + "s" : (s / 60) + "m" + String.format("%02d", s % 60) + "s";
    }

    /**
     * Prints the summary and returns the exit code: findings at or above the threshold, or a
     * repository not scanned.
     */
    static int print(PrintStream out, FleetScanner.FleetResult result, FailOn failOn, Path cwd) {
        OrgReport r = result.report();
        OrgReport.Summary s = r.summary();
        out.println(
                "mcpsec fleet: "
                        + s.repositories()
                        + " repositories, "
                        + s.withFindings()
                        + " with findings, "
                        + s.failed()
                        + " not scanned"
                        + (r.run() != null && r.run().fromCache() > 0
                                ? " (" + r.run().fromCache() + " unchanged since the last run)"
                                : ""));
        List<String> sev = new ArrayList<>();
        s.bySeverity().forEach((k, v) -> sev.add(k + " " + v));
        out.println("findings: " + String.join(", ", sev));
        if (!r.sharedCredentials().isEmpty()) {
            out.println("credentials in more than one repository: " + r.sharedCredentials().size());
        }
        if (r.trend() != null) {
            out.println(
                    "since the previous report: "
                            + r.trend().newFindings()
                            + " new, "
                            + r.trend().resolvedFindings()
                            + " resolved");
        }
        List<RepoRecord> worst =
                r.repositories().stream()
                        .filter(x -> x.worst() != null || x.error() != null)
                        .sorted(
                                Comparator.comparing((RepoRecord x) -> x.error() == null ? 1 : 0)
                                        .thenComparing(
                                                x ->
                                                        x.worst() == null
                                                                ? Severity.values().length
                                                                : x.worst().ordinal())
                                        .thenComparing(x -> -x.findings().size())
                                        .thenComparing(RepoRecord::name))
                        .limit(WORST_SHOWN)
                        .toList();
        for (RepoRecord x : worst) {
            out.println(
                    "  "
                            + (x.error() != null
                                    ? "NOT SCANNED  "
                                            + SafeText.escape(x.name())
                                            + ": "
                                            + SafeText.escape(x.error())
                                    : String.format(
                                            "%-12s %s (%d finding%s)",
                                            x.worst().id(),
                                            SafeText.escape(x.name()),
                                            x.findings().size(),
                                            x.findings().size() == 1 ? "" : "s")));
        }
        out.println("report: " + shown(result.html(), cwd) + " and " + shown(result.json(), cwd));
        out.flush();
        boolean failing =
                failOn.severity() != null
                        && (s.failed() > 0
                                || r.repositories().stream()
                                        .anyMatch(x -> x.countAtLeast(failOn.severity()) > 0));
        return failing ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static Path shown(Path p, Path cwd) {
        return p.startsWith(cwd) ? cwd.relativize(p) : p;
    }
}
