package dev.mcpsec.secrets;

import java.util.List;

/**
 * Everything the detector learned about one value; holds no raw value except inside {@link
 * Detection#secret()}.
 *
 * @param references variables the value refers to
 * @param detections literal credentials, most specific detector first, without overlaps
 * @param databases connection strings, with their password judged
 * @param explanation why each candidate was or was not reported, for {@code explain}; never
 *     contains a value
 */
public record ValueAnalysis(
        List<Reference> references,
        List<Detection> detections,
        List<DbUrl> databases,
        List<String> explanation) {

    public ValueAnalysis {
        references = List.copyOf(references);
        detections = List.copyOf(detections);
        databases = List.copyOf(databases);
        explanation = List.copyOf(explanation);
    }

    /**
     * True when at least one literal credential was found, in a detection or a database password.
     */
    public boolean hasSecret() {
        return !detections.isEmpty() || databases.stream().anyMatch(d -> d.password() != null);
    }
}
