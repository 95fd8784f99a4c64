package dev.mcpsec.cli;

import dev.mcpsec.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Where each requested report goes: standard output, one file, or one file per format in a
 * directory.
 *
 * @param targets one per format, in the order given
 */
record ReportPlan(List<Target> targets) {

    /**
     * One report.
     *
     * @param file where to write it, or null for standard output
     */
    record Target(ReportFormat format, Path file) {}

    /** Decides the targets before any work is done, so a bad combination costs no scan. */
    static ReportPlan of(
            List<ReportFormat> requested, String output, Environment env, CommandLine cmd) {
        Set<ReportFormat> formats = new LinkedHashSet<>(requested);
        if (formats.isEmpty()) {
            formats.add(ReportFormat.TEXT);
        }
        List<Target> targets = new ArrayList<>();
        if (output == null) {
            if (formats.size() > 1) {
                throw new ParameterException(
                        cmd,
                        "--format "
                                + ids(formats)
                                + " writes several reports; give --output DIR to write one file per format");
            }
            targets.add(new Target(formats.iterator().next(), null));
            return new ReportPlan(targets);
        }
        Path path = env.resolve(output);
        if (formats.size() > 1 && Files.exists(path) && !Files.isDirectory(path)) {
            throw new ParameterException(
                    cmd,
                    "--output "
                            + output
                            + " is a file, but several formats need a directory for their reports");
        }
        boolean directory = formats.size() > 1 || Files.isDirectory(path);
        for (ReportFormat format : formats) {
            targets.add(new Target(format, directory ? path.resolve(format.fileName()) : path));
        }
        return new ReportPlan(targets);
    }

    /** True when the text report goes to standard output, so it already carries the summary. */
    boolean textOnStdout() {
        return targets.stream().anyMatch(t -> t.file() == null && t.format() == ReportFormat.TEXT);
    }

    /** The files this plan writes. */
    List<Path> files() {
        return targets.stream().map(Target::file).filter(f -> f != null).toList();
    }

    private static String ids(Set<ReportFormat> formats) {
        return formats.stream().map(ReportFormat::id).collect(Collectors.joining(","));
    }
}
