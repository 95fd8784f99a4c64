package dev.mcpsec.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs the scan of {@code mcpsec:verify} in a JVM of its own ({@link ScanWorker}), started with
 * Maven's {@code java} and the plugin's class path, and tuned for a short run: the client compiler
 * only, the serial collector, and a class-data-sharing archive of the scan's classes that the first
 * such run creates in the user's cache directory and every later run maps (see
 * docs/maven-plugin.md#the-scan-jvm). Maven's own JVM, busy compiling Maven's code, then neither
 * loads nor compiles the scan's few thousand classes.
 *
 * <p>The archive is read only from the cache directory (never from the scanned project), only when
 * that directory belongs to the user alone, and under a name that the JVM, its version and every
 * class-path file (path, size, modification time) decide: another JVM or a rebuilt jar finds no
 * archive and makes its own.
 */
final class ScanFork {
    /** JVM options of every scan JVM; {@link #command} adds the archive's. */
    static final List<String> JVM_OPTIONS =
            List.of(
                    // a JVM without one of the options below (not HotSpot) starts anyway
                    "-XX:+IgnoreUnrecognizedVMOptions",
                    // the client compiler only, on one thread: a scan is short, and a second
                    // compiler thread takes CPU time from the scan's own (-27 ms on two cores)
                    "-XX:TieredStopAtLevel=1",
                    "-XX:CICompilerCount=1",
                    "-XX:+UseSerialGC",
                    "-Xshare:auto",
                    // no hsperfdata file: nothing attaches to a scan JVM
                    "-XX:-UsePerfData",
                    // the JVM's own messages go to stderr, never into the build's stdout; a stale
                    // or unusable archive is not worth a warning (the JVM runs without it)
                    "-Xlog:disable",
                    "-Xlog:all=warning:stderr",
                    "-Xlog:cds*=error:stderr");

    /** Archives of other JVMs or plugin builds that no run used for this long are removed. */
    static final Duration UNUSED_ARCHIVE_AGE = Duration.ofDays(30);

    private static final String ARCHIVE_PREFIX = "scan-";
    private static final String ARCHIVE_SUFFIX = ".jsa";

    private final Path java;
    private final List<File> classPath;
    private final Path archiveDirectory;
    private final Map<String, String> properties;
    private final Consumer<String> debug;

    /**
     * @param java the {@code java} launcher
     * @param classPath the plugin's class path (its jar and dependencies, org bundles included)
     * @param archiveDirectory where class-data archives are kept, or null for none
     * @param properties system properties the scan JVM gets ({@code -Dname=value})
     * @param debug receives what the goal logs at debug level
     */
    ScanFork(
            Path java,
            List<File> classPath,
            Path archiveDirectory,
            Map<String, String> properties,
            Consumer<String> debug) {
        this.java = java;
        this.classPath = List.copyOf(classPath);
        this.archiveDirectory = archiveDirectory;
        this.properties = new TreeMap<>(properties);
        this.debug = debug;
    }

