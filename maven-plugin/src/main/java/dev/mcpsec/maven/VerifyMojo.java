package dev.mcpsec.maven;

import dev.mcpsec.engine.Mcpsec;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Scans the build's MCP client configurations and fails the build on findings at or above {@code
 * <failOn>}. By default the scan runs once per build, for the execution root, where MCP configs
 * live.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractScanMojo {
    private static final String SCANNED_KEY = VerifyMojo.class.getName() + ".scanned:";

    /**
     * Fails the build on findings at or above this severity: critical, high, medium, low, info or
     * never.
     */
    @Parameter(property = "mcpsec.failOn", defaultValue = "high")
    private String failOn;

    /**
     * Outputs: console (findings in the build log), text, json, sarif, markdown, html, junit,
     * gitlab.
     */
    @Parameter(property = "mcpsec.formats", defaultValue = "console,json,sarif")
    private List<String> formats;

    /** Where report files ({@code mcpsec.json}, {@code mcpsec.sarif}, ...) are written. */
    @Parameter(
            property = "mcpsec.outputDirectory",
            defaultValue = "${project.build.directory}/mcpsec")
    private File outputDirectory;

    /** Also scans user-level client configs under the home folder (reported as {@code ~/...}). */
    @Parameter(property = "mcpsec.includeUserConfigs", defaultValue = "false")
    private boolean includeUserConfigs;

    /** When false, an engine or configuration error is logged and the build goes on. */
    @Parameter(property = "mcpsec.failOnError", defaultValue = "true")
    private boolean failOnError;

    /**
     * {@code root}: one scan per build, of the reactor root (found from the folder Maven runs in by
     * walking up the parent POMs that list it as a module); {@code module}: each module scans its
     * own basedir.
     */
    @Parameter(property = "mcpsec.scope", defaultValue = "root")
    private String scope;

    /** Scans this directory instead of the one {@code <scope>} selects. */
    @Parameter(property = "mcpsec.scanDirectory")
    private File scanDirectory;

    /**
     * Scans even when nothing that can change the result changed since the last complete run of the
     * goal (which is otherwise reused: its reports, findings and outcome).
     */
    @Parameter(property = "mcpsec.force", defaultValue = "false")
    private boolean force;

    /**
     * Where the scan runs: {@code true} in a JVM of its own, started with Maven's {@code java} and
     * tuned for a short run (docs/maven-plugin.md#the-scan-jvm); {@code false} in Maven's JVM;
     * {@code auto} in a JVM of its own when the goal scans once per build ({@code
     * <scope>root</scope>}), in Maven's JVM when every module scans (they share the compiled rules
     * there).
     */
    @Parameter(property = "mcpsec.fork", defaultValue = "auto")
    private String fork;

    /**
     * When the scan runs in a JVM of its own: keep a class-data-sharing archive of its classes in
     * {@code <cacheDirectory>/class-data}, made by the first such scan with this JVM and plugin
     * build, mapped by every later one.
     */
    @Parameter(property = "mcpsec.classDataArchive", defaultValue = "true")
    private boolean classDataArchive;

    /**
     * The user's mcpsec cache directory (class-data archives); one inside the project or the
     * scanned folder is not used.
     */
    @Parameter(property = "mcpsec.cacheDirectory", defaultValue = "${user.home}/.cache/mcpsec")
    private File cacheDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            checkFlags(SHARED_FLAGS);
            checkFlags("includeUserConfigs", "failOnError", "force", "classDataArchive");
        } catch (PluginParameterException e) {
            throw new MojoExecutionException(MavenMessages.describe(e), e);
        }
        if (skip) {
            getLog().info("mcpsec: skipped (mcpsec.skip)");
            return;
        }
        warnIgnoredUserProperties();
        ScanPlan plan;
        VerifySettings settings;
        boolean forked;
        try {
            File dir = resolveScanDirectory();
            if (dir == null) {
                return;
            }
            settings = verifySettings(dir);
            plan = RequestAdapter.toPlan(settings);
            forked = forks();
        } catch (PluginParameterException e) {
            throw new MojoExecutionException(MavenMessages.describe(e), e);
        }
        Path out = outputDirectory.toPath();
        Optional<UpToDateState> previous = UpToDateState.read(out);
        PendingScan scan = null;
        if (previous.isEmpty() || force) {
            // no previous run to reuse: this run scans, so the scan starts now, while the
            // up-to-date key is computed for the next build
            scan = startScan(plan, settings, forked);
            if (scan == null) {
                return;
            }
        }
        String key = upToDateKey(settings);
        if (key != null && previous.isPresent() && previous.get().reusable(key, out)) {
            reuse(previous.get());
            return;
        }
        if (scan == null) {
            scan = startScan(plan, settings, forked);
            if (scan == null) {
                return;
            }
        }
        ScanOutcome outcome;
        try {
            outcome = scan.await();
        } catch (IllegalStateException e) {
            onError(e.getMessage(), e);
            return;
        }
        if (outcome.error() != null) {
            onError(outcome.error(), outcome.cause());
            return;
        }
        new BuildLogReport(getLog()).replay(outcome.lines());
        if (key != null) {
            keep(key, outcome);
        }
        if (outcome.failing() > 0) {
            throw new MojoFailureException(outcome.failure());
        }
    }

    /** A scan under way: in Maven's JVM or in a scan JVM ({@link ScanFork}). */
    private interface PendingScan {
        ScanOutcome await();
    }

    /**
     * Starts the scan of {@code plan}, after removing the previous run's up-to-date state (only a
     * complete run leaves one); null when it cannot start and {@code <failOnError>} is false (said
     * in the log).
     */
    private PendingScan startScan(ScanPlan plan, VerifySettings settings, boolean forked)
            throws MojoExecutionException {
        try {
            UpToDateState.delete(outputDirectory.toPath());
        } catch (IOException e) {
            onError(
                    "mcpsec: could not write the reports to <outputDirectory> "
                            + outputDirectory
                            + ": "
                            + e.getMessage(),
                    e);
            return null;
        }
        getLog().info("mcpsec: scanning " + plan.request().root());
        ScanFork fork = forked ? scanFork(plan.request().root()) : null;
        if (fork == null) {
            Mcpsec engine = prepareScan(plan);
            return () -> ScanWorker.scan(engine, plan, outputDirectory);
        }
        try {
            ScanFork.Running running =
                    fork.start(new ScanWorker.Request(settings, outputDirectory));
            return running::await;
        } catch (IOException e) {
            onError(
                    "mcpsec: cannot start the scan JVM ("
                            + e.getMessage()
                            + "); -Dmcpsec.fork=false scans in Maven's JVM instead",
                    e);
            return null;
        }
    }

    /**
     * Whether this run scans in a scan JVM of its own (see {@link ScanFork}), as {@code <fork>}
     * says: by default when the goal scans once per build ({@code <scope>root</scope>}); in Maven's
     * JVM otherwise, where the compiled rules are shared by every module that scans.
     */
    private boolean forks() {
        String mode = fork == null ? "auto" : fork.trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "true":
                return true;
            case "false":
                return false;
            case "auto":
                return "root".equalsIgnoreCase(String.valueOf(scope).trim());
            default:
                throw new PluginParameterException(
                        "fork", "<fork> must be one of auto, true, false; got '" + fork + "'");
        }
    }

    /**
     * The scan JVM of this run (scanning {@code root}), or null when the plugin's class path cannot
     * be known (then the scan runs in Maven's JVM, as the log says).
     */
    private ScanFork scanFork(Path root) {
        Optional<List<File>> plugin = pluginClassPath();
        if (plugin.isEmpty()) {
            getLog().info(
                            "mcpsec: the plugin's class path is unknown or not a list of files:"
                                    + " scanning in Maven's JVM");
            return null;
        }
        // SLF4J, which Drools logs through, comes from Maven's core: its API jar joins the path
        java.security.CodeSource slf4j =
                org.slf4j.LoggerFactory.class.getProtectionDomain().getCodeSource();
        List<File> classPath = new ArrayList<>(plugin.get());
        try {
            if (slf4j == null || slf4j.getLocation() == null) {
                getLog().info("mcpsec: Maven's SLF4J jar is unknown: scanning in Maven's JVM");
                return null;
            }
            classPath.add(new File(slf4j.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            getLog().info("mcpsec: Maven's SLF4J jar is not a file: scanning in Maven's JVM");
            return null;
        }
        Path archives = null;
        if (classDataArchive && cacheDirectory != null) {
            archives = cacheDirectory.toPath().resolve("class-data");
            if (ScanFork.inside(archives, List.of(project.getBasedir().toPath(), root))) {
                getLog().info(
                                "mcpsec: <cacheDirectory> "
                                        + cacheDirectory
                                        + " lies inside the project or the scanned folder: the"
                                        + " scan JVM runs without a class-data archive");
                archives = null;
            }
        }
        return new ScanFork(
                ScanFork.currentJava(),
                classPath,
                archives,
                ScanFork.forwardedProperties(),
                getLog()::debug);
    }

    /**
     * The up-to-date key of this run, or null when the run must scan: {@code -Dmcpsec.force}, a
     * parameter that reads files the key cannot cover, or a key that cannot be computed (said in
     * the log).
     */
    private String upToDateKey(VerifySettings settings) {
        if (force) {
            getLog().debug("mcpsec: up-to-date check off (mcpsec.force)");
            return null;
        }
        Optional<String> why = UpToDateKey.notReusable(settings);
        if (why.isPresent()) {
            getLog().debug("mcpsec: up-to-date check off: " + why.get());
            return null;
        }
        Optional<List<File>> plugin = pluginClassPath();
        if (plugin.isEmpty()) {
            getLog().info(
                            "mcpsec: up-to-date check off: the plugin's class path is unknown or"
                                    + " not a list of files");
            return null;
        }
        List<File> classPath = plugin.get();
        long start = System.nanoTime();
        try {
            Map<String, String> extra = new TreeMap<>();
            extra.put("outputDirectory", outputDirectory.getAbsolutePath());
            extra.put("failOnError", Boolean.toString(failOnError));
            extra.put("scope", String.valueOf(scope));
            String key =
                    UpToDateKey.compute(settings, extra, classPath, LocalDate.now(ZoneOffset.UTC));
            getLog().debug(
                            "mcpsec: up-to-date key of "
                                    + classPath.size()
                                    + " class-path entries and the scanned tree in "
                                    + (System.nanoTime() - start) / 1_000_000
                                    + " ms");
            return key;
        } catch (IOException | RuntimeException e) {
            getLog().info("mcpsec: up-to-date check not possible (" + e + "); scanning");
            return null;
        }
    }

    /**
     * The files of the plugin's class realm (its jar, plexus-utils, org bundles added as plugin
     * dependencies), or empty when its class loader does not list them or they are not files.
     */
    private Optional<List<File>> pluginClassPath() {
        if (!(getClass().getClassLoader() instanceof URLClassLoader loader)) {
            return Optional.empty();
        }
        List<File> classPath = new ArrayList<>();
        try {
            for (URL url : loader.getURLs()) {
                classPath.add(new File(url.toURI()));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(classPath);
    }

    /**
     * A scan follows: the classes it needs start loading ({@link ClassPreload}), and the engine
     * starts reading the bundles on the plugin's class path (and compiling their rules when the
     * goal names no other bundle), while the goal finishes its own set-up and the scan discovers
     * the configs; returns the engine that scans.
     */
    private Mcpsec prepareScan(ScanPlan plan) {
        int listed = ClassPreload.start(getClass().getClassLoader());
        if (listed > 0) {
            getLog().debug("mcpsec: loading " + listed + " classes ahead of the scan");
        }
        Mcpsec engine = Mcpsec.create();
        engine.prepareScan(ScanWorker.classPathRulesOnly(plan));
        return engine;
    }

    /** Replays a previous complete run whose key matches: its finding lines and its outcome. */
    private void reuse(UpToDateState previous) throws MojoFailureException {
        new BuildLogReport(getLog()).replay(previous.lines());
        getLog().info(
                        "mcpsec: up to date, "
                                + previous.findings()
                                + " findings from the previous run ("
                                + previous.finishedAt()
                                + "), reports in "
                                + outputDirectory
                                + " (-Dmcpsec.force to rescan)");
        if (previous.failing() > 0) {
            throw new MojoFailureException(previous.failure());
        }
    }

    /**
     * Keeps this run for the next one, unless it had warnings (a partial or time-limited run, an
     * unreadable file: always rescanned).
     */
    private void keep(String key, ScanOutcome outcome) {
        if (!outcome.keepable()) {
            getLog().debug("mcpsec: not kept for reuse: the run had warnings");
            return;
        }
        try {
            List<String> entries = new ArrayList<>();
            for (Path report : outcome.reports()) {
                entries.add(UpToDateState.reportEntry(report));
            }
            new UpToDateState(
                            key,
                            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                            outcome.findings(),
                            outcome.failing(),
                            outcome.failure(),
                            outcome.findingLines(),
                            entries)
                    .write(outputDirectory.toPath());
        } catch (IOException e) {
            getLog().warn(
                            "mcpsec: could not keep this run for reuse ("
                                    + e.getMessage()
                                    + "); the next build scans again");
        }
    }

    /**
     * Maven gives a value written in the POM precedence over {@code -Dmcpsec.x}: say so when a user
     * property is ignored, and how to keep it working ({@code <failOn>${mcpsec.failOn}</failOn>}).
     */
    private void warnIgnoredUserProperties() {
        java.util.Properties user = session.getUserProperties();
        Map<String, Object> effective = new java.util.LinkedHashMap<>();
        effective.put("failOn", failOn);
        effective.put("scope", scope);
        effective.put("history", history);
        effective.put("includeUserConfigs", includeUserConfigs);
        effective.put("projectPolicies", projectPolicies);
        effective.put("failOnError", failOnError);
        effective.forEach(
                (name, value) -> {
                    String given = user.getProperty("mcpsec." + name);
                    if (given != null && !given.trim().equalsIgnoreCase(String.valueOf(value))) {
                        getLog().warn(
                                        "mcpsec: -Dmcpsec."
                                                + name
                                                + "="
                                                + given
                                                + " is ignored: the POM sets <"
                                                + name
                                                + ">"
                                                + value
                                                + "</"
                                                + name
                                                + ">, and Maven gives the POM precedence. Write <"
                                                + name
                                                + ">${mcpsec."
                                                + name
                                                + "}</"
                                                + name
                                                + "> with a default in <properties> to let the command "
                                                + "line override it (docs/maven-plugin.md#user-properties)");
                    }
                });
    }

    private void onError(String message, Exception cause) throws MojoExecutionException {
        if (failOnError) {
            throw new MojoExecutionException(message, cause);
        }
        getLog().error(message + " (the build goes on: <failOnError>false</failOnError>)");
    }

    /** The directory to scan, or null when another module of this build scans it already. */
    private File resolveScanDirectory() {
        String wanted = scope == null ? "" : scope.trim().toLowerCase(Locale.ROOT);
        if (!wanted.equals("root") && !wanted.equals("module")) {
            throw new PluginParameterException(
                    "scope", "<scope> must be one of root, module; got '" + scope + "'");
        }
        if (wanted.equals("module")) {
            return scanDirectory != null ? scanDirectory : project.getBasedir();
        }
        // the reactor root, also when Maven runs in a module's folder (cd module && mvn verify)
        File dir =
                scanDirectory != null
                        ? scanDirectory
                        : ReactorRoot.find(new File(session.getExecutionRootDirectory()));
        // the first module of the build that runs the goal scans; parallel builds race on this
        // atomic set
        boolean first =
                session.getRepositorySession()
                        .getData()
                        .set(SCANNED_KEY + dir.getAbsolutePath(), null, project.getId());
        if (!first) {
            getLog().info(
                            "mcpsec: "
                                    + dir
                                    + " is scanned once per build, in module "
                                    + session.getRepositorySession()
                                            .getData()
                                            .get(SCANNED_KEY + dir.getAbsolutePath())
                                    + "; skipping "
                                    + project.getArtifactId()
                                    + " (set <scope>module</scope> to scan each module)");
            return null;
        }
        return dir;
    }

    private VerifySettings verifySettings(File dir) {
        return settings(dir)
                .failOn(failOn)
                .formats(formats)
                .includeUserConfigs(includeUserConfigs)
                .build();
    }
}
