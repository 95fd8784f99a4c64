package dev.mcpsec.api;

/** Something the scan skipped or could not do (a limit hit, an unreadable file); the scan went on. */
public record ScanWarning(String file, int line, String message) {
    @Override
    public String toString() {
        return (file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ") + message;
    }
}