    /** The {@code java} launcher of the running JVM. */
    static Path currentJava() {
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /**
     * The system properties a scan JVM gets from this one: every {@code mcpsec.*} property
     * (switches such as {@code -Dmcpsec.diagnostics=true}) and {@code user.home} (where user-level
     * client configs are found).
     */
    static Map<String, String> forwardedProperties() {
        Map<String, String> forwarded = new TreeMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("mcpsec.")) {
                forwarded.put(name, System.getProperty(name));
            }
        }
        forwarded.put("user.home", System.getProperty("user.home"));
        return forwarded;
    }

    /** A started scan JVM; {@link #await} gives its outcome. */
    final class Running {
        private final Process process;
        private final Path work;
        private final Path outcome;
        private final Path newArchive;
        private final Path archive;
        private final Thread stopper;

        private Running(Process process, Path work, Path outcome, Path newArchive, Path archive) {
            this.process = process;
            this.work = work;
            this.outcome = outcome;
            this.newArchive = newArchive;
            this.archive = archive;
            // Maven stopped (Ctrl-C): the scan JVM stops too
            this.stopper = new Thread(process::destroyForcibly, "mcpsec-scan-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
        }

        /**
         * Waits for the scan JVM and reads its outcome; throws {@link IllegalStateException} when
         * it ended without one (its own messages are above, on stderr).
         */
        ScanOutcome await() {
            try {
                int exit;
                try {
                    exit = process.waitFor();
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(
                            "mcpsec: interrupted while the scan JVM ran", e);
                }
                if (exit != 0 || !Files.isRegularFile(outcome)) {
                    throw new IllegalStateException(
                            "mcpsec: the scan JVM ended with exit code "
                                    + exit
                                    + " before it gave a result (its messages are above); "
                                    + "-Dmcpsec.fork=false scans in Maven's JVM instead");
                }
                ScanOutcome result;
                try {
                    result = ScanOutcome.read(outcome);
                } catch (IOException e) {
                    throw new IllegalStateException(
                            "mcpsec: cannot read the scan JVM's result: " + e.getMessage(), e);
                }
                keepArchive();
                return result;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down already
                }
                deleteTree(work);
                // what a scan JVM that failed may have left of an archive is never kept
                deleteNewArchive();
            }
        }

        /**
         * A run that created an archive puts it in place with one rename, so that no scan JVM ever
         * maps a half-written archive (one made by a parallel build meanwhile is replaced by an
         * equal one).
         */
        private void keepArchive() {
            if (newArchive == null) {
                return;
            }
            try {
                if (Files.isRegularFile(newArchive, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(newArchive, archive, StandardCopyOption.ATOMIC_MOVE);
                    debug.accept("mcpsec: class-data archive created: " + archive);
                }
            } catch (FileAlreadyExistsException e) {
                debug.accept(
                        "mcpsec: class-data archive made by another build meanwhile: " + archive);
            } catch (IOException e) {
                debug.accept("mcpsec: class-data archive not kept: " + e.getMessage());
            }
        }

        private void deleteNewArchive() {
            if (newArchive == null) {
                return;
            }
            try {
                Files.deleteIfExists(newArchive);
            } catch (IOException e) {
                debug.accept("mcpsec: cannot remove " + newArchive + ": " + e.getMessage());
            }
        }
    }

    /**
     * Starts a scan JVM for {@code request}: writes the request into a private temporary folder and
     * launches {@link ScanWorker} with the plugin's class path.
     */
    Running start(ScanWorker.Request request) throws IOException {
        Path work = Files.createTempDirectory("mcpsec-scan-");
        try {
            Path requestFile = work.resolve("request.properties");
            Path outcome = work.resolve("outcome.properties");
            ScanWorker.writeRequest(request, requestFile);
            Path archive = archiveFile();
            Path newArchive = null;
            List<String> archiveOptions = new ArrayList<>();
            if (archive != null && Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS)) {
                archiveOptions.add("-XX:SharedArchiveFile=" + archive);
                markUsed(archive);
            } else if (archive != null) {
                newArchive =
                        archive.resolveSibling(
                                archive.getFileName()
                                        + "."
                                        + ProcessHandle.current().pid()
                                        + ".tmp");
                Files.deleteIfExists(newArchive);
                archiveOptions.add("-XX:ArchiveClassesAtExit=" + newArchive);
                removeUnusedArchives(archive);
                debug.accept("mcpsec: this scan JVM creates the class-data archive " + archive);
            }
            ProcessBuilder builder =
                    new ProcessBuilder(command(archiveOptions, requestFile, outcome))
                            .directory(request.settings().baseDirectory())
                            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                            .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment()
                    .put(
                            "CLASSPATH",
                            String.join(
                                    File.pathSeparator,
                                    classPath.stream().map(File::getAbsolutePath).toList()));
            debug.accept("mcpsec: scan JVM: " + String.join(" ", builder.command()));
            return new Running(builder.start(), work, outcome, newArchive, archive);
        } catch (IOException | RuntimeException e) {
            deleteTree(work);
            throw e;
        }
    }

    /** The scan JVM's command line (its class path goes in the environment, as CLASSPATH). */
    List<String> command(List<String> archiveOptions, Path requestFile, Path outcome) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(archiveOptions);
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add(ScanWorker.class.getName());
        command.add(requestFile.toString());
        command.add(outcome.toString());
        return command;
    }

    /**
     * The archive of this JVM and class path in the archive directory, or null when there is no
     * directory or it is not the user's alone (then the scan JVM runs without an archive).
     */
    Path archiveFile() {
        if (archiveDirectory == null) {
            return null;
        }
        for (File f : classPath) {
            // the JVM archives classes from jars only, and refuses to start with a folder on the
            // path
            if (!f.isFile()) {
                debug.accept(
                        "mcpsec: no class-data archive: the class path holds "
                                + f
                                + ", which is not a jar");
                return null;
            }
        }
        try {
            Path dir = privateDirectory(archiveDirectory);
            if (dir == null) {
                debug.accept(
                        "mcpsec: no class-data archive: "
                                + archiveDirectory
                                + " is a link, not a directory, or others may write to it");
                return null;
            }
            return dir.resolve(ARCHIVE_PREFIX + key() + ARCHIVE_SUFFIX);
        } catch (IOException e) {
            debug.accept("mcpsec: no class-data archive: " + e.getMessage());
            return null;
        }
    }

    /**
     * True when {@code dir} lies in one of {@code folders} (or is one), links followed as far as
     * the path exists: an archive there could come from the project, so none is used.
     */
    static boolean inside(Path dir, List<Path> folders) {
        Path d = real(dir);
        for (Path f : folders) {
            if (f != null && d.startsWith(real(f))) {
                return true;
            }
        }
        return false;
    }

    /** {@code p} made absolute, its longest existing part resolved through links. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        List<String> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            if (existing.getFileName() != null) {
                rest.add(0, existing.getFileName().toString());
            }
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            Path real = existing.toRealPath();
            for (String part : rest) {
                real = real.resolve(part);
            }
            return real;
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * {@code dir}, created owner-only when missing; null when it is a link or not a directory, or
     * (on POSIX file systems) belongs to another user or lets others write to it.
     */
    static Path privateDirectory(Path dir) throws IOException {
        PosixFileAttributeView posix =
                Files.getFileAttributeView(
                        dir.getParent() == null ? dir : dir.getParent(),
                        PosixFileAttributeView.class);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (posix != null) {
                Files.createDirectories(
                        dir,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        PosixFileAttributeView view =
                Files.getFileAttributeView(
                        dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view != null) {
            PosixFileAttributes attrs = view.readAttributes();
            Set<PosixFilePermission> perms = attrs.permissions();
            String me = System.getProperty("user.name");
            if (perms.contains(PosixFilePermission.GROUP_WRITE)
                    || perms.contains(PosixFilePermission.OTHERS_WRITE)
                    || (me != null && !attrs.owner().getName().equals(me))) {
                return null;
            }
        }
        return dir;
    }

    /**
     * The name part of this JVM's archive: a SHA-256 over the JVM (home, name, version,
     * architecture) and every class-path file (path, size, modification time).
     */
    String key() throws IOException {
        StringBuilder text = new StringBuilder("mcpsec-scan-archive/1\n");
        for (String p : List.of("java.home", "java.vm.name", "java.vm.version", "os.arch")) {
            text.append(p).append('=').append(System.getProperty(p)).append('\n');
        }
        for (File f : classPath) {
            Path path = f.toPath().toAbsolutePath();
            text.append(path)
                    .append(' ')
                    .append(Files.size(path))
                    .append(' ')
                    .append(Files.getLastModifiedTime(path).toMillis())
                    .append('\n');
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records that a run used {@code archive} (its modification time), so that it is kept. */
    private void markUsed(Path archive) {
        try {
            Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
        } catch (IOException e) {
            debug.accept("mcpsec: cannot mark " + archive + " as used: " + e.getMessage());
        }
    }

    /** Removes archives next to {@code keep} that no run used for {@link #UNUSED_ARCHIVE_AGE}. */
    private void removeUnusedArchives(Path keep) {
        Instant cutoff = Instant.now().minus(UNUSED_ARCHIVE_AGE);
        try (Stream<Path> files = Files.list(keep.getParent())) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (f.equals(keep)
                        || !name.startsWith(ARCHIVE_PREFIX)
                        || !(name.endsWith(ARCHIVE_SUFFIX) || name.endsWith(".tmp"))) {
                    continue;
                }
                FileTime used = Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS);
                if (used.toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(f);
                    debug.accept("mcpsec: removed the unused class-data archive " + f);
                }
            }
        } catch (IOException e) {
            debug.accept("mcpsec: old class-data archives not removed: " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
