package dev.mcpsec.secrets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a detector needs to know about a value's name, computed once per distinct name: configs
 * repeat the same few dozen names across thousands of values.
 */
record NameInfo(
        List<String> words,
        boolean secretName,
        boolean awsSecret,
        boolean notion,
        boolean brave,
        boolean production,
        boolean development,
        boolean strongSecret,
        boolean serviceRole) {

    static final NameInfo NONE =
            new NameInfo(List.of(), false, false, false, false, false, false, false, false);

    /** True when one of the name's words is {@code word}. */
    boolean has(String word) {
        return words.contains(word);
    }

    /**
     * A bounded per-detector cache; cleared whole when full, which keeps it simple and its memory
     * fixed.
     */
    static final class Cache {
        private static final int MAX = 4_096;
        private final Map<String, NameInfo> cache = new ConcurrentHashMap<>();
        private final DetectorOptions options;

        Cache(DetectorOptions options) {
            this.options = options;
        }

        NameInfo of(String name) {
            if (name == null || name.isEmpty()) {
                return NONE;
            }
            NameInfo info = cache.get(name);
            if (info == null) {
                if (cache.size() >= MAX) {
                    cache.clear();
                }
                info = compute(name);
                cache.put(name, info);
            }
            return info;
        }

        private NameInfo compute(String name) {
            List<String> words = List.copyOf(SecretNames.words(name));
            return new NameInfo(
                    words,
                    SecretNames.isSecretName(words),
                    SecretNames.isAwsSecretName(words),
                    words.contains("notion"),
                    words.contains("brave")
                            || String.join("-", words).equals("x-subscription-token"),
                    SecretNames.hasMarker(words, options.productionMarkers()),
                    SecretNames.hasMarker(words, options.devMarkers()),
                    SecretNames.isStrongSecretName(words),
                    SecretNames.isServiceRoleName(words));
        }
    }
}
