package dev.mcpsec.api;

/**
 * Something the scan skipped or could not do (a limit hit, an unreadable file); the scan went on.
 * {@code toString} is the one-line form every text channel prints, with control and bidi characters
 * escaped ({@link SafeText}).
 */
public record ScanWarning(String file, int line, String message) {
    @Override
    public String toString() {
        return SafeText.escape(
                (file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ") + message);
    }
}
