package dev.mcpsec.maven;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the classes a scan needs ahead of it, on a background thread, so that the goal's own thread
 * finds most of them loaded.
 *
 * <p>The CLI's release archive starts from an AOT cache or a class-data-sharing archive; Maven's
 * JVM has neither for a plugin, so a first scan in a build loads some 1,900 classes (the engine,
 * Drools and the built-in rules' model, Jackson, JGit) from the plugin jar one after the other,
 * each read, inflated, parsed and defined while the scan waits. The build records which classes a
 * scan loads ({@link ScanClassList}, a training scan at {@code prepare-package}) into {@value
 * #LIST}; a scanning goal hands that list to this thread as soon as it knows it will scan. Classes
 * are loaded, not initialised: no static initialiser runs earlier or on another thread than it
 * would without this, so a scan's results cannot depend on it. A name the jar does not hold is
 * skipped (the goal's own loading would fail the same way, later, if it needed it).
 */
final class ClassPreload {
    /** The class list in the plugin jar, one binary class name per line. */
    static final String LIST = "dev/mcpsec/maven/scan-classes.txt";

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ClassPreload() {}

    /**
     * Starts loading the listed classes through {@code loader} on a daemon thread, once per plugin
     * class realm (a reactor's later modules find them loaded); returns the number of names, 0 when
     * the list was started before or is missing.
     */
    static int start(ClassLoader loader) {
        if (!STARTED.compareAndSet(false, true)) {
            return 0;
        }
        List<String> names = names(loader);
        if (names.isEmpty()) {
            return 0;
        }
        Thread thread = new Thread(() -> load(names, loader), "mcpsec-preload");
        thread.setDaemon(true);
        thread.start();
        return names.size();
    }

    /** The names of {@value #LIST} as {@code loader} sees it; none when it is missing. */
    static List<String> names(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(LIST)) {
            if (in == null) {
                return names;
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        } catch (IOException e) {
            names.clear();
        }
        return names;
    }

    /** Loads each name through {@code loader} without initialising it; returns how many loaded. */
    static int load(List<String> names, ClassLoader loader) {
        int loaded = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // the scan meets the same problem when (and only if) it needs the class
            } catch (RuntimeException e) {
                // the class loader is closed (Maven disposed of the plugin's realm): nothing left
                // to load ahead for
                break;
            }
        }
        return loaded;
    }
}
