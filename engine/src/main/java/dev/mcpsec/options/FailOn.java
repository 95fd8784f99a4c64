package dev.mcpsec.cli;

import dev.mcpsec.api.Severity;
import picocli.CommandLine;

/**
 * The {@code --fail-on} threshold: a severity, or {@code never}.
 *
 * @param severity the threshold, or null for {@code never}
 */
public record FailOn(Severity severity) {

    static final String ALLOWED = Severity.allowed() + ", never";

    /** Parses a severity id or {@code never}; anything else names the allowed values. */
    public static FailOn parse(String text) {
        if (text != null && "never".equalsIgnoreCase(text.trim())) {
            return new FailOn(null);
        }
        try {
            return new FailOn(Severity.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a severity; use one of " + ALLOWED, e);
        }
    }

    /** picocli's hook, so that a bad value is a usage error naming the allowed values. */
    static final class Converter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
