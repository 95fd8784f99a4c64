package dev.mcpsec.rules;

import dev.mcpsec.facts.Names;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import org.drools.base.util.Drools;
import org.drools.model.Model;

/**
 * Rules precompiled at build time into Drools' executable model (the built-in bundle: {@link
 * ModelGenerator} runs in the policies build), found by the fingerprint of the DRL they were made
 * from.
 *
 * <p>The fingerprint is a SHA-256 over everything that changes the compiled result: the DRL files
 * (name and exact text, metadata included), the Drools version, the builder settings of {@link
 * PolicyCompiler}, and the shape of every type the rules can name (the fact records' components,
 * the public methods of {@code Names} and {@code Emit}). The generator writes {@code
 * META-INF/mcpsec/model/<fingerprint>.properties} listing the model classes; at run time the
 * fingerprint of the DRL actually loaded is computed and only a model recorded under that exact
 * fingerprint is used. A changed DRL file, another Drools or a changed fact type therefore finds no
 * model, and the DRL is compiled as before: a stale model can never run.
 */
public final class PrecompiledModel {
    /** Where the model indexes live, one per fingerprint. */
    static final String INDEX_DIR = "META-INF/mcpsec/model/";

    /**
     * A copy of the newest index under a fixed name, so that its model can be loaded ahead ({@link
     * #loadAhead}) before the DRL is read and its fingerprint known.
     */
    static final String CURRENT_INDEX = INDEX_DIR + "current.properties";

    /** A model loaded ahead, kept for the first lookup of its fingerprint in its class loader. */
    private record Ahead(ClassLoader loader, String fingerprint, FutureTask<List<Model>> models) {}

    private static final AtomicReference<Ahead> AHEAD = new AtomicReference<>();

    /**
     * Diagnostic switch: {@code -Dmcpsec.rules.compile=drl} compiles every bundle from DRL,
     * ignoring precompiled models (to compare both paths).
     */
    public static final String FORCE_DRL_PROPERTY = "mcpsec.rules.compile";

    /**
     * The knowledge builder settings both paths use (see {@link PolicyCompiler}); part of the
     * fingerprint.
     */
    static final List<String[]> BUILDER_SETTINGS =
            List.of(
                    new String[] {"drools.dialect.default", "mvel"},
                    new String[] {"drools.propertySpecific", "ALLOWED"});

    private static final String FORMAT = "mcpsec-executable-model/1";

    private PrecompiledModel() {}

    /** True when {@code -Dmcpsec.rules.compile=drl} asks for DRL compilation of every bundle. */
    static boolean forceDrl() {
        return "drl".equalsIgnoreCase(System.getProperty(FORCE_DRL_PROPERTY, ""));
    }

    /**
     * The file name of a DRL source path ({@code x.jar!/META-INF/.../a.drl} gives {@code a.drl}).
     */
    static String fileName(String path) {
        int cut =
                Math.max(
                        path.lastIndexOf('/'),
                        Math.max(path.lastIndexOf('\\'), path.lastIndexOf('!')));
        return path.substring(cut + 1);
    }

