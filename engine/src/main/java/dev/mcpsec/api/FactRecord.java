package dev.mcpsec.api;

import java.util.Map;

/**
 * One fact the rules see, as {@code mcpsec facts} shows it: its type (the DRL pattern name) and its
 * fields in declaration order. Secret-shaped parts of every text are masked; no whole secret is
 * ever held here.
 */
public record FactRecord(String type, Map<String, Object> fields) {}
