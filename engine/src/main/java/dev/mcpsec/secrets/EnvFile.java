package dev.mcpsec.secrets;

import java.util.List;

/**
 * A parsed env file: its assignments in order and notes about lines that were skipped (notes never
 * hold values).
 */
public record EnvFile(List<EnvEntry> entries, List<String> notes) {

    public EnvFile {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }
}
