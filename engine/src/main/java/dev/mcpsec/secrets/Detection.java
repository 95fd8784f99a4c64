package dev.mcpsec.secrets;

/**
 * One literal credential found in a value. {@link #toString()} never shows {@link #secret()}.
 *
 * @param kind detector kind, e.g. {@code stripe-secret}, {@code github-classic}, {@code generic}
 * @param tier {@code live}, {@code test}, {@code admin}, {@code public}, {@code dev} or {@code
 *     unknown}
 * @param provider the issuing service, e.g. {@code stripe}; {@code unknown} for generic secrets
 * @param masked safe display form, e.g. {@code sk_live_…a1B2}
 * @param confidence {@code high}, {@code medium} or {@code low}
 * @param detector which detector matched and the classifier step that let it through, for {@code
 *     explain}
 * @param expiring the kind expires by itself (short-lived tokens)
 * @param secret the raw secret substring, for salted fingerprints only; never print it
 * @param start offset of the secret in the analysed value
 */
public record Detection(
        String kind,
        String tier,
        String provider,
        String masked,
        String confidence,
        String detector,
        boolean expiring,
        String secret,
        int start) {

    /** Offset just past the secret in the analysed value. */
    public int end() {
        return start + secret.length();
    }

    @Override
    public String toString() {
        return "Detection[kind="
                + kind
                + ", tier="
                + tier
                + ", provider="
                + provider
                + ", masked="
                + masked
                + ", confidence="
                + confidence
                + ", detector="
                + detector
                + ", expiring="
                + expiring
                + ", start="
                + start
                + "]";
    }
}
