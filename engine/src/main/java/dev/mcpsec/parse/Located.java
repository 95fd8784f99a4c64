package dev.mcpsec.parse;

/**
 * A string value from a config file with the 1-based line and column where it starts (0 when
 * unknown).
 */
public record Located(String value, int line, int column) {}
