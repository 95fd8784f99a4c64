package dev.mcpsec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.secrets.FakeSecrets;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan JVM of {@code mcpsec:verify}: what it runs, where its class-data archive may come from,
 * and that its outcome is the outcome of a scan in Maven's JVM.
 */
class ScanForkTest {
    @TempDir Path tmp;

    /**
     * The test's class path (the plugin's classes, the engine, the built-in rules, SLF4J), each
     * folder packed into a jar of {@code dir}: a plugin's class path is jars, and the JVM archives
     * classes from jars only.
     */
    private static List<File> testClassPath(Path dir) throws IOException {
        String cp =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        List<File> jars = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            File f = new File(entry);
            if (f.isDirectory()) {
                jars.add(jarOf(f.toPath(), dir.resolve(jars.size() + ".jar")).toFile());
            } else if (f.isFile()) {
                jars.add(f);
            }
        }
        return jars;
    }

    private static Path jarOf(Path folder, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void theScanJvm_isMavensJavaWithThePluginsClassPath_andRunsNothingFromTheProject()
            throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path jar = Files.writeString(tmp.resolve("plugin.jar"), "jar");
        Path java = ScanFork.currentJava();
        ScanFork fork =
                new ScanFork(
                        java,
                        List.of(jar.toFile()),
                        null,
                        Map.of("mcpsec.diagnostics", "true", "user.home", "/home/me"),
                        s -> {});
        Path request = tmp.resolve("work/request.properties");
        Path outcome = tmp.resolve("work/outcome.properties");
        List<String> command = fork.command(List.of(), request, outcome);

        assertThat(java)
                .isEqualTo(
                        Path.of(System.getProperty("java.home"), "bin")
                                .resolve(java.getFileName()));
        assertThat(command.get(0)).isEqualTo(java.toString());
        assertThat(command.subList(1, 1 + ScanFork.JVM_OPTIONS.size()))
                .isEqualTo(ScanFork.JVM_OPTIONS);
        assertThat(command)
                .contains("-Dmcpsec.diagnostics=true", "-Duser.home=/home/me")
                .endsWith(ScanWorker.class.getName(), request.toString(), outcome.toString());
        // the JVM's messages never reach stdout, where a build may expect its own output
        assertThat(ScanFork.JVM_OPTIONS).contains("-Xlog:disable", "-Xlog:all=warning:stderr");
        assertThat(String.join(" ", command)).doesNotContain(project.toString());
        // no archive directory: no archive option
        assertThat(fork.archiveFile()).isNull();
        assertThat(command)
                .noneMatch(
                        a -> a.contains("SharedArchiveFile") || a.contains("ArchiveClassesAtExit"));
    }

    @Test
    void theArchiveFolder_isCreatedOwnerOnly_andNotUsedWhenItIsALinkOrOthersMayWriteToIt()
            throws Exception {
        assumeTrue(posix(), "POSIX permissions");
        Path jar = Files.writeString(tmp.resolve("plugin.jar"), "jar");
        Path dir = tmp.resolve("cache/class-data");
        ScanFork fork =
                new ScanFork(ScanFork.currentJava(), List.of(jar.toFile()), dir, Map.of(), s -> {});

        Path archive = fork.archiveFile();
        assertThat(archive.getParent()).isEqualTo(dir);
        assertThat(archive.getFileName().toString()).matches("scan-[0-9a-f]{32}\\.jsa");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThat(fork.archiveFile()).as("group-writable").isNull();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx---rwx"));
        assertThat(fork.archiveFile()).as("world-writable").isNull();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        assertThat(fork.archiveFile()).isEqualTo(archive);

        Path link = Files.createSymbolicLink(tmp.resolve("linked"), dir);
        ScanFork linked =
                new ScanFork(
                        ScanFork.currentJava(), List.of(jar.toFile()), link, Map.of(), s -> {});
        assertThat(linked.archiveFile()).as("a link").isNull();
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        ScanFork notADirectory =
                new ScanFork(
                        ScanFork.currentJava(), List.of(jar.toFile()), file, Map.of(), s -> {});
        assertThat(notADirectory.archiveFile()).as("not a directory").isNull();
    }

    @Test
    void anArchiveFolderInsideTheProject_isRecognised_evenThroughALink() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path scanned = Files.createDirectories(tmp.resolve("reactor"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        List<Path> folders = List.of(project, scanned);
        assertThat(ScanFork.inside(project.resolve(".cache/mcpsec/class-data"), folders)).isTrue();
        assertThat(ScanFork.inside(scanned.resolve("module/../x/class-data"), folders)).isTrue();
        assertThat(ScanFork.inside(project, folders)).isTrue();
        assertThat(ScanFork.inside(home.resolve(".cache/mcpsec/class-data"), folders)).isFalse();
        assertThat(ScanFork.inside(tmp.resolve("project-other/class-data"), folders)).isFalse();
        assumeTrue(posix(), "symbolic links");
        Path link = Files.createSymbolicLink(home.resolve("cache"), project);
        assertThat(ScanFork.inside(link.resolve("mcpsec/class-data"), folders)).isTrue();
    }

    @Test
    void aFolderOnTheClassPath_meansNoArchive_sinceTheJvmWouldNotStartWithOne() throws Exception {
        Path jar = Files.writeString(tmp.resolve("plugin.jar"), "jar");
        Path classes = Files.createDirectories(tmp.resolve("bundle/target/classes"));
        Files.writeString(classes.resolve("a.txt"), "x");
        List<String> debug = new ArrayList<>();
        ScanFork fork =
                new ScanFork(
                        ScanFork.currentJava(),
                        List.of(jar.toFile(), classes.toFile()),
                        tmp.resolve("cache/class-data"),
                        Map.of(),
                        debug::add);
        assertThat(fork.archiveFile()).isNull();
        assertThat(debug).anyMatch(l -> l.contains("which is not a jar"));
    }

    @Test
    void theArchiveName_changesWithEveryClassPathFile() throws Exception {
        Path jar = Files.writeString(tmp.resolve("plugin.jar"), "jar");
        Path bundle = Files.writeString(tmp.resolve("bundle.jar"), "bundle");
        ScanFork fork =
                new ScanFork(
                        ScanFork.currentJava(),
                        List.of(jar.toFile(), bundle.toFile()),
                        tmp.resolve("cache"),
                        Map.of(),
                        s -> {});
        String key = fork.key();
        assertThat(fork.key()).isEqualTo(key);
        Files.setLastModifiedTime(bundle, FileTime.fromMillis(1_000_000L));
        String touched = fork.key();
        assertThat(touched).isNotEqualTo(key);
        Files.writeString(bundle, "bundle, rebuilt");
        Files.setLastModifiedTime(bundle, FileTime.fromMillis(1_000_000L));
        assertThat(fork.key()).as("another size").isNotEqualTo(touched);
        ScanFork fewer =
                new ScanFork(
                        ScanFork.currentJava(),
                        List.of(jar.toFile()),
                        tmp.resolve("cache"),
                        Map.of(),
                        s -> {});
        assertThat(fewer.key()).isNotEqualTo(fork.key());
    }

    @Test
    void aScanJvmThatEndsWithoutAnAnswer_failsWithTheWayOut() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        // a class path without the worker: the JVM cannot start it and exits 1
        Path empty = jarOf(Files.createDirectories(tmp.resolve("empty")), tmp.resolve("empty.jar"));
        Path archives = tmp.resolve("cache/class-data");
        ScanFork fork =
                new ScanFork(
                        ScanFork.currentJava(),
                        List.of(empty.toFile()),
                        archives,
                        Map.of(),
                        s -> {});
        ScanFork.Running running =
                fork.start(
                        new ScanWorker.Request(
                                VerifySettings.builder(project.toFile(), project.toFile()).build(),
                                tmp.resolve("out").toFile()));
        assertThatThrownBy(running::await)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the scan JVM ended with exit code 1")
                .hasMessageContaining("-Dmcpsec.fork=false");
        // whatever that JVM wrote of a class-data archive is not kept
        try (Stream<Path> files = Files.list(archives)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void aFirstScanMakesTheArchive_theNextMapsIt_andBothAnswerAsAScanInMavensJvm()
            throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        String key = FakeSecrets.generate("stripe-live", new Random(15));
        Files.writeString(
                project.resolve(".mcp.json"),
                "{\"mcpServers\":{\"stripe\":{\"command\":\"npx\",\"args\":[\"-y\","
                        + "\"@stripe/mcp@0.2.4\"],\"env\":{\"STRIPE_SECRET_KEY\":\""
                        + key
                        + "\"}}}}");
        Path archives = tmp.resolve("cache/class-data");
        List<String> debug = new ArrayList<>();
        ScanFork fork =
                new ScanFork(
                        ScanFork.currentJava(),
                        testClassPath(tmp.resolve("classpath")),
                        archives,
                        Map.of("user.home", tmp.resolve("home").toString()),
                        debug::add);
        VerifySettings settings =
                VerifySettings.builder(project.toFile(), project.toFile())
                        .history(false)
                        .formats(List.of("console", "json", "sarif"))
                        .build();

        ScanOutcome first =
                fork.start(new ScanWorker.Request(settings, tmp.resolve("out1").toFile())).await();
        assertThat(debug).anyMatch(l -> l.contains("creates the class-data archive"));
        List<Path> made;
        try (Stream<Path> files = Files.list(archives)) {
            made = files.toList();
        }
        assertThat(made).hasSize(1);
        assertThat(made.get(0).getFileName().toString()).endsWith(".jsa");

        debug.clear();
        ScanOutcome second =
                fork.start(new ScanWorker.Request(settings, tmp.resolve("out2").toFile())).await();
        assertThat(debug).noneMatch(l -> l.contains("creates the class-data archive"));
        assertThat(debug).anyMatch(l -> l.contains("-XX:SharedArchiveFile=" + made.get(0)));

        VerifySettings inMaven =
                VerifySettings.builder(project.toFile(), project.toFile())
                        .history(false)
                        .formats(List.of("console", "json", "sarif"))
                        .bundleClassLoader(getClass().getClassLoader())
                        .build();
        ScanOutcome here =
                ScanWorker.scan(
                        Mcpsec.create(),
                        RequestAdapter.toPlan(inMaven),
                        tmp.resolve("out3").toFile());

        for (ScanOutcome forked : List.of(first, second)) {
            assertThat(forked.error()).isNull();
            assertThat(withoutTimes(forked.lines(), forked))
                    .isEqualTo(withoutTimes(here.lines(), here));
            assertThat(forked.findings()).isEqualTo(here.findings()).isPositive();
            assertThat(forked.failing()).isEqualTo(here.failing()).isPositive();
            assertThat(forked.findingLines()).isEqualTo(here.findingLines());
            assertThat(forked.keepable()).isEqualTo(here.keepable());
            assertThat(forked.reports()).hasSameSizeAs(here.reports());
            assertThat(String.join("\n", forked.lines())).doesNotContain(key);
        }
        assertThat(Files.readString(tmp.resolve("out1/mcpsec.json")))
                .doesNotContain(key)
                .contains("STRIPE");
    }

    /** Log lines with the scan's duration and the report folder left out. */
    private static List<String> withoutTimes(List<String> lines, ScanOutcome outcome) {
        return lines.stream()
                .map(l -> l.replaceAll(" in \\d+ ms$", " in N ms"))
                .map(l -> l.replaceAll("/out\\d/", "/outN/"))
                .toList();
    }
}
