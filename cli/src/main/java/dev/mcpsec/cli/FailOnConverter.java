package dev.mcpsec.cli;

import dev.mcpsec.options.FailOn;
import picocli.CommandLine;

/**
 * picocli's hook for {@code --fail-on}, so that a bad value is a usage error naming the allowed
 * values.
 */
final class FailOnConverter implements CommandLine.ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
        try {
            return FailOn.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
