package dev.mcpsec.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.json.JsonTrees;
import dev.mcpsec.options.BundleSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads bundles from directories, jars, the local Maven repository ({@code G:A:V}) and class
 * loaders.
 *
 * <p>A bundle spec may end in {@code #sha256=HEX} to pin it: the jar's bytes (or, for a directory,
 * the sorted paths and contents of its files) must hash to that value.
 */
public final class BundleLoader {
    static final String PREFIX = "META-INF/mcpsec/";
    private static final String TESTS = "tests/";
    private static final Set<String> BUNDLE_KEYS =
            Set.of(
                    "$schema",
                    "id",
                    "version",
                    "description",
                    "engine",
                    "severity",
                    "disable",
                    "locked");
    private static final long MAX_BUNDLE_FILE = 4L * 1024 * 1024;

    private BundleLoader() {}

    /**
     * Every bundle whose {@code META-INF/mcpsec/bundle.json} the class loader sees, in class path
     * order.
     */
    public static List<Bundle> fromClassLoader(ClassLoader loader) {
        List<Bundle> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try {
            Enumeration<URL> urls = loader.getResources(PREFIX + "bundle.json");
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (!seen.add(url.toString())) {
                    continue;
                }
                if ("jar".equals(url.getProtocol())) {
                    JarURLConnection conn = (JarURLConnection) url.openConnection();
                    Path jar = Path.of(conn.getJarFileURL().toURI());
                    out.add(fromJar(jar, true));
                } else if ("file".equals(url.getProtocol())) {
                    Path base = Path.of(url.toURI()).getParent();
                    out.add(fromBase(base, base.getParent().getParent().toString(), true));
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new ConfigurationException(
                    "bundle", "cannot read bundles from the class path: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Loads a bundle spec: a directory, a jar, or {@code groupId:artifactId:version}, optionally
     * {@code #sha256=HEX}.
     */
    public static Bundle fromSpec(String spec, Path localRepository) {
        return fromSpec(spec, localRepository, null);
    }

    /**
     * Loads a bundle spec as {@link #fromSpec(String, Path)} does, refusing a bundle that lies
     * inside {@code untrustedRoot} (the scanned tree, when project policies are not opted in): its
     * rules would come from the code under review. Null means no tree to refuse.
     */
    public static Bundle fromSpec(String spec, Path localRepository, Path untrustedRoot) {
        BundleSpec parsed = BundleSpec.parse(spec);
        String pin = parsed.pin();
        String target = parsed.target();
        Path path = resolve(target, localRepository);
        if (untrustedRoot != null && isInside(path, untrustedRoot)) {
            throw new ConfigurationException(
                    "bundle",
                    "bundle "
                            + target
                            + " lies inside the scanned tree ("
                            + untrustedRoot
                            + "): its rules would come from the code being scanned. Keep org bundles outside "
                            + "the scanned tree, or load it with --project-policies (<projectPolicies>) if you trust this tree");
        }
        if (pin != null) {
            String actual = sha256(path);
            if (!actual.equals(pin)) {
                throw new ConfigurationException(
                        "bundle",
                        "bundle "
                                + target
                                + " does not match its pinned SHA-256: expected "
                                + pin
                                + ", found "
                                + actual);
            }
        }
        return Files.isDirectory(path) ? fromDirectory(path) : fromJar(path);
    }

    private static Path resolve(String target, Path localRepository) {
        if (BundleSpec.isPath(target)) {
            Path path = Path.of(target);
            if (Files.exists(path)) {
                return path;
            }
            throw new ConfigurationException("bundle", "bundle path " + target + " does not exist");
        }
        if (BundleSpec.isCoordinates(target)) {
            String[] gav = target.split(":");
            Path jar =
                    localRepository
                            .resolve(gav[0].replace('.', '/'))
                            .resolve(gav[1])
                            .resolve(gav[2])
                            .resolve(gav[1] + "-" + gav[2] + ".jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            throw new ConfigurationException(
                    "bundle",
                    "bundle "
                            + target
                            + " is not in the local Maven repository ("
                            + jar
                            + "); install it first (mcpsec never downloads bundles)");
        }
        throw new ConfigurationException(
                "bundle",
                "bundle "
                        + target
                        + " is neither a path nor coordinates: write a "
                        + "path as ./"
                        + target
                        + " or /absolute/path (or name a .jar), coordinates as groupId:artifactId:version");
    }

    /**
     * True when {@code path}, as written or with links resolved, lies in {@code root} (as written
     * or resolved).
     */
    static boolean isInside(Path path, Path root) {
        Path p = path.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        if (p.startsWith(r)) {
            return true;
        }
        try {
            Path realRoot = r.toRealPath();
            return p.startsWith(realRoot)
                    || p.toRealPath().startsWith(realRoot)
                    || p.toRealPath().startsWith(r);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A directory holding {@code META-INF/mcpsec/}, a bundle project ({@code
     * src/main/resources/...}) or the folder itself.
     */
    public static Bundle fromDirectory(Path dir) {
        for (Path base :
                List.of(dir.resolve(PREFIX), dir.resolve("src/main/resources/" + PREFIX), dir)) {
            if (Files.isRegularFile(base.resolve("bundle.json"))) {
                return fromBase(base, dir.toString(), false);
            }
        }
        throw new ConfigurationException(
                "bundle", dir + " is not an mcpsec bundle: no META-INF/mcpsec/bundle.json in it");
    }

    /**
     * The bundle in {@code base} ({@code META-INF/mcpsec/}); one on the class path ({@code
     * classPath}) is digested without its fixture cases, as a class-path jar is.
     */
    private static Bundle fromBase(Path base, String origin, boolean classPath) {
        Path metaFile = base.resolve("bundle.json");
        byte[] metaBytes = readBytes(metaFile);
        JsonNode meta = parseJson(metaBytes, metaFile.toString());
        List<Bundle.DrlFile> drl = new ArrayList<>();
        Map<String, Map<String, List<String>>> data = new TreeMap<>();
        try {
            Path policies = base.resolve("policies");
            if (Files.isDirectory(policies)) {
                try (Stream<Path> walk = Files.walk(policies)) {
                    for (Path p :
                            walk.filter(
                                            f ->
                                                    f.toString().endsWith(".drl")
                                                            && !f.getParent().equals(policies))
                                    .sorted()
                                    .toList()) {
                        throw nested(p.toString());
                    }
                }
                try (Stream<Path> files = Files.list(policies)) {
                    for (Path p :
                            files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                        drl.add(new Bundle.DrlFile(p.toString(), readText(p)));
                    }
                }
            }
            Path dataDir = base.resolve("data");
            if (Files.isDirectory(dataDir)) {
                try (Stream<Path> files = Files.list(dataDir)) {
                    for (Path p :
                            files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        data.put(
                                stripJson(p.getFileName().toString()),
                                dataList(readJson(p), p.toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException(
                    "bundle", "cannot read bundle " + origin + ": " + e.getMessage(), e);
        }
        Map<String, Map<String, byte[]>> tests;
        try {
            tests = testsOf(base.resolve("tests"));
        } catch (IOException e) {
            throw new ConfigurationException(
                    "bundle",
                    "cannot read the tests of bundle " + origin + ": " + e.getMessage(),
                    e);
        }
        return bundle(
                meta,
                StrictJson.of(metaBytes, metaFile.toString()),
                origin,
                drl,
                data,
                tests,
                classPath ? sha256(base, false) : sha256(base));
    }

    /** A jar with {@code META-INF/mcpsec/bundle.json}. */
    public static Bundle fromJar(Path jar) {
        return fromJar(jar, false);
    }

    /**
     * A jar with {@code META-INF/mcpsec/bundle.json}. A bundle found on the class path ({@code
     * classPath}) is digested by its own files ({@code META-INF/mcpsec/**} but its fixture cases),
     * not by the bytes of the whole jar: that jar may be the CLI's shaded jar (25 MB, several
     * hundred milliseconds of SHA-256 at every start), and no pin applies to it. Its fixture cases
     * ({@code tests/}, hundreds of small files in the built-in bundle) are read from the jar when
     * first asked for ({@code mcpsec test}, {@code explain}): a scan never needs them, and they
     * decide nothing a scan reports. A jar named by a bundle spec is read whole and digested by its
     * bytes, as its {@code #sha256=} pin says.
     */
    static Bundle fromJar(Path jar, boolean classPath) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry metaEntry = zip.getEntry(PREFIX + "bundle.json");
            if (metaEntry == null) {
                throw new ConfigurationException(
                        "bundle",
                        jar + " is not an mcpsec bundle: it has no " + PREFIX + "bundle.json");
            }
            byte[] metaBytes = read(zip, metaEntry);
            JsonNode meta = parseJson(metaBytes, jar + "!/" + metaEntry.getName());
            List<Bundle.DrlFile> drl = new ArrayList<>();
            Map<String, Map<String, List<String>>> data = new TreeMap<>();
            List<? extends ZipEntry> entries = bundleEntries(zip);
            MessageDigest digest = classPath ? sha256Digest() : null;
            for (ZipEntry e : entries) {
                String name = e.getName();
                String rel = name.substring(PREFIX.length());
                if (classPath && rel.startsWith(TESTS)) {
                    continue;
                }
                byte[] bytes = null;
                if (digest != null) {
                    bytes = read(zip, e);
                    digest.update(rel.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(bytes);
                }
                if (rel.startsWith("policies/")
                        && rel.endsWith(".drl")
                        && rel.indexOf('/', 9) >= 0) {
                    throw nested(jar + "!/" + name);
                }
                if (rel.startsWith("policies/") && rel.endsWith(".drl")) {
                    drl.add(
                            new Bundle.DrlFile(
                                    jar.getFileName() + "!/" + name,
                                    new String(
                                            bytes != null ? bytes : read(zip, e),
                                            StandardCharsets.UTF_8)));
                } else if (rel.startsWith("data/")
                        && rel.endsWith(".json")
                        && rel.indexOf('/', 5) < 0) {
                    data.put(
                            stripJson(rel.substring(5)),
                            dataList(
                                    parseJson(
                                            bytes != null ? bytes : read(zip, e),
                                            jar + "!/" + name),
                                    name));
                }
            }
            return bundle(
                    meta,
                    StrictJson.of(metaBytes, jar + "!/" + metaEntry.getName()),
                    jar.toString(),
                    drl,
                    data,
                    classPath ? new JarTests(jar) : testsOf(zip, entries),
                    digest != null ? HexFormat.of().formatHex(digest.digest()) : sha256(jar));
        } catch (IOException e) {
            throw new ConfigurationException(
                    "bundle", "cannot read bundle jar " + jar + ": " + e.getMessage(), e);
        }
    }

    /** A jar's entries under {@code META-INF/mcpsec/}, files only, sorted by name. */
    private static List<? extends ZipEntry> bundleEntries(ZipFile zip) {
        return zip.stream()
                .filter(e -> !e.isDirectory() && e.getName().startsWith(PREFIX))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
    }

    /** The fixture cases among a bundle jar's {@code entries}: case → relative path → bytes. */
    private static Map<String, Map<String, byte[]>> testsOf(
            ZipFile zip, List<? extends ZipEntry> entries) throws IOException {
        Map<String, Map<String, byte[]>> tests = new TreeMap<>();
        for (ZipEntry e : entries) {
            String rel = e.getName().substring(PREFIX.length());
            if (rel.startsWith(TESTS) && rel.indexOf('/', TESTS.length()) > TESTS.length()) {
                int slash = rel.indexOf('/', TESTS.length());
                tests.computeIfAbsent(rel.substring(TESTS.length(), slash), k -> new TreeMap<>())
                        .put(rel.substring(slash + 1), read(zip, e));
            }
        }
        return tests;
    }

    /**
     * The fixture cases of a class-path bundle jar, read from the jar the first time they are asked
     * for, then kept. A jar that cannot be read then fails as loading it would have.
     */
    static final class JarTests extends AbstractMap<String, Map<String, byte[]>> {
        private final Path jar;
        private Map<String, Map<String, byte[]>> cases;

        JarTests(Path jar) {
            this.jar = jar;
        }

        private synchronized Map<String, Map<String, byte[]>> cases() {
            if (cases == null) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    cases = Collections.unmodifiableMap(testsOf(zip, bundleEntries(zip)));
                } catch (IOException e) {
                    throw new ConfigurationException(
                            "bundle",
                            "cannot read the fixture cases of bundle jar "
                                    + jar
                                    + ": "
                                    + e.getMessage(),
                            e);
                }
            }
            return cases;
        }

        /** True once the cases were read (for tests: a scan must not read them). */
        synchronized boolean loaded() {
            return cases != null;
        }

        @Override
        public Set<Map.Entry<String, Map<String, byte[]>>> entrySet() {
            return cases().entrySet();
        }

        @Override
        public Map<String, byte[]> get(Object key) {
            return cases().get(key);
        }
    }

    private static ConfigurationException nested(String file) {
        return new ConfigurationException(
                "bundle",
                file
                        + ": DRL files in sub-folders of policies/ are not loaded;"
                        + " move it into policies/ itself");
    }

    private static Bundle bundle(
            JsonNode meta,
            StrictJson lines,
            String origin,
            List<Bundle.DrlFile> drl,
            Map<String, Map<String, List<String>>> data,
            Map<String, Map<String, byte[]>> tests,
            String sha256) {
        String metaFile = lines.at("");
        if (!meta.isObject()) {
            throw new ConfigurationException(
                    "bundle", metaFile + ": bundle.json must be a JSON object");
        }
        String unknown = lines.unknownKey(meta, "", BUNDLE_KEYS, "bundle.json");
        if (unknown != null) {
            throw new ConfigurationException("bundle", unknown);
        }
        String id = text(meta, "id");
        String version = text(meta, "version");
        if (id == null || id.isBlank() || !id.matches("[A-Za-z0-9._-]+")) {
            throw new ConfigurationException(
                    "bundle", metaFile + ": \"id\" is required (letters, digits, . _ -)");
        }
        if (version == null || version.isBlank()) {
            throw new ConfigurationException("bundle", metaFile + ": \"version\" is required");
        }
        BundlePolicy policy = BundlePolicy.read(meta, lines, "bundle");
        return new Bundle(
                id,
                version,
                text(meta, "description"),
                origin,
                List.copyOf(drl),
                data,
                tests,
                policy,
                sha256);
    }

    private static Map<String, Map<String, byte[]>> testsOf(Path tests) throws IOException {
        Map<String, Map<String, byte[]>> out = new TreeMap<>();
        if (!Files.isDirectory(tests)) {
            return out;
        }
        try (Stream<Path> cases = Files.list(tests)) {
            for (Path c : cases.filter(Files::isDirectory).sorted().toList()) {
                Map<String, byte[]> files = new TreeMap<>();
                try (Stream<Path> walk = Files.walk(c)) {
                    for (Path f : walk.filter(Files::isRegularFile).toList()) {
                        if (Files.size(f) > MAX_BUNDLE_FILE) {
                            throw new ConfigurationException(
                                    "bundle", f + " is larger than " + MAX_BUNDLE_FILE + " bytes");
                        }
                        files.put(
                                c.relativize(f).toString().replace('\\', '/'),
                                Files.readAllBytes(f));
                    }
                }
                out.put(c.getFileName().toString(), files);
            }
        }
        return out;
    }

    private static Map<String, List<String>> dataList(JsonNode node, String file) {
        if (!node.isObject()) {
            throw new ConfigurationException(
                    "bundle", file + ": a data file is a JSON object of key → array of strings");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) {
                throw new ConfigurationException(
                        "bundle", file + ": \"" + e.getKey() + "\" must be an array of strings");
            }
            List<String> values = new ArrayList<>();
            for (JsonNode v : e.getValue()) {
                if (!v.isTextual()) {
                    throw new ConfigurationException(
                            "bundle", file + ": \"" + e.getKey() + "\" must hold strings only");
                }
                values.add(v.asText());
            }
            out.put(e.getKey(), List.copyOf(values));
        }
        return out;
    }

    /**
     * Parses a JSON file of {@code key → [strings]} as bundle data does (also used for
     * configuration data).
     */
    public static Map<String, List<String>> dataList(JsonNode node) {
        return dataList(node, "data");
    }

    private static String stripJson(String name) {
        return name.substring(0, name.length() - ".json".length());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new ConfigurationException(
                    "bundle", "cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readJson(Path p) {
        try {
            return parseJson(Files.readAllBytes(p), p.toString());
        } catch (IOException e) {
            throw new ConfigurationException(
                    "bundle", "cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parseJson(byte[] bytes, String file) {
        try {
            return JsonTrees.read(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigurationException(
                    "bundle",
                    file
                            + ":"
                            + e.getLocation().getLineNr()
                            + ": not valid JSON: "
                            + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigurationException("bundle", file + ": " + e.getMessage(), e);
        }
    }

    private static String readText(Path p) throws IOException {
        if (Files.size(p) > MAX_BUNDLE_FILE) {
            throw new ConfigurationException(
                    "bundle", p + " is larger than " + MAX_BUNDLE_FILE + " bytes");
        }
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static byte[] read(ZipFile zip, ZipEntry e) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) MAX_BUNDLE_FILE + 1);
            if (bytes.length > MAX_BUNDLE_FILE) {
                throw new ConfigurationException(
                        "bundle", e.getName() + " is larger than " + MAX_BUNDLE_FILE + " bytes");
            }
            return bytes;
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SHA-256 of a jar's bytes or of a directory's sorted relative paths and contents, lower-case
     * hex.
     */
    public static String sha256(Path path) {
        return sha256(path, true);
    }

    /**
     * As {@link #sha256(Path)}; for a directory without {@code fixtures}, its {@code tests/} folder
     * is left out.
     */
    private static String sha256(Path path, boolean fixtures) {
        Path tests = path.resolve(TESTS);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path f :
                            files.filter(Files::isRegularFile)
                                    .filter(f -> fixtures || !f.startsWith(tests))
                                    .sorted()
                                    .toList()) {
                        md.update(
                                path.relativize(f)
                                        .toString()
                                        .replace('\\', '/')
                                        .getBytes(StandardCharsets.UTF_8));
                        md.update((byte) 0);
                        md.update(Files.readAllBytes(f));
                    }
                }
            } else {
                md.update(Files.readAllBytes(path));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
