package dev.mcpsec.api;

/**
 * One literal credential a config hands to a server, as reports show it: never the value, only its
 * masked form.
 *
 * @param file path relative to the scan root, or {@code ~/...} for user files
 * @param line 1-based line, 0 when unknown
 * @param server the server that receives it, or null when it is not inside a server entry
 * @param location where in the entry: {@code env.NAME}, {@code headers.NAME}, {@code args[3]},
 *     {@code url}, ...
 * @param kind detector kind, e.g. {@code stripe-secret}, {@code github-classic}, {@code generic}
 * @param tier {@code live}, {@code test}, {@code admin}, {@code public}, {@code dev} or {@code
 *     unknown}
 * @param masked safe display form, e.g. {@code sk_live_…a1B2}
 * @param tracked the file holding it is tracked by git
 */
public record CredentialSummary(
        String file,
        int line,
        String server,
        String client,
        String location,
        String kind,
        String tier,
        String masked,
        boolean tracked) {}
