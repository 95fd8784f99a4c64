package dev.mcpsec.secrets;

import dev.mcpsec.facts.Names;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The detectors that need more than a provider regex: keys, connection strings, headers, URLs and
 * secret names.
 */
final class ContextDetectors {

    static final Pattern JWT =
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
    private static final Pattern PRIVATE_KEY =
            Pattern.compile("-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY-----");
    private static final Pattern AWS_SECRET = Pattern.compile("[A-Za-z0-9/+]{40}");
    private static final Pattern BEARER =
            Pattern.compile("(?i)^\\s*(?:bearer|token)\\s+(\\S+)\\s*$");
    private static final Pattern BASIC = Pattern.compile("(?i)^\\s*basic\\s+(\\S+)\\s*$");
    private static final Pattern URL_USERINFO =
            Pattern.compile(
                    "\\b([A-Za-z][A-Za-z0-9+.-]{1,20})://([^\\s\"'<>/?#@:]*):([^\\s\"'<>/?#@]+)@");
    private static final Pattern QUERY_SECRET =
            Pattern.compile(
                    "(?i)[?&;]((?:api[_-]?)?key|apikey|token|"
                            + "access[_-]?token|auth[_-]?token|api[_-]?token|secret|client[_-]?secret|password|pwd|sig)=([^&#\\s\"']+)");

    /**
     * A key or credentials file named by a relative path: {@code keys/app.pem}, {@code sa.json}.
     */
    private static final Pattern KEY_FILE =
            Pattern.compile("(?i)[\\w.\\\\/-]+\\.(pem|key|p12|pfx|crt|cer|der|jks|json)");

    /** An upper-case variable name such as {@code PROD_DB_PASSWORD}: names a secret, is none. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");

    /** A value with a path separator or a file extension: judged by random shape only. */
    private static final Pattern FILE_OR_IDENTIFIER =
            Pattern.compile("(?i:.*[/\\\\].*|.*\\.(pem|key|json|p12|pfx|crt|cer|der|txt|env|jks))");

    private static final List<String> DB_SCHEMES =
            List.of(
                    "postgres",
                    "postgresql",
                    "mysql",
                    "mysqlx",
                    "mariadb",
                    "mongodb",
                    "mongodb+srv",
                    "redis",
                    "rediss",
                    "amqp",
                    "amqps",
                    "mssql",
                    "sqlserver");

    private final PlaceholderClassifier classifier;

    ContextDetectors(PlaceholderClassifier classifier) {
        this.classifier = classifier;
    }

    void privateKeys(Scan scan) {
        if (scan.value.indexOf("PRIVATE KEY-----") < 0) {
            return;
        }
        Matcher m = PRIVATE_KEY.matcher(scan.value);
        while (m.find()) {
            int footer = scan.value.indexOf("-----END", m.end());
            int footerEnd = footer < 0 ? -1 : scan.value.indexOf("-----", footer + 8);
            int end = footerEnd < 0 ? scan.value.length() : footerEnd + 5;
            String block = scan.value.substring(m.start(), end);
            String body =
                    scan.value
                            .substring(m.end(), footer < 0 ? scan.value.length() : footer)
                            .replace("\\n", "")
                            .replace("\\r", "")
                            .replaceAll("\\s+", "");
            boolean encrypted = m.group().contains("ENCRYPTED") || body.contains("ENCRYPTED");
            if (body.length() < 64) {
                scan.explain(
                        "private-key candidate is a placeholder: body shorter than 64 characters");
                continue;
            }
            Classification c = classifier.classify(body);
            if (c.isPlaceholderOrReference()) {
                scan.explain("private-key candidate is a " + c.noun() + ": " + c.reason());
                continue;
            }
            String confidence = footer < 0 ? "low" : encrypted ? "medium" : "high";
            scan.add(
                    new Detection(
                            "private-key",
                            "unknown",
                            "unknown",
                            Masker.mask(block),
                            confidence,
                            "private-key"
                                    + (encrypted ? " (encrypted)" : "")
                                    + (footer < 0 ? " (no END line)" : ""),
                            false,
                            block,
                            m.start()));
        }
    }

    void awsSecretKey(Scan scan) {
        String v = scan.value.strip();
        if (!AWS_SECRET.matcher(v).matches() || scan.overlaps(0, scan.value.length())) {
            return;
        }
        Classification c = classifier.classify(v);
        if (c.isPlaceholderOrReference()) {
            scan.explain("aws-secret-key candidate is a " + c.noun() + ": " + c.reason());
            return;
        }
        scan.add(
                new Detection(
                        "aws-secret-key",
                        "unknown",
                        "aws",
                        Masker.mask(v),
                        "high",
                        "aws-secret-key by name (" + c.reason() + ")",
                        false,
                        v,
                        scan.value.indexOf(v)));
    }

