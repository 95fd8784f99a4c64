package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin as users get it (docs/maven-plugin.md, "What the plugin costs a build"): one jar that
 * carries its runtime, and an installed POM whose one runtime dependency is plexus-utils, so that
 * Maven resolves two artifacts before the goal runs instead of collecting a tree of POMs. Runs
 * after maven-invoker-plugin installed the plugin into the ITs' local repository and ran the ITs
 * with it (phase {@code post-integration-test}, beside {@link InvokerReportsIT}): what it checks is
 * what the ITs used.
 */
class PluginJarIT {
    private static final Path TARGET = Path.of("target");
    private static final Path LOCAL_REPO = TARGET.resolve("local-repo");

    /**
     * Packages Maven's core exports to every plugin (maven-core's META-INF/maven/extension.xml): a
     * copy in the plugin jar would never be loaded, or would clash with the core's.
     */
    private static final List<String> CORE_EXPORTED =
            List.of(
                    "org/slf4j/",
                    "org/eclipse/aether/",
                    "org/eclipse/sisu/",
                    "com/google/inject/",
                    "javax/inject/",
                    "javax/annotation/",
                    "org/codehaus/plexus/classworlds/",
                    "org/codehaus/classworlds/",
                    "org/codehaus/plexus/component/annotations/",
                    "org/apache/maven/plugin/",
                    "org/apache/maven/project/",
                    "org/apache/maven/execution/",
                    "org/apache/maven/artifact/",
                    "org/apache/maven/model/",
                    "org/apache/maven/settings/",
                    "org/apache/maven/lifecycle/",
                    "org/apache/maven/repository/");

    private static Path jar;
    private static Set<String> entries;

