package dev.mcpsec.extract;

import dev.mcpsec.facts.IncompleteConfig;
import dev.mcpsec.parse.ConfigDocument;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@link IncompleteConfig} fact of a document that was not read completely. */
public final class IncompleteConfigs {
    private static final Pattern POSITION =
            Pattern.compile("^(\\d{1,9}):(\\d{1,9}):\\s*(.*)$", Pattern.DOTALL);

    private IncompleteConfigs() {}

    public static IncompleteConfig fact(ConfigDocument doc, boolean tracked, int rawSecrets) {
        String reason = doc.incomplete();
        int line = 0;
        int column = 0;
        Matcher m = POSITION.matcher(reason);
        if (m.matches()) {
            line = Integer.parseInt(m.group(1));
            column = Integer.parseInt(m.group(2));
            reason = m.group(3);
        }
        return new IncompleteConfig(
                doc.file(), line, column, doc.client(), doc.scope(), reason, tracked, rawSecrets);
    }
}