    void databases(Scan scan) {
        for (DatabaseUrls.Parsed p : DatabaseUrls.find(scan.value)) {
            boolean loopback = Names.loopbackHost(p.host());
            boolean hasPassword = p.password() != null && !p.password().isEmpty();
            Detection password = null;
            if (hasPassword) {
                Classification c = classifier.classifyPassword(p.password());
                if (c.isPlaceholderOrReference()) {
                    scan.explain(
                            "database-password for "
                                    + p.scheme()
                                    + " is a "
                                    + c.noun()
                                    + ": "
                                    + c.reason());
                } else if (!scan.overlaps(
                        p.passwordStart(), p.passwordStart() + p.password().length())) {
                    password =
                            new Detection(
                                    "database-password",
                                    databaseTier(scan, p, loopback),
                                    p.scheme(),
                                    Masker.mask(p.password()),
                                    strength(p.password()),
                                    "database-url " + p.scheme() + " (" + c.reason() + ")",
                                    false,
                                    p.password(),
                                    p.passwordStart());
                    scan.explain("database-password found in a " + p.scheme() + " URL");
                }
            }
            scan.databases.add(
                    new DbUrl(
                            p.scheme(),
                            p.host(),
                            p.port(),
                            p.database(),
                            p.user(),
                            hasPassword,
                            loopback,
                            password));
        }
    }

    private static String databaseTier(Scan scan, DatabaseUrls.Parsed p, boolean loopback) {
        List<String> words = new java.util.ArrayList<>(SecretNames.words(p.host()));
        words.addAll(SecretNames.words(p.database()));
        words.addAll(scan.name.words());
        if (SecretNames.hasMarker(words, scan.options.productionMarkers())) {
            return "live";
        }
        return loopback || SecretNames.hasMarker(words, scan.options.devMarkers())
                ? "dev"
                : "unknown";
    }

    void authorization(Scan scan) {
        String v = scan.value;
        int i = 0;
        while (i < v.length() && Character.isWhitespace(v.charAt(i))) {
            i++;
        }
        if (!(v.regionMatches(true, i, "bearer ", 0, 7)
                || v.regionMatches(true, i, "basic ", 0, 6)
                || v.regionMatches(true, i, "token ", 0, 6))) {
            return;
        }
        Matcher basic = BASIC.matcher(scan.value);
        if (basic.matches()) {
            basicAuth(scan, basic.group(1), basic.start(1));
            return;
        }
        Matcher bearer = BEARER.matcher(scan.value);
        if (bearer.matches()) {
            randomLiteral(
                    scan, bearer.group(1), bearer.start(1), "bearer-token", "authorization bearer");
        }
    }

    private void basicAuth(Scan scan, String token, int start) {
        if (scan.overlaps(start, start + token.length())) {
            return;
        }
        String decoded = decodeBase64(token);
        int colon = decoded == null ? -1 : decoded.indexOf(':');
        if (colon < 0) {
            randomLiteral(
                    scan, token, start, "basic-auth", "authorization basic (not user:password)");
            return;
        }
        Classification c = classifier.classifyPassword(decoded.substring(colon + 1));
        if (c.isPlaceholderOrReference()) {
            scan.explain("basic-auth password is a " + c.noun() + ": " + c.reason());
            return;
        }
        scan.add(
                new Detection(
                        "basic-auth",
                        "unknown",
                        "unknown",
                        Masker.mask(token),
                        "medium",
                        "authorization basic (" + c.reason() + ")",
                        false,
                        token,
                        start));
    }

    void urlCredentials(Scan scan) {
        Matcher u = URL_USERINFO.matcher(scan.value);
        while (u.find()) {
            String scheme = u.group(1).toLowerCase(Locale.ROOT);
            if (DB_SCHEMES.contains(scheme) || scan.overlaps(u.start(3), u.end(3))) {
                continue;
            }
            Classification c = classifier.classifyPassword(u.group(3));
            if (c.isPlaceholderOrReference()) {
                scan.explain("url-password is a " + c.noun() + ": " + c.reason());
                continue;
            }
            scan.add(
                    new Detection(
                            "url-password",
                            "unknown",
                            "unknown",
                            Masker.mask(u.group(3)),
                            strength(u.group(3)),
                            "url userinfo (" + c.reason() + ")",
                            false,
                            u.group(3),
                            u.start(3)));
        }
        Matcher q = QUERY_SECRET.matcher(scan.value);
        while (q.find()) {
            randomLiteral(
                    scan,
                    q.group(2),
                    q.start(2),
                    "url-query-token",
                    "url query parameter '" + q.group(1) + "'");
        }
    }

