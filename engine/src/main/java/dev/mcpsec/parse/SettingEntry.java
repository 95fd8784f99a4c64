package dev.mcpsec.parse;

/**
 * An approval/trust switch read from a file, flattened to a dotted key; one entry per list item.
 * {@code server} is set for per-server switches such as {@code autoApprove} or {@code trust}.
 */
public record SettingEntry(String key, String value, String server, int line, int column) {}
