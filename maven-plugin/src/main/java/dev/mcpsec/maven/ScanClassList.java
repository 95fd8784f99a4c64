package dev.mcpsec.maven;

import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.git.FixtureRepository;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * Build-time tooling, never called by a goal: records the classes a first {@code verify} scan loads
 * from the plugin's class path into the list {@link ClassPreload} loads ahead of a scan. The
 * plugin's build runs it at {@code prepare-package} in a JVM of its own, on the plugin's runtime
 * compile class path ({@code java dev.mcpsec.maven.ScanClassList OUTPUT RUNTIME_CLASS_PATH}): the
 * provided jars (SLF4J above all) stand for what Maven's core lends a plugin's class realm, and
 * only classes of the runtime class path, what the plugin's realm holds, are listed.
 *
 * <p>The training scan is the goal's default first run ({@link Training}): the default parameters
 * of {@link VerifySettings}, through {@link RequestAdapter} and the engine facade, its JSON and
 * SARIF reports written, on a generated project whose git history holds configs with servers of
 * each transport and a committed key (generated here, random). Every class is loaded through a
 * class loader that records what it defines; the names are written sorted, so that the plugin jar
 * is the same from build to build.
 */
final class ScanClassList {
    private ScanClassList() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println(
                    "usage: java dev.mcpsec.maven.ScanClassList OUTPUT RUNTIME_CLASS_PATH");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Set<URL> runtime = new HashSet<>(urls(args[1]));
        Path project = Files.createTempDirectory("mcpsec-scan-classes");
        try {
            trainingProject(project);
            List<String> names = record(project, runtime);
            Files.createDirectories(out.toAbsolutePath().getParent());
            // '\n' on every platform: the plugin jar is the same wherever it is built
            Files.writeString(out, String.join("\n", names) + "\n", StandardCharsets.UTF_8);
            System.out.println(
                    "mcpsec: " + names.size() + " classes a first scan loads, listed in " + out);
        } finally {
            delete(project);
        }
    }

    /**
     * The classes {@link Training#run} loads from the {@code runtime} entries of this JVM's class
     * path, sorted, the training excluded.
     */
    static List<String> record(Path project, Set<URL> runtime) throws Exception {
        List<URL> urls = urls(System.getProperty("java.class.path"));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (Recorder loader =
                new Recorder(
                        urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader(), runtime)) {
            thread.setContextClassLoader(loader);
            Class.forName(Training.class.getName(), true, loader)
                    .getMethod("run", Path.class)
                    .invoke(null, project);
            Set<String> names = new TreeSet<>(loader.defined);
            names.removeIf(n -> n.startsWith(ScanClassList.class.getName()));
            return List.copyOf(names);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<URL> urls(String classPath) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                urls.add(Path.of(entry).toAbsolutePath().normalize().toUri().toURL());
            }
        }
        return urls;
    }

    /** A class loader that keeps the name of every class it defines from a {@code listed} entry. */
    private static final class Recorder extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        final Set<String> defined = new ConcurrentSkipListSet<>();
        private final Set<URL> listed;

        Recorder(URL[] urls, ClassLoader parent, Set<URL> listed) {
            super(urls, parent);
            this.listed = listed;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> c = super.findClass(name);
            if (listed.contains(c.getProtectionDomain().getCodeSource().getLocation())) {
                defined.add(name);
            }
            return c;
        }
    }

    /**
     * The scan of a first {@code verify} run with default parameters, as {@code VerifyMojo} does it
     * (loaded through the recording class loader).
     */
    public static final class Training {
        private Training() {}

        public static void run(Path project) throws IOException {
            VerifySettings settings =
                    VerifySettings.builder(project.toFile(), project.toFile())
                            .bundleClassLoader(Training.class.getClassLoader())
                            .build();
            ScanPlan plan = RequestAdapter.toPlan(settings);
            Mcpsec engine = Mcpsec.create();
            engine.prepareScan(true);
            ScanResult result = engine.scan(plan.request());
            if (result.findings().isEmpty()) {
                throw new IllegalStateException("the training scan found nothing: not a scan");
            }
            ReportFiles.write(
                    result, plan.formats(), project.resolve("target/mcpsec"), plan.failOn());
        }
    }

    /**
     * A project with a short git history: a config with a local server, a remote one and a
     * filesystem server, and a key committed once and then replaced by a reference.
     */
    static void trainingProject(Path project) throws IOException {
        // the same fake key in every build, so that the class list is too; generated, not written
        // in the source
        String key = "ghp_" + random(36);
        try (FixtureRepository repo = FixtureRepository.init(project)) {
            Files.writeString(project.resolve(".gitignore"), "target/\n");
            Files.writeString(project.resolve(".mcp.json"), config("\"" + key + "\""));
            repo.commitAll("add MCP servers", "2026-01-05T10:00:00Z");
            Files.writeString(project.resolve(".mcp.json"), config("\"${GITHUB_TOKEN}\""));
            repo.commitAll("take the token from the environment", "2026-01-06T10:00:00Z");
        }
    }

    // no text block: the plugin descriptor's source parser reads this file too
    private static String config(String token) {
        return String.join(
                "\n",
                "{",
                "  \"mcpServers\": {",
                "    \"github\": {",
                "      \"command\": \"npx\",",
                "      \"args\": [\"-y\", \"@modelcontextprotocol/server-github\"],",
                "      \"env\": { \"GITHUB_PERSONAL_ACCESS_TOKEN\": " + token + " }",
                "    },",
                "    \"files\": {",
                "      \"command\": \"npx\",",
                "      \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem@2025.7.1\", \"/\"]",
                "    },",
                "    \"remote\": {",
                "      \"type\": \"http\",",
                "      \"url\": \"http://mcp.example.invalid/mcp\",",
                "      \"headers\": { \"Authorization\": \"Bearer ${REMOTE_TOKEN}\" }",
                "    }",
                "  }",
                "}",
                "");
    }

    private static String random(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        java.util.Random random = new java.util.Random(36);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /**
     * Removes the training project. Git marks its objects read-only, which Windows refuses to
     * delete, so each file is made writable first; what still cannot be removed is named on
     * standard error, without hiding an error of the training itself.
     */
    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("mcpsec: could not remove the training project " + dir + ": " + e);
        }
    }
}