    @BeforeAll
    static void openJar() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            List<Path> jars =
                    files.filter(
                                    f ->
                                            f.getFileName()
                                                    .toString()
                                                    .matches("mcpsec-maven-plugin-[^-]+.*\\.jar"))
                            .filter(f -> !f.getFileName().toString().endsWith("-sources.jar"))
                            .toList();
            assertThat(jars).as("the packaged plugin jar in target/").hasSize(1);
            jar = jars.get(0);
        }
        entries = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(entries::add);
        }
    }

    private static String version() {
        String name = jar.getFileName().toString();
        return name.substring("mcpsec-maven-plugin-".length(), name.length() - ".jar".length());
    }

    private static String read(String entry) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry e = zip.getEntry(entry);
            assertThat(e).as(entry + " in " + jar).isNotNull();
            try (InputStream in = zip.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void jar_carriesTheDescriptorTheEngineTheBuiltInRulesAndTheirLibraries() throws IOException {
        String descriptor = read("META-INF/maven/plugin.xml");
        assertThat(descriptor).contains("<goalPrefix>mcpsec</goalPrefix>");
        for (String goal : List.of("verify", "test", "report", "aggregate", "help")) {
            assertThat(descriptor).contains("<goal>" + goal + "</goal>");
        }
        assertThat(entries)
                .contains(
                        "dev/mcpsec/maven/VerifyMojo.class",
                        "dev/mcpsec/engine/Mcpsec.class",
                        "META-INF/mcpsec/bundle.json",
                        "org/drools/core/impl/RuleBaseFactory.class",
                        "org/eclipse/jgit/lib/Repository.class",
                        "com/fasterxml/jackson/databind/ObjectMapper.class",
                        "org/apache/maven/doxia/siterenderer/Renderer.class");
    }

    @Test
    void jar_holdsNothingMavenCoreExportsToPlugins() {
        List<String> found = new ArrayList<>();
        for (String prefix : CORE_EXPORTED) {
            entries.stream().filter(e -> e.startsWith(prefix)).findFirst().ifPresent(found::add);
        }
        assertThat(found).as("entries in packages Maven's core exports").isEmpty();
        // plexus-utils is a dependency of the installed POM, not in the jar
        assertThat(entries).doesNotContain("org/codehaus/plexus/util/StringUtils.class");
    }

    @Test
    void classList_namesTheClassesAFirstScanLoads_eachOneTheJarHolds() throws IOException {
        List<String> names =
                read(ClassPreload.LIST).lines().filter(line -> !line.isBlank()).toList();
        // the engine, the built-in rules' model, Drools, Jackson and JGit: what a scan loads
        assertThat(names)
                .hasSizeGreaterThan(1000)
                .isSorted()
                .doesNotHaveDuplicates()
                .contains(
                        "dev.mcpsec.engine.Mcpsec",
                        "dev.mcpsec.scan.ScanEngine",
                        "org.drools.modelcompiler.KieBaseBuilder",
                        "com.fasterxml.jackson.core.JsonFactory",
                        "org.eclipse.jgit.revwalk.RevWalk");
        assertThat(names.stream().filter(n -> n.startsWith("mcpsec.builtin.")).count())
                .as("classes of the built-in rules' precompiled model")
                .isGreaterThan(100);
        // every name is a class of this jar: the list was made from the jar's own contents
        assertThat(names.stream().filter(n -> !entries.contains(n.replace('.', '/') + ".class")))
                .as("listed classes the jar does not hold")
                .isEmpty();
        // the tool that wrote it is not shipped
        assertThat(entries.stream().filter(e -> e.contains("ScanClassList"))).isEmpty();
    }

    @Test
    void serviceFilesOfTheShadedJars_areMerged_notOverwritten() throws IOException {
        // drools-wiring-static and drools-wiring-dynamic both provide a ComponentsSupplier
        String suppliers = read("META-INF/services/org.drools.wiring.api.ComponentsSupplier");
        assertThat(suppliers)
                .contains(
                        "org.drools.wiring.statics.StaticComponentsSupplier",
                        "org.drools.wiring.dynamic.DynamicComponentsSupplier");
    }

    @Test
    void componentIndex_listsTheSiteRenderer_andNoArchiver() throws IOException {
        String index = read("META-INF/sisu/javax.inject.Named");
        // the report goals inject the site renderer and the site tool
        assertThat(index)
                .contains(
                        "org.apache.maven.doxia.siterenderer.DefaultSiteRenderer",
                        "org.apache.maven.doxia.tools.DefaultSiteTool");
        // Maven's container loads every indexed class when it builds the plugin's realm
        assertThat(index)
                .doesNotContain("org.codehaus.plexus.archiver")
                .doesNotContain("org.codehaus.plexus.components.io");
    }

    @Test
    void installedPom_listsOnlyPlexusUtils_andTheInstalledJarIsTheShadedOne() throws Exception {
        Path dir = LOCAL_REPO.resolve("dev/mcpsec/mcpsec-maven-plugin").resolve(version());
        Path pom = dir.resolve("mcpsec-maven-plugin-" + version() + ".pom");
        assertThat(pom).as("the plugin the ITs installed").isRegularFile();
        List<String> runtime = runtimeDependencies(Files.readString(pom, StandardCharsets.UTF_8));
        // plexus-utils stays a dependency, or Maven 3.8 would add plexus-utils 1.1 to the realm
        assertThat(runtime)
                .as("dependencies a user's build would resolve")
                .containsExactly("plexus-utils");
        Path installed = dir.resolve("mcpsec-maven-plugin-" + version() + ".jar");
        assertThat(sha256(installed)).as("installed jar = " + jar).isEqualTo(sha256(jar));
    }

    @Test
    void runtimeDependencies_findsCompileAndRuntimeScopedEntries() {
        String pom =
                "<project><dependencyManagement><dependencies><dependency><groupId>m</groupId>"
                        + "<artifactId>managed</artifactId></dependency></dependencies>"
                        + "</dependencyManagement><dependencies>"
                        + "<dependency><groupId>a</groupId><artifactId>plain</artifactId>"
                        + "</dependency>"
                        + "<dependency><groupId>a</groupId><artifactId>run</artifactId>"
                        + "<scope>runtime</scope></dependency>"
                        + "<dependency><groupId>a</groupId><artifactId>prov</artifactId>"
                        + "<scope>provided</scope></dependency>"
                        + "<dependency><groupId>a</groupId><artifactId>t</artifactId>"
                        + "<scope>test</scope><exclusions><exclusion><groupId>x</groupId>"
                        + "<artifactId>y</artifactId></exclusion></exclusions></dependency>"
                        + "</dependencies></project>";
        assertThat(runtimeDependencies(pom)).containsExactly("plain", "run");
    }

    private static final Pattern DEPENDENCIES =
            Pattern.compile("<dependencies>(.*?)</dependencies>", Pattern.DOTALL);
    private static final Pattern DEPENDENCY =
            Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern SCOPE = Pattern.compile("<scope>([^<]+)</scope>");

    /**
     * The artifactIds of the POM's own dependencies (not the managed ones) a plugin's user
     * resolves.
     */
    static List<String> runtimeDependencies(String pom) {
        String withoutManagement =
                pom.replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", "");
        List<String> runtime = new ArrayList<>();
        Matcher deps = DEPENDENCIES.matcher(withoutManagement);
        while (deps.find()) {
            Matcher dep = DEPENDENCY.matcher(deps.group(1));
            while (dep.find()) {
                String body = dep.group(1).replaceAll("(?s)<exclusions>.*?</exclusions>", "");
                Matcher scope = SCOPE.matcher(body);
                String s = scope.find() ? scope.group(1).trim() : "compile";
                if (s.equals("compile") || s.equals("runtime") || s.equals("system")) {
                    Matcher id = ARTIFACT.matcher(body);
                    runtime.add(id.find() ? id.group(1).trim() : body.trim());
                }
            }
        }
        return runtime;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    }
}
