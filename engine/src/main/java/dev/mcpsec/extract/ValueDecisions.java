package dev.mcpsec.extract;

import dev.mcpsec.secrets.DbUrl;
import dev.mcpsec.secrets.Detection;
import dev.mcpsec.secrets.Reference;
import dev.mcpsec.secrets.ValueAnalysis;
import java.util.ArrayList;
import java.util.List;

/**
 * One line per inspected value for {@code --explain-values}: what the detector decided and which
 * step decided it, with masked values only.
 */
final class ValueDecisions {
    private ValueDecisions() {}

    static String describe(String file, int line, String server, String location, ValueAnalysis a) {
        List<String> parts = new ArrayList<>();
        for (Reference r : a.references()) {
            parts.add("reference to " + r.syntax() + " variable " + r.variable());
        }
        for (Detection d : a.detections()) {
            parts.add(
                    "secret "
                            + d.kind()
                            + " ("
                            + d.tier()
                            + ", "
                            + d.confidence()
                            + " confidence) "
                            + d.masked()
                            + " by "
                            + d.detector());
        }
        for (DbUrl db : a.databases()) {
            parts.add(
                    "database "
                            + db.scheme()
                            + "://"
                            + db.host()
                            + (db.password() != null
                                    ? " with password " + db.password().masked()
                                    : db.hasPassword() ? " with a placeholder password" : ""));
        }
        if (parts.isEmpty()) {
            parts.add("no secret");
        }
        String why =
                a.explanation().isEmpty() ? "" : " [" + String.join("; ", a.explanation()) + "]";
        return file
                + ":"
                + line
                + " "
                + (server == null ? "" : server + " ")
                + location
                + ": "
                + String.join(", ", parts)
                + why;
    }
}
