package dev.mcpsec.maven;

import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            checkFlags(SHARED_FLAGS);
            checkFlags("includeUserConfigs", "failOnError");
        } catch (PluginParameterException e) {
            throw new MojoExecutionException(MavenMessages.describe(e), e);
        }
        if (skip) {
            getLog().info("mcpsec: skipped (mcpsec.skip)");
            return;
        }
        warnIgnoredUserProperties();
        ScanPlan plan;
        try {
            File dir = resolveScanDirectory();
            if (dir == null) {
                return;
            }
            plan = RequestAdapter.toPlan(verifySettings(dir));
        } catch (PluginParameterException e) {
            throw new MojoExecutionException(MavenMessages.describe(e), e);
        }
        ScanResult result;
        List<Path> reports;
        try {
            getLog().info("mcpsec: scanning " + plan.request().root());
            result = Mcpsec.create().scan(plan.request());
            reports =
                    ReportFiles.write(
                            result, plan.formats(), outputDirectory.toPath(), plan.failOn());
        } catch (IOException e) {
            onError(
                    "mcpsec: could not write the reports to <outputDirectory> "
                            + outputDirectory
                            + ": "
                            + e.getMessage(),
                    e);
            return;
        } catch (RuntimeException e) {
            onError(MavenMessages.describe(e), e);
            return;
        }
        new BuildLogReport(getLog())
                .log(result, plan.formats().contains(OutputFormat.CONSOLE), reports);
        long failing = result.countAtLeast(plan.failOn());
        if (failing > 0) {
            throw new MojoFailureException(
                    MavenMessages.failure(failing, plan.failOnId(), reportsWhere(reports)));
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

    private String reportsWhere(List<Path> reports) {
        if (reports.isEmpty()) {
            return "see the findings above";
        }
        return "reports in "
                + outputDirectory
                + ": "
                + String.join(", ", reports.stream().map(p -> p.getFileName().toString()).toList());
    }
}
