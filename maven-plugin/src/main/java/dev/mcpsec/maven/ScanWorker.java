package dev.mcpsec.maven;

import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The scan of {@code mcpsec:verify}, in Maven's JVM ({@link #scan}) or in a JVM of its own that the
 * goal starts ({@link #main}, see {@link ScanFork}): reads the goal's settings from a request file,
 * scans, writes the reports and answers with a {@link ScanOutcome} file. Uses no Maven class: the
 * scan JVM's class path is the plugin's own, without Maven's.
 */
public final class ScanWorker {
    private ScanWorker() {}

    /** A request: the goal's settings and where the reports go. */
    record Request(VerifySettings settings, File outputDirectory) {}

    /** {@code ScanWorker REQUEST OUTCOME}: exits 0 once the outcome file is written. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ScanWorker REQUEST-FILE OUTCOME-FILE");
            System.exit(2);
        }
        quietLogging();
        System.exit(run(Path.of(args[0]), Path.of(args[1])));
    }

    /**
     * Starts SLF4J (which Drools and JGit log through) without its start-up notice: the scan JVM
     * has Maven's SLF4J API and no logging backend, so SLF4J logs nothing and would say so on
     * stderr, in the middle of the build log.
     */
    static void quietLogging() {
        PrintStream err = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            org.slf4j.LoggerFactory.getILoggerFactory();
        } finally {
            System.setErr(err);
        }
    }

    static int run(Path requestFile, Path outcomeFile) {
        Request request;
        try {
            request = readRequest(requestFile, ScanWorker.class.getClassLoader());
        } catch (IOException | RuntimeException e) {
            System.err.println("mcpsec: cannot read the scan request " + requestFile + ": " + e);
            return 3;
        }
        ScanOutcome outcome;
        try {
            ScanPlan plan = RequestAdapter.toPlan(request.settings());
            Mcpsec engine = Mcpsec.create();
            engine.prepareScan(classPathRulesOnly(plan));
            outcome = scan(engine, plan, request.outputDirectory());
        } catch (RuntimeException e) {
            outcome = ScanOutcome.failed(MavenMessages.describe(e), e);
        }
        try {
            outcome.write(outcomeFile);
        } catch (IOException e) {
            System.err.println("mcpsec: cannot write the scan outcome " + outcomeFile + ": " + e);
            return 3;
        }
        return 0;
    }

    /** True when the scan of {@code plan} loads no bundle but those on the class path. */
    static boolean classPathRulesOnly(ScanPlan plan) {
        return plan.request().bundles().isEmpty() && !plan.request().projectPolicies();
    }

    /**
     * Scans as {@code plan} says, writes its reports to {@code outputDirectory} and gives what the
     * goal logs and decides; an engine, configuration or report-writing error gives an outcome with
     * only its message.
     */
    static ScanOutcome scan(Mcpsec engine, ScanPlan plan, File outputDirectory) {
        try {
            ScanResult result = engine.scan(plan.request());
            List<Path> reports =
                    ReportFiles.write(
                            result, plan.formats(), outputDirectory.toPath(), plan.failOn());
            return ScanOutcome.of(result, plan, reports, outputDirectory);
        } catch (IOException e) {
            return ScanOutcome.failed(
                    "mcpsec: could not write the reports to <outputDirectory> "
                            + outputDirectory
                            + ": "
                            + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            return ScanOutcome.failed(MavenMessages.describe(e), e);
        }
    }

    /** Writes {@code request} to {@code file}: every setting but the class loader. */
    static void writeRequest(Request request, Path file) throws IOException {
        VerifySettings s = request.settings();
        Properties p = new Properties();
        putFile(p, "outputDirectory", request.outputDirectory());
        putFile(p, "scanDirectory", s.scanDirectory());
        putFile(p, "baseDirectory", s.baseDirectory());
        putFile(p, "baseline", s.baseline());
        putFile(p, "localRepository", s.localRepository());
        if (s.failOn() != null) {
            p.setProperty("failOn", s.failOn());
        }
        p.setProperty("includeUserConfigs", Boolean.toString(s.includeUserConfigs()));
        p.setProperty("history", Boolean.toString(s.history()));
        p.setProperty("projectPolicies", Boolean.toString(s.projectPolicies()));
        p.setProperty("allowExternalGit", Boolean.toString(s.allowExternalGit()));
        if (s.advisoriesMaxAge() != null) {
            p.setProperty("advisoriesMaxAge", Integer.toString(s.advisoriesMaxAge()));
        }
        putList(p, "formats", s.formats());
        putList(p, "bundles", s.bundles());
        putList(p, "excludeRules", s.excludeRules());
        putList(p, "includeRules", s.includeRules());
        putList(p, "advisories", s.advisories());
        putMap(p, "severityOverrides", s.severityOverrides());
        putMap(p, "limits", s.limits());
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "mcpsec:verify scan request");
        }
    }

    /** Reads a request {@link #writeRequest} wrote; org bundles come from {@code bundleLoader}. */
    static Request readRequest(Path file, ClassLoader bundleLoader) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        File scanDirectory = file(p, "scanDirectory");
        File outputDirectory = file(p, "outputDirectory");
        if (scanDirectory == null || outputDirectory == null) {
            throw new IOException(file + " is not a complete scan request");
        }
        String maxAge = p.getProperty("advisoriesMaxAge");
        VerifySettings settings =
                VerifySettings.builder(scanDirectory, file(p, "baseDirectory"))
                        .failOn(p.getProperty("failOn"))
                        .formats(IndexedLists.get(p, "formats"))
                        .includeUserConfigs(
                                Boolean.parseBoolean(p.getProperty("includeUserConfigs")))
                        .history(Boolean.parseBoolean(p.getProperty("history")))
                        .projectPolicies(Boolean.parseBoolean(p.getProperty("projectPolicies")))
                        .allowExternalGit(Boolean.parseBoolean(p.getProperty("allowExternalGit")))
                        .bundles(IndexedLists.get(p, "bundles"))
                        .excludeRules(IndexedLists.get(p, "excludeRules"))
                        .includeRules(IndexedLists.get(p, "includeRules"))
                        .advisories(IndexedLists.get(p, "advisories"))
                        .advisoriesMaxAge(maxAge == null ? null : Integer.valueOf(maxAge))
                        .severityOverrides(map(p, "severityOverrides"))
                        .limits(map(p, "limits"))
                        .baseline(file(p, "baseline"))
                        .localRepository(file(p, "localRepository"))
                        .bundleClassLoader(bundleLoader)
                        .build();
        return new Request(settings, outputDirectory);
    }

    private static void putFile(Properties p, String key, File value) {
        if (value != null) {
            p.setProperty(key, value.getPath());
        }
    }

    private static File file(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null ? null : new File(value);
    }

    private static void putList(Properties p, String prefix, List<String> values) {
        if (values != null) {
            IndexedLists.put(p, prefix, values);
        }
    }

    private static void putMap(Properties p, String prefix, Map<String, String> values) {
        if (values == null) {
            return;
        }
        int i = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            p.setProperty(prefix + "." + i + ".name", e.getKey());
            p.setProperty(prefix + "." + i + ".value", e.getValue());
            i++;
        }
    }

    private static Map<String, String> map(Properties p, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; p.containsKey(prefix + "." + i + ".name"); i++) {
            values.put(
                    p.getProperty(prefix + "." + i + ".name"),
                    p.getProperty(prefix + "." + i + ".value", ""));
        }
        return values;
    }
}
