package dev.mcpsec.secrets;

import java.util.List;

/**
 * The placeholder classifier's verdict on one value, with the step that decided it.
 *
 * @param verdict reference, placeholder or literal
 * @param step the deciding step of secrets.md, 1 to 9
 * @param reason why, naming the step, e.g. {@code step 6 body word 'your'}; never contains the
 *     value
 * @param references variables referenced by the value (empty unless {@code verdict} is REFERENCE)
 * @param checksum the checksum outcome for formats that carry one
 */
public record Classification(
        Verdict verdict, int step, String reason, List<Reference> references, Checksum checksum) {

    public Classification {
        references = List.copyOf(references);
    }

    static Classification placeholder(int step, String reason) {
        return new Classification(
                Verdict.PLACEHOLDER,
                step,
                "step " + step + " " + reason,
                List.of(),
                Checksum.NOT_APPLICABLE);
    }

    static Classification literal(int step, String reason, Checksum checksum) {
        return new Classification(
                Verdict.LITERAL, step, "step " + step + " " + reason, List.of(), checksum);
    }

    /** {@code reference}, {@code placeholder} or {@code literal}, for explanations. */
    public String noun() {
        return verdict.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when the value must not be reported as a secret. */
    public boolean isPlaceholderOrReference() {
        return verdict != Verdict.LITERAL;
    }
}
