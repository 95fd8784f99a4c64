package dev.mcpsec.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.facts.RotationRecord;
import dev.mcpsec.rules.ProjectFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader of the rotation register {@code .mcpsec/rotation.json}: {@code
 * {"entries":[{"server":"stripe","variable":"STRIPE_SECRET_KEY","rotated":"2026-09-01","every":90}]}}.
 * A malformed register is a {@link ConfigurationException} naming {@code file:line}.
 */
public final class RotationRegister {
    /** The register's location relative to the project root. */
    public static final String FILE = ".mcpsec/rotation.json";

    /** Rotation period when an entry gives no {@code every}. */
    public static final int DEFAULT_PERIOD_DAYS = 90;

    private static final int MAX_PERIOD_DAYS = 3650;
    private static final long MAX_BYTES = 1L << 20;
    private static final String SETTING = "rotation";
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private RotationRegister() {}

    /**
     * Reads the register under {@code root} against today's date in UTC; no register means no
     * entries.
     */
    public static List<RotationRecord> read(Path root) {
        return read(root, Clock.systemUTC());
    }

    /**
     * Reads the register under {@code root}; an entry is overdue when {@code rotated + every} is
     * before today.
     */
    public static List<RotationRecord> read(Path root, Clock clock) {
        byte[] bytes = ProjectFiles.read(root, root.resolve(FILE), FILE, SETTING, MAX_BYTES);
        if (bytes == null) {
            return List.of();
        }
        try (JsonParser parser = JSON.createParser(bytes)) {
            return parse(parser, LocalDate.now(clock));
        } catch (JsonProcessingException e) {
            throw new ConfigurationException(SETTING, JsonErrors.jsonError(FILE, e));
        } catch (IOException e) {
            throw new ConfigurationException(
                    SETTING, FILE + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static List<RotationRecord> parse(JsonParser parser, LocalDate today)
            throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw error(line(parser), "expected an object {\"entries\": [...]}");
        }
        List<RotationRecord> records = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = line(parser);
            parser.nextToken();
            if ("entries".equals(name)) {
                records = entries(parser, today);
            } else if ("$schema".equals(name)) {
                parser.skipChildren();
            } else {
                throw error(line, "unknown key \"" + name + "\" (expected \"entries\")");
            }
        }
        if (parser.nextToken() != null) {
            throw error(line(parser), "unexpected content after the register object");
        }
        if (records == null) {
            throw error(1, "missing \"entries\" array");
        }
        return List.copyOf(records);
    }

    private static List<RotationRecord> entries(JsonParser parser, LocalDate today)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(line(parser), "\"entries\" must be an array");
        }
        List<RotationRecord> records = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int line = line(parser);
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw error(line, "each entry must be an object");
            }
            RotationRecord record = entry(parser, line, today);
            Integer first = seen.putIfAbsent(record.server() + "\u0000" + record.variable(), line);
            if (first != null) {
                throw error(
                        line,
                        "duplicate entry for server \""
                                + record.server()
                                + "\" and variable \""
                                + record.variable()
                                + "\" (first at line "
                                + first
                                + ")");
            }
            records.add(record);
        }
        return records;
    }

    private static RotationRecord entry(JsonParser parser, int entryLine, LocalDate today)
            throws IOException {
        String server = null;
        String variable = null;
        LocalDate rotated = null;
        int every = DEFAULT_PERIOD_DAYS;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            int line = line(parser);
            switch (name) {
                case "server" -> server = text(parser, value, name, line);
                case "variable" -> variable = text(parser, value, name, line);
                case "rotated" -> rotated = date(text(parser, value, name, line), line);
                case "every" -> every = period(parser, value, line);
                default ->
                        throw error(
                                line,
                                "unknown key \""
                                        + name
                                        + "\" in entry (expected server, variable, rotated, every)");
            }
        }
        if (server == null || variable == null || rotated == null) {
            throw error(entryLine, "entry needs \"server\", \"variable\" and \"rotated\"");
        }
        boolean overdue = rotated.plusDays(every).isBefore(today);
        return new RotationRecord(server, variable, rotated.toString(), every, overdue);
    }

    private static String text(JsonParser parser, JsonToken value, String name, int line)
            throws IOException {
        if (value != JsonToken.VALUE_STRING || parser.getText().isBlank()) {
            throw error(line, "\"" + name + "\" must be a non-empty string");
        }
        return parser.getText().trim();
    }

    private static LocalDate date(String text, int line) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(line, "\"rotated\" must be a date yyyy-MM-dd, got \"" + text + "\"");
        }
    }

    private static int period(JsonParser parser, JsonToken value, int line) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT
                || parser.getLongValue() < 1
                || parser.getLongValue() > MAX_PERIOD_DAYS) {
            throw error(
                    line, "\"every\" must be a whole number of days from 1 to " + MAX_PERIOD_DAYS);
        }
        return parser.getIntValue();
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static ConfigurationException error(int line, String message) {
        return new ConfigurationException(
                SETTING, FILE + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
