package dev.mcpsec.secrets;

import java.util.List;
import java.util.Locale;

/**
 * Tunables of {@link SecretDetector}: the words that mark a name or host production or development
 * (orgs extend them through bundle data) and the longest value inspected.
 *
 * @param productionMarkers words (case-insensitive) that make a variable name or host production,
 *     e.g. PROD
 * @param devMarkers words that make a variable name or host development, e.g. DEV, STAGING
 * @param maxValueLength values longer than this are skipped with a note
 */
public record DetectorOptions(
        List<String> productionMarkers, List<String> devMarkers, int maxValueLength) {

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
        return new DetectorOptions(markers, devMarkers, maxValueLength);
    }

    /** A copy with other development markers. */
    public DetectorOptions withDevMarkers(List<String> markers) {
        return new DetectorOptions(productionMarkers, markers, maxValueLength);
    }

    /** A copy with another value length limit. */
    public DetectorOptions withMaxValueLength(int max) {
        return new DetectorOptions(productionMarkers, devMarkers, max);
    }
}
