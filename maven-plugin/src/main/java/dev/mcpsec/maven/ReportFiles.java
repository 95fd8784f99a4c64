package dev.mcpsec.maven;

import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.Severity;
import dev.mcpsec.report.ReportFormat;
import dev.mcpsec.report.ReportOptions;
import dev.mcpsec.report.Reporters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the file outputs of {@code <formats>} as {@code mcpsec.<extension>} into the output
 * directory.
 */
final class ReportFiles {
    private ReportFiles() {}

    /**
     * Writes one file per file format and returns the paths written, in {@link OutputFormat} order;
     * {@code failOn} (null for never) marks what fails in formats that pass and fail per item
     * (JUnit XML).
     */
    static List<Path> write(
            ScanResult result, Set<OutputFormat> formats, Path directory, Severity failOn)
            throws IOException {
        List<Path> written = new ArrayList<>();
        for (OutputFormat format : formats) {
            ReportFormat reportFormat = format.reportFormat();
            if (reportFormat == null) {
                continue;
            }
            Files.createDirectories(directory);
            Path file = directory.resolve(reportFormat.fileName());
            try (OutputStream out = Files.newOutputStream(file)) {
                Reporters.get(reportFormat)
                        .write(
                                result,
                                out,
                                new ReportOptions(false, false, null).withFailOn(failOn));
            }
            written.add(file);
        }
        return written;
    }
}
