package dev.mcpsec.extract;

import dev.mcpsec.api.FactRecord;
import dev.mcpsec.secrets.DbUrl;
import dev.mcpsec.secrets.Detection;
import dev.mcpsec.secrets.SecretDetector;
import dev.mcpsec.secrets.ValueAnalysis;
import dev.mcpsec.secrets.ValueContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the facts of a scan into {@link FactRecord}s for {@code mcpsec facts}: every record
 * component, in order, with each text run through the secret detector so that a literal secret (in
 * an argument, a URL, a client setting) shows in its masked form only. Facts that already hold
 * masked values (credentials) pass through unchanged.
 */
public final class FactDump {
    private final SecretDetector detector;

    public FactDump(SecretDetector detector) {
        this.detector = detector;
    }

    public List<FactRecord> records(List<Object> facts) {
        List<FactRecord> out = new ArrayList<>();
        for (Object fact : facts) {
            if (!(fact instanceof Record r)) {
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                fields.put(c.getName(), safe(value(c, r)));
            }
            out.add(
                    new FactRecord(
                            r.getClass().getSimpleName(),
                            java.util.Collections.unmodifiableMap(fields)));
        }
        out.sort(Comparator.comparing(FactRecord::type));
        return out;
    }

    /** One fact as {@code field=value ...}, values masked as in {@link #records}. */
    public String describe(Object fact) {
        FactRecord r = records(List.of(fact)).stream().findFirst().orElse(null);
        if (r == null) {
            return String.valueOf(fact);
        }
        StringBuilder sb = new StringBuilder();
        r.fields()
                .forEach(
                        (k, v) ->
                                sb.append(sb.length() == 0 ? "" : " ")
                                        .append(k)
                                        .append('=')
                                        .append(v instanceof String ? "\"" + v + "\"" : v));
        return sb.toString();
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }

    private Object safe(Object value) {
        if (value instanceof String s) {
            return mask(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::safe).toList();
        }
        return value;
    }

    /** The text with every detected secret (and database password) replaced by its masked form. */
    String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (text.length() > detector.options().maxValueLength()) {
            return "(" + text.length() + " characters, not shown)";
        }
        ValueAnalysis a = detector.analyze(null, text, ValueContext.OTHER);
        List<Detection> secrets = new ArrayList<>(a.detections());
        for (DbUrl db : a.databases()) {
            if (db.password() != null) {
                secrets.add(db.password());
            }
        }
        secrets.sort(Comparator.comparingInt(Detection::start).reversed());
        StringBuilder sb = new StringBuilder(text);
        int last = Integer.MAX_VALUE;
        for (Detection d : secrets) {
            if (d.start() >= 0 && d.end() <= sb.length() && d.end() <= last) {
                sb.replace(d.start(), d.end(), d.masked());
                last = d.start();
            }
        }
        return sb.toString();
    }
}
