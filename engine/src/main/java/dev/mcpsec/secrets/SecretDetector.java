package dev.mcpsec.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Finds literal credentials in one value: provider formats, database URLs, private keys,
 * Authorization headers, URL credentials and secret-named keys with random-looking values, each
 * judged by the {@link PlaceholderClassifier}. Thread-safe and stateless apart from its options.
 */
public final class SecretDetector {

    private static final int MIN_PROVIDER_LENGTH = 20;
    private static final ValueAnalysis EMPTY =
            new ValueAnalysis(List.of(), List.of(), List.of(), List.of());

    private final DetectorOptions options;
    private final PlaceholderClassifier classifier = new PlaceholderClassifier();
    private final List<ProviderRule> rules = ProviderRule.builtIn();
    private final ContextDetectors contextDetectors;
    private final NameInfo.Cache names;

    /** A detector with {@link DetectorOptions#defaults()}. */
    public SecretDetector() {
        this(DetectorOptions.defaults());
    }

    /** A detector with the given marker lists and limits. */
    public SecretDetector(DetectorOptions options) {
        this.options = options;
        this.contextDetectors = new ContextDetectors(classifier);
        this.names = new NameInfo.Cache(options);
    }

    /** The options this detector runs with. */
    public DetectorOptions options() {
        return options;
    }

    /** The classifier this detector judges candidates with. */
    public PlaceholderClassifier classifier() {
        return classifier;
    }

    /**
     * Analyses one value.
     *
     * @param name the env/header/flag name carrying the value, or null
     * @param value the value; null or empty gives an empty analysis
     * @param context where the value was found
     */
    public ValueAnalysis analyze(String name, String value, ValueContext context) {
        if (value == null || value.isBlank()) {
            return EMPTY;
        }
        if (value.length() > options.maxValueLength()) {
            return new ValueAnalysis(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(
                            "skipped: value of "
                                    + value.length()
                                    + " characters is longer than the limit of "
                                    + options.maxValueLength()));
        }
        Scan scan = new Scan(value, names.of(name), context, options);
        scan.references.addAll(classifier.references(value));
        for (Reference r : scan.references) {
            scan.explain("step 1 reference to " + r.syntax() + " variable '" + r.variable() + "'");
        }
        // Every provider format is at least 20 characters long: short values skip the regex work.
        if (value.length() >= MIN_PROVIDER_LENGTH) {
            contextDetectors.privateKeys(scan);
            jwts(scan);
            for (Map.Entry<String, ProviderRule> named : ProviderRule.BY_NAME.entrySet()) {
                if (scan.name.has(named.getKey()) && named.getValue().mayMatch(value)) {
                    provider(scan, named.getValue());
                }
            }
            for (ProviderRule rule : rules) {
                if (rule.mayMatch(value)) {
                    provider(scan, rule);
                }
            }
            if (scan.name.notion() && ProviderRule.NOTION_LEGACY.mayMatch(value)) {
                provider(scan, ProviderRule.NOTION_LEGACY);
            }
            if (scan.name.brave() && ProviderRule.BRAVE.mayMatch(value)) {
                provider(scan, ProviderRule.BRAVE);
            }
            if (scan.name.awsSecret()) {
                contextDetectors.awsSecretKey(scan);
            }
        }
        if (value.indexOf("://") >= 0) {
            contextDetectors.databases(scan);
            contextDetectors.urlCredentials(scan);
        }
        contextDetectors.authorization(scan);
        if (scan.detections.isEmpty() && scan.databases.isEmpty() && scan.name.secretName()) {
            if (scan.references.isEmpty()) {
                contextDetectors.generic(scan);
            } else {
                scan.explain("generic: secret-named value is a reference");
            }
        }
        if (scan.detections.isEmpty()
                && scan.databases.isEmpty()
                && scan.references.isEmpty()
                && scan.explanation.isEmpty()) {
            return EMPTY;
        }
        List<Detection> tiered = new ArrayList<>(scan.detections.size());
        for (Detection d : scan.detections) {
            tiered.add(scan.withMarkers(d));
        }
        tiered.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Detection> found = new ArrayList<>(tiered);
        scan.databases.stream()
                .filter(d -> d.password() != null)
                .forEach(d -> found.add(d.password()));
        if (found.isEmpty()) {
            return new ValueAnalysis(scan.references, tiered, scan.databases, scan.explanation);
        }
        List<Reference> references = new ArrayList<>(scan.references.size());
        for (Reference r : scan.references) {
            references.add(new Reference(redact(r.variable(), found), r.syntax()));
        }
        return new ValueAnalysis(
                references,
                tiered,
                scan.databases,
                scan.explanation.stream().map(line -> redact(line, found)).toList());
    }

