package dev.mcpsec.secrets;

import java.util.List;
import java.util.Locale;

/**
 * Tunables of {@link SecretDetector}: the words that mark a name or host production or development
 * (orgs extend them through bundle data), the longest value inspected, and the settings that say
 * which environment a server's keys belong to (bundle data {@code key-environments}).
 *
 * @param productionMarkers words (case-insensitive) that make a variable name or host production,
 *     e.g. PROD
 * @param devMarkers words that make a variable name or host development, e.g. DEV, STAGING
 * @param maxValueLength values longer than this are skipped with a note
 * @param liveSettings {@code NAME=value} patterns whose presence makes a server's keys of unknown
 *     tier live, e.g. {@code SQUARE_ENVIRONMENT=production}
 * @param testSettings patterns that make them test, e.g. {@code PLAID_ENV=sandbox}
 */
public record DetectorOptions(
        List<String> productionMarkers,
        List<String> devMarkers,
        int maxValueLength,
        List<String> liveSettings,
        List<String> testSettings) {

    /**
     * Options without key-environment settings.
     *
     * @see #withKeyEnvironments(List, List)
     */
    public DetectorOptions(
            List<String> productionMarkers, List<String> devMarkers, int maxValueLength) {
        this(productionMarkers, devMarkers, maxValueLength, List.of(), List.of());
    }

    /** Default production markers. */
    public static final List<String> DEFAULT_PRODUCTION_MARKERS =
            List.of("prod", "production", "live", "prd");

    /** Default development markers. */
    public static final List<String> DEFAULT_DEV_MARKERS =
            List.of(
                    "dev",
                    "development",
                    "test",
                    "testing",
                    "local",
                    "staging",
                    "stage",
                    "sandbox",
                    "demo",
                    "qa");

    public DetectorOptions {
        productionMarkers =
                productionMarkers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
        devMarkers = devMarkers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
        liveSettings = List.copyOf(liveSettings);
        testSettings = List.copyOf(testSettings);
        for (String setting : liveSettings) {
            KeyEnvironments.check(setting);
        }
        for (String setting : testSettings) {
            KeyEnvironments.check(setting);
        }
        if (maxValueLength < 1) {
            throw new IllegalArgumentException(
                    "maxValueLength must be positive, was " + maxValueLength);
        }
    }

    /** The documented defaults: the marker lists above and 64 KiB values. */
    public static DetectorOptions defaults() {
        return new DetectorOptions(DEFAULT_PRODUCTION_MARKERS, DEFAULT_DEV_MARKERS, 64 * 1024);
    }

    /** A copy with other production markers. */
    public DetectorOptions withProductionMarkers(List<String> markers) {
        return new DetectorOptions(markers, devMarkers, maxValueLength, liveSettings, testSettings);
    }

    /** A copy with other development markers. */
    public DetectorOptions withDevMarkers(List<String> markers) {
        return new DetectorOptions(
                productionMarkers, markers, maxValueLength, liveSettings, testSettings);
    }

    /** A copy with another value length limit. */
    public DetectorOptions withMaxValueLength(int max) {
        return new DetectorOptions(productionMarkers, devMarkers, max, liveSettings, testSettings);
    }

    /**
     * A copy with other key-environment settings: {@code NAME=value} patterns ({@code *} matches
     * any run of characters, case-insensitive) that make a server's keys live or test, e.g. {@code
     * PAYPAL_ENVIRONMENT=production} or {@code *=rzp_live_*}; see {@link KeyEnvironments}.
     */
    public DetectorOptions withKeyEnvironments(List<String> live, List<String> test) {
        return new DetectorOptions(productionMarkers, devMarkers, maxValueLength, live, test);
    }
}
