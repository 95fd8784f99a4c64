package dev.mcpsec.facts;

/**
 * A fact that points at a place in a scanned file. The engine uses it to locate findings: a finding
 * points at the last matched fact of its rule that has a file.
 */
public interface Fact {
    /** Path relative to the scan root, forward slashes; {@code ~/...} for user-level files. */
    String file();

    /** 1-based line, 0 when unknown. */
    int line();

    /** 1-based column, 0 when unknown. */
    int column();

    /** The MCP server this fact is about, or null for file-level facts. */
    default String server() {
        return null;
    }

    /**
     * A line-independent identity inside the file (e.g. {@code env.STRIPE_KEY}), used for finding
     * fingerprints.
     */
    String subject();
}
