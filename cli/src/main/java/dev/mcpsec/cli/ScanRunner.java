package dev.mcpsec.cli;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.Severity;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.options.FailOn;
import dev.mcpsec.report.ReportOptions;
import dev.mcpsec.report.Reporters;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Does a scan's work: calls the engine, writes every planned report, and turns the result into an
 * exit code.
 */
final class ScanRunner {
    private final Context context;
    private final CommonOptions common;
    private final boolean verbose;

    ScanRunner(Context context, CommonOptions common, boolean verbose) {
        this.context = context;
        this.common = common;
        this.verbose = verbose;
    }

    int run(ScanRequest request, ReportPlan plan, FailOn failOn) {
        ScanResult result =
                Watchdog.call(
                        () -> context.engine().scan(request),
                        Watchdog.limitFor(request.limits().scanTimeout()),
                        "the scan");
        return report(result, plan, failOn);
    }

    /** Writes every planned report of a result and turns it into an exit code. */
    int report(ScanResult result, ReportPlan plan, FailOn failOn) {
        Environment env = context.env();
        for (ReportPlan.Target target : plan.targets()) {
            write(result, target, failOn);
        }
        long failing = failOn.failing(result);
        if (!common.quiet && !plan.textOnStdout()) {
            for (ScanWarning warning : result.warnings()) {
                env.err().println("mcpsec: warning: " + warning);
            }
            env.err().println("mcpsec: " + summary(result, failOn, failing, plan.files()));
            String policy = dev.mcpsec.report.Reporters.exceptionsSummary(result);
            if (!policy.isEmpty()) {
                env.err().println("mcpsec: " + policy);
            }
        }
        return failing > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void write(ScanResult result, ReportPlan.Target target, FailOn failOn) {
        Environment env = context.env();
        String version = Mcpsec.version();
        if (target.file() == null) {
            // Colour only ever reaches a terminal; machine formats ignore the switch.
            ReportOptions options =
                    new ReportOptions(common.color(env), verbose, version)
                            .withFailOn(failOn.severity());
            try {
                Reporters.get(target.format()).write(result, env.out(), options);
                env.out().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        ReportOptions options =
                new ReportOptions(false, verbose, version).withFailOn(failOn.severity());
        try {
            Path parent = target.file().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(target.file())) {
                Reporters.get(target.format()).write(result, out, options);
            }
        } catch (IOException e) {
            throw new ConfigurationException(
                    "output",
                    "cannot write the "
                            + target.format().id()
                            + " report to "
                            + display(target.file())
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private String summary(ScanResult result, FailOn failOn, long failing, List<Path> files) {
        StringBuilder text = new StringBuilder();
        text.append(plural(result.findings().size(), "finding"));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Severity, Integer> count : result.countBySeverity().entrySet()) {
            if (count.getValue() > 0) {
                parts.add(count.getValue() + " " + count.getKey().id());
            }
        }
        if (!parts.isEmpty()) {
            text.append(" (").append(String.join(", ", parts)).append(')');
        }
        text.append(" in ").append(plural(result.files().size(), "file"));
        if (!result.suppressed().isEmpty()) {
            text.append(", ").append(result.suppressed().size()).append(" suppressed");
        }
        if (failOn.severity() != null) {
            text.append("; ")
                    .append(failing)
                    .append(" at or above ")
                    .append(failOn.severity().id());
        }
        if (!files.isEmpty()) {
            text.append("; wrote ")
                    .append(files.stream().map(this::display).collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    private String display(Path file) {
        Path cwd = context.env().workingDirectory();
        return (file.startsWith(cwd) ? cwd.relativize(file) : file).toString();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
