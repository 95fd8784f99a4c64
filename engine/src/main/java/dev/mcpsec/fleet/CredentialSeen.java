package dev.mcpsec.fleet;

/**
 * A credential found in one repository, identified by a fleet-wide salted fingerprint (never the
 * value).
 *
 * @param fingerprint salted SHA-256 with the fleet's salt: the same value has the same fingerprint
 *     in every repository
 * @param kind detector kind, e.g. {@code stripe-secret}
 * @param tier {@code live}, {@code test}, ...
 * @param masked the masked display form ({@code sk_live_…a1B2})
 * @param file where it was seen, relative to the repository
 * @param server the server that receives it, or null
 * @param history true when it was seen only in git history
 */
public record CredentialSeen(
        String fingerprint,
        String kind,
        String tier,
        String masked,
        String file,
        String server,
        boolean history) {}
