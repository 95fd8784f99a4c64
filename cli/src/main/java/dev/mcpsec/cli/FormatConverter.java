package dev.mcpsec.cli;

import dev.mcpsec.report.ReportFormat;
import picocli.CommandLine;

/**
 * Turns a {@code --format} value into a {@link ReportFormat}; an unknown one is a usage error,
 * never a fallback.
 */
final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
        try {
            return ReportFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
