package dev.mcpsec.scan;

import dev.mcpsec.api.ScanWarning;
import java.time.Duration;
import java.util.List;

/**
 * The whole scan's time budget ({@code ScanLimits.scanTimeout}), checked between files and before
 * history; the first check past it reports one warning naming the limit and what was left undone.
 */
final class ScanDeadline {
    private final Duration timeout;
    private final long deadline;
    private final List<ScanWarning> warnings;
    private boolean reported;

    ScanDeadline(Duration timeout, List<ScanWarning> warnings) {
        this.timeout = timeout;
        long now = System.nanoTime();
        long budget;
        try {
            budget = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            budget = Long.MAX_VALUE / 4;
        }
        this.deadline = now + Math.min(budget, Long.MAX_VALUE / 4);
        this.warnings = warnings;
    }

    /** True once the budget is spent; the first time, reports that {@code skipped} was not done. */
    boolean expired(String skipped) {
        if (System.nanoTime() - deadline < 0) {
            return false;
        }
        if (!reported) {
            reported = true;
            warnings.add(
                    new ScanWarning(
                            null,
                            0,
                            "scan time limit of "
                                    + timeout.toSeconds()
                                    + " s reached (scanTimeout); results are partial: "
                                    + skipped));
        }
        return true;
    }

    /** Time left before the deadline, never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
