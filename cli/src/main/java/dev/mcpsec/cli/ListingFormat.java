package dev.mcpsec.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Output of the listing commands ({@code rules}, {@code review list}): a table or JSON. */
public enum ListingFormat {
    TEXT,
    JSON;

    static final String ALLOWED = "text, json";

    /** picocli's hook, so that a bad value is a usage error naming the allowed values. */
    static final class Converter implements CommandLine.ITypeConverter<ListingFormat> {
        @Override
        public ListingFormat convert(String value) {
            String wanted = value.trim().toUpperCase(Locale.ROOT);
            for (ListingFormat format : values()) {
                if (format.name().equals(wanted)) {
                    return format;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a format here; use one of " + ALLOWED);
        }
    }
}