    /**
     * Free-form reference syntaxes ({@code ${anything}}) can span a literal secret, and
     * explanations quote reference names: every detected secret is replaced by its masked form
     * there.
     */
    private static String redact(String text, List<Detection> secrets) {
        String out = text;
        for (Detection d : secrets) {
            if (!d.secret().isEmpty() && out.contains(d.secret())) {
                out = out.replace(d.secret(), d.masked());
            }
        }
        return out;
    }

    private void provider(Scan scan, ProviderRule rule) {
        Matcher m = rule.pattern().matcher(scan.value);
        while (m.find()) {
            if (scan.overlaps(m.start(), m.end())) {
                continue;
            }
            ProviderRule.Shape shape = rule.mapper().shape(m);
            String token = m.group();
            Classification c = classifier.classify(token);
            if (c.isPlaceholderOrReference()) {
                scan.explain(shape.kind() + " candidate is a " + c.noun() + ": " + c.reason());
                continue;
            }
            String confidence = c.checksum() == Checksum.INVALID ? "low" : "high";
            scan.add(
                    new Detection(
                            shape.kind(),
                            shape.tier(),
                            rule.provider(),
                            Masker.mask(token),
                            confidence,
                            rule.detector() + " (" + c.reason() + ")",
                            shape.expiring(),
                            token,
                            m.start()));
        }
    }

    private void jwts(Scan scan) {
        if (scan.value.indexOf("eyJ") < 0) {
            return;
        }
        Matcher m = ContextDetectors.JWT.matcher(scan.value);
        while (m.find()) {
            String token = m.group();
            Optional<Jwt.Claims> claims = Jwt.claims(token);
            if (claims.isEmpty()) {
                scan.explain("jwt-shaped value without a decodable payload: not judged as a JWT");
                continue;
            }
            Classification c = classifier.classify(token);
            if (c.isPlaceholderOrReference()) {
                scan.explain("jwt candidate is a " + c.noun() + ": " + c.reason());
                continue;
            }
            Jwt.Claims cl = claims.get();
            boolean supabase =
                    (cl.iss() != null && cl.iss().contains("supabase")) || cl.ref() != null;
            String kind;
            String tier;
            String provider = supabase ? "supabase" : "unknown";
            if ("service_role".equals(cl.role())) {
                kind = "supabase-service-role-jwt";
                tier = "live";
                provider = "supabase";
            } else if ("anon".equals(cl.role())) {
                kind = "supabase-anon-jwt";
                tier = "public";
                provider = "supabase";
            } else if (scan.name.serviceRole()) {
                // SUPABASE_SERVICE_ROLE_KEY: the name says what the key is, whatever its claims
                kind = "supabase-service-role-jwt";
                tier = "live";
                provider = "supabase";
            } else {
                kind = "jwt";
                tier = "unknown";
            }
            boolean signed = token.lastIndexOf('.') < token.length() - 1;
            String confidence = !signed ? "low" : kind.equals("jwt") ? "medium" : "high";
            boolean expiring = !supabase && !provider.equals("supabase") && cl.exp() != null;
            scan.add(
                    new Detection(
                            kind,
                            tier,
                            provider,
                            Masker.mask(token),
                            confidence,
                            "jwt role="
                                    + cl.role()
                                    + (kind.equals("supabase-service-role-jwt")
                                                    && !"service_role".equals(cl.role())
                                            ? " under a service-role name"
                                            : "")
                                    + " ("
                                    + c.reason()
                                    + ")",
                            expiring,
                            token,
                            m.start()));
        }
    }
}
