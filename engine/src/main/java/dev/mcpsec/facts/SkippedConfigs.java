package dev.mcpsec.facts;

/**
 * Config files that were found (or would have been) but not scanned because a limit stopped the
 * scan: {@code maxFiles} ended discovery, or {@code scanTimeout} ended parsing.
 *
 * @param file the first file not scanned, when known (else {@code .}, the scan root)
 * @param limit the limit's name, e.g. {@code maxFiles}
 * @param detail what was left out, e.g. {@code more than 20000 config files}
 */
public record SkippedConfigs(String file, String limit, String detail) implements Fact {
    @Override
    public int line() {
        return 0;
    }

    @Override
    public int column() {
        return 0;
    }

    @Override
    public String subject() {
        return "skipped:" + limit;
    }
}