    void generic(Scan scan) {
        String v = scan.value.strip();
        if (v.indexOf(' ') >= 0
                || v.indexOf("://") >= 0
                || v.startsWith("/")
                || v.startsWith("~")
                || v.startsWith("./")
                || isWindowsPath(v)
                || KEY_FILE.matcher(v).matches()) {
            scan.explain(
                    "generic: secret-named value looks like a path, URL or sentence; not judged");
            return;
        }
        if (VARIABLE_NAME.matcher(v).matches()) {
            scan.explain("generic: secret-named value is a variable name (" + v + "), not judged");
            return;
        }
        if (scan.name.strongSecret()) {
            namedLiteral(scan, v, scan.value.indexOf(v));
            return;
        }
        randomLiteral(scan, v, scan.value.indexOf(v), "generic", "generic secret name");
    }

    /**
     * A literal under a name that says "credential" on its own ({@code DATABASE_PASSWORD}, {@code
     * *_SECRET_KEY}, {@code *_PRIVATE_KEY}): reported whatever its shape (a passphrase of
     * lower-case words is still a password), unless the classifier calls it a placeholder or a
     * default password.
     */
    private void namedLiteral(Scan scan, String token, int start) {
        if (scan.overlaps(start, start + token.length())) {
            return;
        }
        if (FILE_OR_IDENTIFIER.matcher(token).matches()) {
            // could be a path or a variable name: judged by shape alone, as for any secret name
            randomLiteral(scan, token, start, "generic", "generic secret name");
            return;
        }
        Classification c = classifier.classify(token);
        if (c.isPlaceholderOrReference()) {
            scan.explain("generic candidate is a " + c.noun() + ": " + c.reason());
            return;
        }
        Classification weak = classifier.classifyPassword(token);
        if (weak.isPlaceholderOrReference()) {
            scan.explain("generic candidate is a " + weak.noun() + ": " + weak.reason());
            return;
        }
        boolean random = looksRandom(token);
        scan.add(
                new Detection(
                        "generic",
                        "unknown",
                        "unknown",
                        Masker.mask(token),
                        random && strength(token).equals("high") ? "medium" : "low",
                        "credential by name ("
                                + c.reason()
                                + (random ? "" : "; not random-looking, reported for its name")
                                + ")",
                        false,
                        token,
                        start));
    }

    private static boolean isWindowsPath(String v) {
        return v.length() >= 3
                && Character.isLetter(v.charAt(0))
                && v.charAt(1) == ':'
                && v.charAt(2) == '\\';
    }

    private void randomLiteral(Scan scan, String token, int start, String kind, String detector) {
        if (scan.overlaps(start, start + token.length())) {
            return;
        }
        Classification c = classifier.classify(token);
        if (c.isPlaceholderOrReference()) {
            scan.explain(kind + " candidate is a " + c.noun() + ": " + c.reason());
            return;
        }
        if (!looksRandom(token)) {
            scan.explain(kind + " candidate is not random enough to be a secret");
            return;
        }
        scan.add(
                new Detection(
                        kind,
                        "unknown",
                        "unknown",
                        Masker.mask(token),
                        strength(token).equals("high") ? "medium" : "low",
                        detector + " (" + c.reason() + ")",
                        false,
                        token,
                        start));
    }

    /**
     * Enough variety to be machine-generated: two character classes, six distinct characters,
     * entropy.
     */
    static boolean looksRandom(String s) {
        if (s.length() < PlaceholderClassifier.MIN_LENGTH) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (classes < 2 || s.chars().distinct().count() < 6) {
            return false;
        }
        if (!upper && !digit) {
            // lower-case words and punctuation ("local-only", "sk-no-key-required"): written, not
            // generated
            return false;
        }
        return s.length() < 16 || Randomness.entropy(s) >= 3.0;
    }

    private static String strength(String secret) {
        return secret.length() >= 12 && Randomness.entropy(secret) >= 3.0 ? "high" : "medium";
    }

    private static String decodeBase64(String token) {
        try {
            byte[] bytes = Base64.getDecoder().decode(token);
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }
}
