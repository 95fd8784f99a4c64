package dev.mcpsec.extract;

import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.ServerSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * Where extraction puts what it finds: the facts, the server inventory of the report, and warnings.
 */
public record Sink(FactSet facts, List<ServerSummary> servers, List<ScanWarning> warnings) {

    /** An empty sink of its own (one config file's facts, gathered apart). */
    public static Sink empty() {
        return new Sink(new FactSet(), new ArrayList<>(), new ArrayList<>());
    }

    /** Appends what {@code other} holds, in its order. */
    public void addAll(Sink other) {
        facts.addAll(other.facts());
        servers.addAll(other.servers());
        warnings.addAll(other.warnings());
    }

    /** A sink whose inventory and warnings are thrown away (history is best effort). */
    static Sink factsOnly() {
        return new Sink(new FactSet(), new ArrayList<>(), new ArrayList<>());
    }
}
