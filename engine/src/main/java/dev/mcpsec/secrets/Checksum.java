package dev.mcpsec.secrets;

/** Outcome of a format's offline checksum (GitHub classic family, npm). */
public enum Checksum {
    VALID,
    INVALID,
    NOT_APPLICABLE
}
