package dev.mcpsec.parse;

/**
 * A value a config hands to the client outside any server entry, that may hold a secret: a VS Code
 * input's {@code default} ({@code inputs[].default}), used when the user only presses Enter at the
 * prompt.
 *
 * @param location where in the file, e.g. {@code inputs[0].default}
 * @param name the name it goes by (the input's {@code id}), or null
 */
public record FileValue(String location, String name, Located value) {}
