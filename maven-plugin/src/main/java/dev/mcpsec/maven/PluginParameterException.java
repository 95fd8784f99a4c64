package dev.mcpsec.maven;

/**
 * A plugin parameter has a value the goal cannot use; {@code element} is its XML element name in
 * the POM.
 */
public class PluginParameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String element;

    public PluginParameterException(String element, String message) {
        super(message);
        this.element = element;
    }

    /** The POM element at fault, without angle brackets, e.g. {@code failOn}. */
    public String element() {
        return element;
    }
}
