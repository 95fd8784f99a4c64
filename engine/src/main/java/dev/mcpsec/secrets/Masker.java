package dev.mcpsec.secrets;

/**
 * Turns a secret into its display form: known prefix, an ellipsis and the last 4 characters ({@code
 * sk_live_…a1B2}).
 */
public final class Masker {

    /**
     * Bodies shorter than this are masked whole: their last 4 characters would give too much away.
     */
    static final int MIN_BODY_FOR_TAIL = 12;

    private Masker() {}

    /**
     * The masked form of {@code secret}; never returns more than the known prefix and the last 4
     * characters.
     */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        if (secret.startsWith("-----BEGIN")) {
            int end = secret.indexOf("-----", 10);
            // the PEM header is public, but only a value with a body after it is a key rather than
            // the header alone
            if (end >= 0 && end + 5 < secret.length()) {
                return secret.substring(0, end + 5) + "…";
            }
        }
        String prefix = KnownPrefixes.of(secret);
        String body = secret.substring(prefix.length());
        if (body.isEmpty()) {
            return "****";
        }
        if (body.length() < MIN_BODY_FOR_TAIL) {
            return prefix + "****";
        }
        return prefix + "…" + body.substring(body.length() - 4);
    }

    /**
     * A display string (URL, package spec, image name, command line, setting value) with every part
     * that may be a credential masked as {@link #mask} masks finding values, and everything else as
     * written. Every string that leaves the engine and is not a finding value passes through here.
     */
    public static String display(String text) {
        return DisplayMasker.mask(text);
    }
}
