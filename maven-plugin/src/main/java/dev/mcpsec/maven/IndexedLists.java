package dev.mcpsec.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Lists in a properties file, one entry per key {@code prefix.0}, {@code prefix.1}, ...: the form
 * of the up-to-date state ({@link UpToDateState}) and of the scan JVM's request and answer ({@link
 * ScanWorker}, {@link ScanOutcome}).
 */
final class IndexedLists {
    private IndexedLists() {}

    /** Adds {@code values} under {@code prefix}. */
    static void put(Properties p, String prefix, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            p.setProperty(prefix + "." + i, values.get(i));
        }
    }

    /** The values under {@code prefix}, up to the first missing index. */
    static List<String> get(Properties p, String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 0; p.containsKey(prefix + "." + i); i++) {
            values.add(p.getProperty(prefix + "." + i));
        }
        return values;
    }
}
