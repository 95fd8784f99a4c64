package dev.mcpsec.cli;

import dev.mcpsec.api.SafeText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table with a heading row and left-aligned columns, as the listing commands print
 * them.
 */
final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... headings) {
        rows.add(headings);
    }

    /**
     * Adds a row; a null cell shows as {@code -}; control and bidi characters are escaped ({@link
     * SafeText}).
     */
    void add(String... cells) {
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = cells[i] == null || cells[i].isBlank() ? "-" : SafeText.escape(cells[i]);
        }
        rows.add(row);
    }

    void print(PrintStream out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