    /** The fingerprint of a bundle's DRL (see the class comment). */
    public static String fingerprint(List<Bundle.DrlFile> drl) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            StringBuilder sb = new StringBuilder(FORMAT).append('\n');
            sb.append("drools=").append(Drools.getFullVersion()).append('\n');
            for (String[] s : BUILDER_SETTINGS) {
                sb.append(s[0]).append('=').append(s[1]).append('\n');
            }
            for (Class<? extends Record> type : RuleMetadata.FACT_TYPES) {
                sb.append(type.getName()).append('(');
                for (RecordComponent c : type.getRecordComponents()) {
                    sb.append(c.getGenericType().getTypeName())
                            .append(' ')
                            .append(c.getName())
                            .append(',');
                }
                sb.append(")\n");
            }
            for (Class<?> helper : List.of(Names.class, Emit.class)) {
                List<String> methods = new ArrayList<>();
                for (Method m : helper.getMethods()) {
                    if (m.getDeclaringClass() == helper) {
                        methods.add(m.toGenericString());
                    }
                }
                methods.sort(Comparator.naturalOrder());
                sb.append(String.join("\n", methods)).append('\n');
            }
            md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            List<Bundle.DrlFile> sorted = new ArrayList<>(drl);
            sorted.sort(Comparator.comparing(f -> fileName(f.path())));
            for (Bundle.DrlFile f : sorted) {
                md.update(
                        ("\u0000" + fileName(f.path()) + "\u0000" + f.content())
                                .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads, on the calling thread, the model that {@code loader}'s current index names, before the
     * DRL it was made from is read: {@link #find} takes it when, and only when, the DRL it is asked
     * about has the fingerprint that index records (the fingerprint check is the same as without
     * it; a model loaded ahead for another fingerprint is never used). Does nothing when there is
     * no current index, when DRL compilation is forced, or when a model loaded ahead waits already.
     * A failure is left for {@link #find}, which then loads the model itself and says why it
     * cannot.
     */
    public static void loadAhead(ClassLoader loader) {
        if (forceDrl() || AHEAD.get() != null) {
            return;
        }
        URL url = loader.getResource(CURRENT_INDEX);
        if (url == null) {
            return;
        }
        Properties index = new Properties();
        try (InputStream in = url.openStream()) {
            index.load(in);
        } catch (IOException e) {
            return;
        }
        String fingerprint = index.getProperty("fingerprint");
        if (fingerprint == null) {
            return;
        }
        FutureTask<List<Model>> models = new FutureTask<>(() -> instantiate(index, loader));
        if (AHEAD.compareAndSet(null, new Ahead(loader, fingerprint, models))) {
            models.run();
        }
    }

    /**
     * The models loaded ahead for {@code fingerprint} in {@code loader}, once (waiting for them if
     * they are still loading); null when there are none or loading them failed.
     */
    private static List<Model> takeAhead(String fingerprint, ClassLoader loader) {
        Ahead ahead = AHEAD.get();
        if (ahead == null
                || ahead.loader() != loader
                || !ahead.fingerprint().equals(fingerprint)
                || !AHEAD.compareAndSet(ahead, null)) {
            return null;
        }
        try {
            return ahead.models().get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** True while a model loaded ahead in {@code loader} waits for its lookup (for tests). */
    static boolean aheadWaiting(ClassLoader loader) {
        Ahead ahead = AHEAD.get();
        return ahead != null && ahead.loader() == loader;
    }

    /** A new instance of every model class {@code index} lists (at least one). */
    private static List<Model> instantiate(Properties index, ClassLoader loader)
            throws ReflectiveOperationException {
        List<Model> models = new ArrayList<>();
        for (String name : modelNames(index)) {
            models.add(
                    (Model)
                            Class.forName(name, true, loader)
                                    .getDeclaredConstructor()
                                    .newInstance());
        }
        if (models.isEmpty()) {
            throw new ClassNotFoundException("the index lists no model class");
        }
        return List.copyOf(models);
    }

    private static List<String> modelNames(Properties index) {
        return Arrays.stream(index.getProperty("models", "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The outcome of looking for a bundle's model: the models, or why there are none. */
    record Lookup(List<Model> models, String reason) {}

    /**
     * The precompiled models of {@code bundle} that {@code loader} holds under the fingerprint of
     * its DRL, or the reason there are none (a bundle without a model is compiled from DRL).
     */
    static Lookup find(Bundle bundle, ClassLoader loader) {
        if (bundle.policies().isEmpty()) {
            return new Lookup(null, "no DRL");
        }
        String fingerprint = fingerprint(bundle.policies());
        List<Model> loadedAhead = takeAhead(fingerprint, loader);
        if (loadedAhead != null) {
            return new Lookup(loadedAhead, null);
        }
        URL url = loader.getResource(INDEX_DIR + fingerprint + ".properties");
        if (url == null) {
            return new Lookup(
                    null,
                    "no precompiled model matches its DRL (fingerprint "
                            + fingerprint.substring(0, 12)
                            + "): compiled from DRL");
        }
        Properties index = new Properties();
        try (InputStream in = url.openStream()) {
            index.load(in);
        } catch (IOException e) {
            return new Lookup(null, "cannot read " + url + ": " + e.getMessage());
        }
        if (!fingerprint.equals(index.getProperty("fingerprint"))) {
            return new Lookup(null, url + " records another fingerprint: compiled from DRL");
        }
        List<Model> models = new ArrayList<>();
        for (String name : modelNames(index)) {
            try {
                models.add(
                        (Model)
                                Class.forName(name, true, loader)
                                        .getDeclaredConstructor()
                                        .newInstance());
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                return new Lookup(
                        null,
                        "precompiled model class "
                                + name
                                + " cannot be loaded ("
                                + e.getClass().getSimpleName()
                                + "): compiled from DRL");
            }
        }
        if (models.isEmpty()) {
            return new Lookup(null, url + " lists no model class: compiled from DRL");
        }
        return new Lookup(List.copyOf(models), null);
    }
}
