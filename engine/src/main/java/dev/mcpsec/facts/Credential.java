package dev.mcpsec.facts;

/**
 * A literal secret handed to a server. References and placeholders never become credentials.
 *
 * @param location where in the entry: {@code env.NAME}, {@code headers.NAME}, {@code args[3]},
 *     {@code url}, or {@code envFile:NAME} for an env file the config loads
 * @param variable the env/header/flag name that carries it, or null
 * @param kind detector kind, e.g. {@code stripe-secret}, {@code github-classic}, {@code generic}
 * @param tier {@code live}, {@code test}, {@code admin}, {@code public}, {@code dev} or {@code
 *     unknown}
 * @param masked safe display form, e.g. {@code sk_live_…a1B2}
 * @param fingerprint salted SHA-256 of the value (per repository), for joins with other facts
 * @param detector which detector step decided, for {@code explain}
 * @param confidence {@code high}, {@code medium} or {@code low}
 * @param expiring the kind expires by itself (short-lived tokens)
 * @param tracked the file holding it is tracked by git
 * @param ignored the file holding it is ignored by git
 * @param reference what to write instead of the literal in this client's syntax, e.g. {@code
 *     ${env:STRIPE_API_KEY}}
 */
public record Credential(
        String file,
        int line,
        int column,
        String server,
        String client,
        String location,
        String variable,
        String kind,
        String tier,
        String masked,
        String fingerprint,
        String detector,
        String confidence,
        boolean expiring,
        boolean tracked,
        boolean ignored,
        String reference)
        implements Fact {
    @Override
    public String subject() {
        return "credential:" + location;
    }

    /** A builder, so that seventeen fields are never passed by position. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Credential} by field name; unset fields are null, 0 or false. */
    public static final class Builder {
        private String file;
        private int line;
        private int column;
        private String server;
        private String client;
        private String location;
        private String variable;
        private String kind;
        private String tier;
        private String masked;
        private String fingerprint;
        private String detector;
        private String confidence;
        private boolean expiring;
        private boolean tracked;
        private boolean ignored;
        private String reference;

        private Builder() {}

        public Builder file(String value) {
            this.file = value;
            return this;
        }

        public Builder line(int value) {
            this.line = value;
            return this;
        }

        public Builder column(int value) {
            this.column = value;
            return this;
        }

        public Builder server(String value) {
            this.server = value;
            return this;
        }

        public Builder client(String value) {
            this.client = value;
            return this;
        }

        public Builder location(String value) {
            this.location = value;
            return this;
        }

        public Builder variable(String value) {
            this.variable = value;
            return this;
        }

        public Builder kind(String value) {
            this.kind = value;
            return this;
        }

        public Builder tier(String value) {
            this.tier = value;
            return this;
        }

        public Builder masked(String value) {
            this.masked = value;
            return this;
        }

        public Builder fingerprint(String value) {
            this.fingerprint = value;
            return this;
        }

        public Builder detector(String value) {
            this.detector = value;
            return this;
        }

        public Builder confidence(String value) {
            this.confidence = value;
            return this;
        }

        public Builder expiring(boolean value) {
            this.expiring = value;
            return this;
        }

        public Builder tracked(boolean value) {
            this.tracked = value;
            return this;
        }

        public Builder ignored(boolean value) {
            this.ignored = value;
            return this;
        }

        public Builder reference(String value) {
            this.reference = value;
            return this;
        }

        public Credential build() {
            return new Credential(
                    file,
                    line,
                    column,
                    server,
                    client,
                    location,
                    variable,
                    kind,
                    tier,
                    masked,
                    fingerprint,
                    detector,
                    confidence,
                    expiring,
                    tracked,
                    ignored,
                    reference);
        }
    }
}
