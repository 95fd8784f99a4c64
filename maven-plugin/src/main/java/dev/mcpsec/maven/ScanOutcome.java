package dev.mcpsec.maven;

import dev.mcpsec.api.ScanResult;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * What {@code mcpsec:verify} does with a finished scan, whether it ran in Maven's JVM or in a scan
 * JVM ({@link ScanWorker}): the lines for the build log, the counts that decide the build, the
 * report files, and what an up-to-date run would replay. Made by one method ({@link #of}) on both
 * paths, so both log and decide alike; a scan that could not finish gives only {@link #error}.
 *
 * @param error the message of an engine or configuration error (the scan gave no result), or null
 * @param lines the build log lines, each {@code LEVEL text} ({@link BuildLogReport#lines})
 * @param findings number of findings
 * @param failing number of findings at or above {@code <failOn>}
 * @param failure the failure message when {@code failing > 0}, else empty
 * @param reports the report files written
 * @param keepable true when the run may be reused by the next build (it had no warnings)
 * @param findingLines the finding lines an up-to-date run replays
 * @param cause the exception behind {@code error} when the scan ran in this JVM, else null (not
 *     written)
 */
record ScanOutcome(
        String error,
        List<String> lines,
        int findings,
        long failing,
        String failure,
        List<Path> reports,
        boolean keepable,
        List<String> findingLines,
        Exception cause) {

    ScanOutcome {
        lines = List.copyOf(lines);
        reports = List.copyOf(reports);
        findingLines = List.copyOf(findingLines);
    }

    /** The outcome of a scan that ended in an error with {@code message} ({@code cause}). */
    static ScanOutcome failed(String message, Exception cause) {
        return new ScanOutcome(message, List.of(), 0, 0, "", List.of(), false, List.of(), cause);
    }

    /**
     * The outcome of {@code result}, whose reports went to {@code reports} in {@code outputDir}.
     */
    static ScanOutcome of(ScanResult result, ScanPlan plan, List<Path> reports, File outputDir) {
        boolean console = plan.formats().contains(OutputFormat.CONSOLE);
        long failing = result.countAtLeast(plan.failOn());
        String failure =
                failing > 0
                        ? MavenMessages.failure(failing, plan.failOnId(), where(reports, outputDir))
                        : "";
        return new ScanOutcome(
                null,
                BuildLogReport.lines(result, console, reports),
                result.findings().size(),
                failing,
                failure,
                reports,
                result.warnings().isEmpty(),
                console ? BuildLogReport.findingLines(result) : List.of(),
                null);
    }

    private static String where(List<Path> reports, File outputDir) {
        if (reports.isEmpty()) {
            return "see the findings above";
        }
        return "reports in "
                + outputDir
                + ": "
                + String.join(", ", reports.stream().map(p -> p.getFileName().toString()).toList());
    }

    /** Writes this outcome to {@code file} (the scan JVM's answer to the goal). */
    void write(Path file) throws IOException {
        Properties p = new Properties();
        if (error != null) {
            p.setProperty("error", error);
        }
        IndexedLists.put(p, "line", lines);
        p.setProperty("findings", Integer.toString(findings));
        p.setProperty("failing", Long.toString(failing));
        p.setProperty("failure", failure);
        IndexedLists.put(p, "report", reports.stream().map(Path::toString).toList());
        p.setProperty("keepable", Boolean.toString(keepable));
        IndexedLists.put(p, "findingLine", findingLines);
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "mcpsec scan outcome");
        }
    }

    /** Reads an outcome {@link #write} wrote; throws when the file is not one. */
    static ScanOutcome read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        if (!p.containsKey("findings") || !p.containsKey("keepable")) {
            throw new IOException(file + " is not a complete scan outcome");
        }
        try {
            return new ScanOutcome(
                    p.getProperty("error"),
                    IndexedLists.get(p, "line"),
                    Integer.parseInt(p.getProperty("findings")),
                    Long.parseLong(p.getProperty("failing", "0")),
                    p.getProperty("failure", ""),
                    IndexedLists.get(p, "report").stream().map(Path::of).toList(),
                    Boolean.parseBoolean(p.getProperty("keepable")),
                    IndexedLists.get(p, "findingLine"),
                    null);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a complete scan outcome: " + e.getMessage(), e);
        }
    }
}
