package dev.mcpsec.facts;

/**
 * A literal secret handed to a server. References and placeholders never become credentials.
 *
 * @param location where in the entry: {@code env.NAME}, {@code headers.NAME}, {@code args[3]}, {@code url},
 *                 or {@code envFile:NAME} for an env file the config loads
 * @param variable the env/header/flag name that carries it, or null
 * @param kind detector kind, e.g. {@code stripe-secret}, {@code github-classic}, {@code generic}
 * @param tier {@code live}, {@code test}, {@code admin}, {@code public}, {@code dev} or {@code unknown}
 * @param masked safe display form, e.g. {@code sk_live_…a1B2}
 * @param fingerprint salted SHA-256 of the value (per repository), for joins with other facts
 * @param detector which detector step decided, for {@code explain}
 * @param confidence {@code high}, {@code medium} or {@code low}
 * @param expiring the kind expires by itself (short-lived tokens)
 * @param tracked the file holding it is tracked by git
 * @param ignored the file holding it is ignored by git
 * @param reference what to write instead of the literal in this client's syntax, e.g. {@code ${env:STRIPE_API_KEY}}
 */
public record Credential(String file, int line, int column, String server, String client, String location,
                         String variable, String kind, String tier, String masked, String fingerprint,
                         String detector, String confidence, boolean expiring, boolean tracked,
                         boolean ignored, String reference) implements Fact {
    @Override
    public String subject() {
        return "credential:" + location;
    }
}
