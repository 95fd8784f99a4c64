package dev.mcpsec.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered placeholder classifier of secrets.md: references, wrapped or masked values, short
 * values, connection strings, published examples, placeholder words, low diversity and checksums,
 * first match wins.
 */
public final class PlaceholderClassifier {

    static final int MIN_LENGTH = 8;
    static final int MIN_PASSWORD_LENGTH = 4;
    private static final double WORDY = 0.6;

    private static final Set<String> PLACEHOLDER_WORDS =
            Set.of(
                    "your",
                    "my",
                    "example",
                    "sample",
                    "dummy",
                    "placeholder",
                    "changeme",
                    "replace",
                    "replaceme",
                    "insert",
                    "enter",
                    "here",
                    "todo",
                    "fake");
    private static final List<String[]> PLACEHOLDER_PHRASES =
            List.of(new String[] {"change", "me"}, new String[] {"test", "key"});
    private static final Set<String> WEAK_PASSWORDS =
            Set.of(
                    "password",
                    "pass",
                    "changeme",
                    "secret",
                    "root",
                    "admin",
                    "postgres",
                    "user",
                    "test",
                    "mysql",
                    "guest",
                    "example");
    private static final List<String> MASK_MARKERS = List.of("...", "…", "***", "••");

    /** The references of any interpolation syntax in {@code value}; empty when there are none. */
    public List<Reference> references(String value) {
        return ReferenceExtractor.find(value);
    }

    /** Classifies a whole value, stripping a known provider prefix before judging its body. */
    public Classification classify(String value) {
        Optional<Classification> early = referenceOrMasked(value);
        if (early.isPresent()) {
            return early.get();
        }
        String v = value.strip();
        if (v.length() < MIN_LENGTH) {
            return Classification.placeholder(3, "shorter than " + MIN_LENGTH + " characters");
        }
        Optional<String> urlPassword = DatabaseUrls.userinfoPassword(v);
        if (urlPassword.isPresent()) {
            Classification pw = classifyPassword(urlPassword.get());
            return pw.verdict() == Verdict.LITERAL
                    ? Classification.literal(
                            4, "URL password judged alone: " + pw.reason(), Checksum.NOT_APPLICABLE)
                    : new Classification(
                            pw.verdict(),
                            4,
                            "step 4 URL password: " + pw.reason(),
                            pw.references(),
                            Checksum.NOT_APPLICABLE);
        }
        Optional<Classification> example = publishedExample(v);
        if (example.isPresent()) {
            return example.get();
        }
        String prefix = KnownPrefixes.of(v);
        String body = v.substring(prefix.length());
        Optional<Classification> judged = wordsAndDiversity(body);
        if (judged.isPresent()) {
            return judged.get();
        }
        if (hasChecksum(prefix)) {
            boolean valid = GithubChecksum.isValid(body);
            return Classification.literal(
                    8,
                    valid ? "checksum valid" : "checksum invalid",
                    valid ? Checksum.VALID : Checksum.INVALID);
        }
        return Classification.literal(9, "literal", Checksum.NOT_APPLICABLE);
    }

    private static boolean hasChecksum(String prefix) {
        return prefix.equals("npm_")
                || (prefix.length() == 4
                        && prefix.startsWith("gh")
                        && prefix.charAt(3) == '_'
                        && "pousr".indexOf(prefix.charAt(2)) >= 0);
    }

    /**
     * Classifies the password part of a connection string or Basic credential, where shorter values
     * are real.
     */
    public Classification classifyPassword(String password) {
        Optional<Classification> early = referenceOrMasked(password);
        if (early.isPresent()) {
            return early.get();
        }
        String p = password.strip();
        if (p.length() < MIN_PASSWORD_LENGTH) {
            return Classification.placeholder(
                    3, "password shorter than " + MIN_PASSWORD_LENGTH + " characters");
        }
        String lower = p.toLowerCase(Locale.ROOT);
        if (WEAK_PASSWORDS.contains(lower)) {
            return Classification.placeholder(4, "default password '" + lower + "'");
        }
        Optional<Classification> example = publishedExample(p);
        if (example.isPresent()) {
            return example.get();
        }
        return wordsAndDiversity(p)
                .orElseGet(() -> Classification.literal(9, "literal", Checksum.NOT_APPLICABLE));
    }

