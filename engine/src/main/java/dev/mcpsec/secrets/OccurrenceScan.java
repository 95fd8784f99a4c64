package dev.mcpsec.secrets;

import java.util.List;

/** What an {@link OccurrenceScanner} found, plus notes about files it skipped or could not read. */
public record OccurrenceScan(List<Occurrence> occurrences, List<String> notes) {

    public OccurrenceScan {
        occurrences = List.copyOf(occurrences);
        notes = List.copyOf(notes);
    }
}
