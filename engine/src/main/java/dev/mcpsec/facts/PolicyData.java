package dev.mcpsec.facts;

/**
 * One value of a data list a bundle ships ({@code data/*.json}), e.g. {@code
 * name=known-publishers}, {@code key=npm}, {@code value=@stripe/mcp}.
 */
public record PolicyData(String bundle, String name, String key, String value) {}
