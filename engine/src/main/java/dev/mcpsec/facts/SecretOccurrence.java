package dev.mcpsec.facts;

/**
 * The same secret value (by salted fingerprint) found outside MCP configs.
 *
 * @param context {@code env-file}, {@code ci}, {@code compose} or {@code manifest}
 * @param variable the name it is assigned to there, or null
 */
public record SecretOccurrence(
        String fingerprint, String file, int line, int column, String context, String variable)
        implements Fact {
    @Override
    public String subject() {
        return "occurrence:" + fingerprint;
    }
}
