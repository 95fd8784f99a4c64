package dev.mcpsec.report;

import dev.mcpsec.api.ScanResult;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders one scan result in one format; writes UTF-8, flushes, and leaves the stream open for the
 * caller.
 */
public interface Reporter {

    /** Writes the report of {@code result} to {@code out}. */
    void write(ScanResult result, OutputStream out, ReportOptions options) throws IOException;
}
