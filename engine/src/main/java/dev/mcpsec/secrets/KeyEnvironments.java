package dev.mcpsec.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which environment a server's keys belong to, read from the other values the server is given: many
 * providers say live or test not in the key but in a setting beside it ({@code
 * PAYPAL_ENVIRONMENT=PRODUCTION}, {@code PLAID_ENV=sandbox}, {@code SQUARE_ENVIRONMENT=sandbox}, a
 * Razorpay key id {@code rzp_live_…}). The settings are data ({@link
 * DetectorOptions#liveSettings()}, {@link DetectorOptions#testSettings()}): {@code NAME=value}
 * patterns, compared without regard to case, where {@code *} matches any run of characters.
 */
public final class KeyEnvironments {

    /** The environment a server's settings give its keys. */
    public record Verdict(String tier, String setting) {}

    private static final int MAX_PATTERN = 200;

    /**
     * The compiled name and value globs of each {@code NAME=value} pattern: a scan asks for every
     * server, and compiling them each time was a fifth of a large scan's fact collection. The
     * patterns come from the bundles' data lists, so the set is small; it is emptied should it ever
     * grow past {@link #MAX_CACHED} (a long-lived JVM scanning with many different bundles).
     */
    private static final int MAX_CACHED = 4096;

    private static final Map<String, Pattern[]> CACHE = new ConcurrentHashMap<>();

    private KeyEnvironments() {}

    /**
     * Fails with a message naming the pattern when it is not {@code NAME=value} or too long.
     *
     * @throws IllegalArgumentException for a malformed pattern
     */
    public static void check(String setting) {
        if (setting == null
                || setting.length() > MAX_PATTERN
                || setting.indexOf('=') <= 0
                || setting.indexOf('=') == setting.length() - 1) {
            throw new IllegalArgumentException(
                    "key-environments entry must be NAME=value (at most "
                            + MAX_PATTERN
                            + " characters, * as a wildcard), was: "
                            + setting);
        }
    }

    /**
     * The tier the settings give the keys: {@code live} when one matches a live pattern (live wins
     * when both match: the safer reading), {@code test} when one matches a test pattern, empty
     * otherwise. Option names are compared as environment names: {@code --paypal-environment} reads
     * as {@code PAYPAL_ENVIRONMENT}.
     *
     * @param settings the server's values by name (env variables, options); values may be null
     */
    public static Optional<Verdict> of(Map<String, String> settings, DetectorOptions options) {
        Optional<Verdict> live = first(settings, options.liveSettings(), "live");
        return live.isPresent() ? live : first(settings, options.testSettings(), "test");
    }

    private static Optional<Verdict> first(
            Map<String, String> settings, List<String> patterns, String tier) {
        if (patterns.isEmpty()) {
            return Optional.empty();
        }
        // the settings that say something (set, and not read from elsewhere), in their order
        List<Map.Entry<String, String>> told = new ArrayList<>();
        for (Map.Entry<String, String> s : settings.entrySet()) {
            if (s.getKey() != null
                    && s.getValue() != null
                    && !s.getValue().isBlank()
                    && ReferenceExtractor.find(s.getValue()).isEmpty()) {
                told.add(Map.entry(envName(s.getKey()), s.getValue().strip()));
            }
        }
        if (told.isEmpty()) {
            return Optional.empty();
        }
        for (String pattern : patterns) {
            Pattern[] compiled = compiled(pattern);
            for (Map.Entry<String, String> s : told) {
                if (compiled[0].matcher(s.getKey()).matches()
                        && compiled[1].matcher(s.getValue()).matches()) {
                    return Optional.of(new Verdict(tier, s.getKey()));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code --paypal-environment} → {@code PAYPAL_ENVIRONMENT}. */
    static String envName(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '-') {
            i++;
        }
        return name.substring(i).replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static Pattern[] compiled(String pattern) {
        Pattern[] found = CACHE.get(pattern);
        if (found != null) {
            return found;
        }
        if (CACHE.size() >= MAX_CACHED) {
            CACHE.clear();
        }
        int eq = pattern.indexOf('=');
        Pattern[] made = {glob(pattern.substring(0, eq)), glob(pattern.substring(eq + 1))};
        CACHE.put(pattern, made);
        return made;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', start)) {
            regex.append(Pattern.quote(glob.substring(start, star))).append(".*");
            start = star + 1;
        }
        regex.append(Pattern.quote(glob.substring(start)));
        return Pattern.compile(
                regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
