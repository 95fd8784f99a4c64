package dev.mcpsec.project;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import dev.mcpsec.parse.PositionalReader;

/** Parse errors of the {@code .mcpsec/} JSON files, shortened the way config parse errors are. */
final class JsonErrors {
    private JsonErrors() {}

    /**
     * {@code display:line: not valid JSON: message}, with quoted tokens shortened so a secret is
     * not echoed.
     */
    static String jsonError(String display, JacksonException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        return display
                + (line > 0 ? ":" + line : "")
                + ": not valid JSON: "
                + PositionalReader.clean(e.getOriginalMessage());
    }
}