    private Optional<Classification> referenceOrMasked(String value) {
        List<Reference> refs = ReferenceExtractor.find(value);
        if (!refs.isEmpty()) {
            return Optional.of(
                    new Classification(
                            Verdict.REFERENCE,
                            1,
                            "step 1 reference to "
                                    + refs.get(0).syntax()
                                    + " variable '"
                                    + refs.get(0).variable()
                                    + "'",
                            refs,
                            Checksum.NOT_APPLICABLE));
        }
        String v = value.strip();
        if (v.length() >= 2 && isWrapped(v.charAt(0), v.charAt(v.length() - 1))) {
            return Optional.of(
                    Classification.placeholder(
                            2, "wrapped in " + v.charAt(0) + v.charAt(v.length() - 1)));
        }
        for (String marker : MASK_MARKERS) {
            if (v.contains(marker)) {
                return Optional.of(Classification.placeholder(2, "masked with '" + marker + "'"));
            }
        }
        if (v.toLowerCase(Locale.ROOT).contains("redacted")) {
            return Optional.of(Classification.placeholder(2, "says 'redacted'"));
        }
        return Optional.empty();
    }

    private static boolean isWrapped(char first, char last) {
        return (first == '<' && last == '>')
                || (first == '[' && last == ']')
                || (first == '{' && last == '}');
    }

    private static boolean endsWithIgnoreCase(String v, String suffix) {
        return v.regionMatches(true, v.length() - suffix.length(), suffix, 0, suffix.length());
    }

    private static Optional<Classification> publishedExample(String v) {
        if (endsWithIgnoreCase(v, "EXAMPLE") || endsWithIgnoreCase(v, "EXAMPLEKEY")) {
            return Optional.of(
                    Classification.placeholder(5, "published example (ends with EXAMPLE)"));
        }
        if (v.startsWith("eyJ")) {
            Optional<Jwt.Claims> claims = Jwt.claims(v);
            if (claims.isPresent() && "supabase-demo".equals(claims.get().iss())) {
                return Optional.of(
                        Classification.placeholder(
                                5, "Supabase local-dev sample key (iss supabase-demo)"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Classification> wordsAndDiversity(String body) {
        // Random bodies split into short chunks by chance ("-my-"); only word-made bodies are read
        // for words.
        List<String> words =
                Randomness.wordyFraction(body) >= WORDY ? Randomness.words(body) : List.of();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (PLACEHOLDER_WORDS.contains(w)) {
                return Optional.of(Classification.placeholder(6, "body word '" + w + "'"));
            }
            if (w.length() >= 3 && w.chars().allMatch(c -> c == 'x')) {
                return Optional.of(Classification.placeholder(6, "body word 'xxx'"));
            }
            for (String[] phrase : PLACEHOLDER_PHRASES) {
                if (w.equals(phrase[0])
                        && i + 1 < words.size()
                        && words.get(i + 1).equals(phrase[1])) {
                    return Optional.of(
                            Classification.placeholder(
                                    6, "body words '" + phrase[0] + "_" + phrase[1] + "'"));
                }
            }
        }
        if (body.length() > 16) {
            int repeat = Randomness.longestRepeat(body);
            if (repeat >= 6) {
                return Optional.of(
                        Classification.placeholder(
                                7, "low diversity: one character repeated " + repeat + " times"));
            }
            int ascending = Randomness.longestAscending(body);
            if (ascending >= 8) {
                return Optional.of(
                        Classification.placeholder(
                                7, "low diversity: ascending run of " + ascending));
            }
            if (body.length() >= 20) {
                double h = Randomness.entropy(body);
                if (h < 3.0) {
                    return Optional.of(
                            Classification.placeholder(
                                    7,
                                    String.format(
                                            Locale.ROOT,
                                            "low diversity: entropy %.2f bits/char < 3.0",
                                            h)));
                }
            }
        }
        return Optional.empty();
    }
}
