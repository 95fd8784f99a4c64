package dev.mcpsec.api;

/** A finding that a baseline entry or a configured suppression accepted, with the reason given. */
public record SuppressedFinding(Finding finding, String reason, String source) {}
