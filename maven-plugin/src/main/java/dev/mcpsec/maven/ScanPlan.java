package dev.mcpsec.maven;

import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.Severity;
import java.util.Set;

/**
 * A validated {@code verify} run: the engine request, the fail threshold ({@code null} for {@code
 * never}) and the outputs to produce.
 */
public record ScanPlan(ScanRequest request, Severity failOn, Set<OutputFormat> formats) {

    /** The threshold as the user wrote it, for messages. */
    public String failOnId() {
        return failOn == null ? "never" : failOn.id();
    }
}
