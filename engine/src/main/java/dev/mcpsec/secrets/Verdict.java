package dev.mcpsec.secrets;

/** What the placeholder classifier decided a value is. */
public enum Verdict {
    /**
     * The value points at a variable, input or secret store: the right way to pass a credential.
     */
    REFERENCE,
    /** The value is a template, a masked or example value, or too weak to be real. */
    PLACEHOLDER,
    /** The value looks like a real literal. */
    LITERAL
}
