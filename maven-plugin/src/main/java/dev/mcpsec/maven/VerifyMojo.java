package dev.mcpsec.maven;

import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.api.ScanResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scans the build's MCP client configurations and fails the build on findings at or above {@code <failOn>}.
 * By default the scan runs once per build, for the execution root, where MCP configs live.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractMojo {
    private static final String SCANNED_KEY = VerifyMojo.class.getName() + ".scanned:";

    /** Skips the scan. */
    @Parameter(property = "mcpsec.skip", defaultValue = "false")
    private boolean skip;

    /** Fails the build on findings at or above this severity: critical, high, medium, low, info or never. */
    @Parameter(property = "mcpsec.failOn", defaultValue = "high")
    private String failOn;

    /** Outputs: console (findings in the build log), text, json, sarif, markdown, html. */
    @Parameter(property = "mcpsec.formats", defaultValue = "console,json,sarif")
    private List<String> formats;

    /** Where report files ({@code mcpsec.json}, {@code mcpsec.sarif}, ...) are written. */
    @Parameter(property = "mcpsec.outputDirectory", defaultValue = "${project.build.directory}/mcpsec")
    private File outputDirectory;

    /** Also scans user-level client configs under the home folder (reported as {@code ~/...}). */
    @Parameter(property = "mcpsec.includeUserConfigs", defaultValue = "false")
    private boolean includeUserConfigs;

    /** Walks git history for secrets that were committed once. */
    @Parameter(property = "mcpsec.history", defaultValue = "true")
    private boolean history;

    /** Loads the scanned project's own DRL in {@code .mcpsec/policies/} (off by default: DRL is code). */
    @Parameter(property = "mcpsec.projectPolicies", defaultValue = "false")
    private boolean projectPolicies;

    /**
     * Extra bundles: directory or jar paths (relative to the project), or groupId:artifactId:version from the local
     * repository; {@code #sha256=HEX} after an entry pins it.
     */
    @Parameter(property = "mcpsec.bundles")
    private List<String> bundles;

    /** Rule ids or checklist ids to turn off. */
    @Parameter(property = "mcpsec.excludeRules")
    private List<String> excludeRules;

    /** When set, only these rule ids or checklist ids run. */
    @Parameter(property = "mcpsec.includeRules")
    private List<String> includeRules;

    /** Rule id or checklist id → severity, e.g. {@code <MCP-SEC-001>medium</MCP-SEC-001>}. */
    @Parameter
    private Map<String, String> severityOverrides;

    /**
     * Scan limits to change, limit name → value, e.g. {@code <historyMaxTime>120s</historyMaxTime>} or
     * {@code <maxFileBytes>4MiB</maxFileBytes>}; names and defaults in docs/limits.md.
     */
    @Parameter
    private Map<String, String> limits;

    /** Baseline file; defaults to {@code .mcpsec/baseline.json} in the scanned directory when present. */
    @Parameter(property = "mcpsec.baseline")
    private File baseline;

    /** When false, an engine or configuration error is logged and the build goes on. */
    @Parameter(property = "mcpsec.failOnError", defaultValue = "true")
    private boolean failOnError;

    /** {@code root}: one scan per build, of the execution root; {@code module}: each module scans its own basedir. */
    @Parameter(property = "mcpsec.scope", defaultValue = "root")
    private String scope;

    /** Scans this directory instead of the one {@code <scope>} selects. */
    @Parameter(property = "mcpsec.scanDirectory")
    private File scanDirectory;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("mcpsec: skipped (mcpsec.skip)");
            return;
        }
        ScanPlan plan;
        try {
            File dir = resolveScanDirectory();
            if (dir == null) {
                return;
            }
            plan = RequestAdapter.toPlan(settings(dir));
        } catch (PluginParameterException e) {
            throw new MojoExecutionException(MavenMessages.describe(e), e);
        }
        ScanResult result;
        List<Path> reports;
        try {
            getLog().info("mcpsec: scanning " + plan.request().root());
            result = Mcpsec.create().scan(plan.request());
            reports = ReportFiles.write(result, plan.formats(), outputDirectory.toPath());
        } catch (IOException e) {
            onError("mcpsec: could not write the reports to <outputDirectory> " + outputDirectory + ": "
                    + e.getMessage(), e);
            return;
        } catch (RuntimeException e) {
            onError(MavenMessages.describe(e), e);
            return;
        }
        new BuildLogReport(getLog()).log(result, plan.formats().contains(OutputFormat.CONSOLE), reports);
        long failing = result.countAtLeast(plan.failOn());
        if (failing > 0) {
            throw new MojoFailureException(MavenMessages.failure(failing, plan.failOnId(), reportsWhere(reports)));
        }
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
            throw new PluginParameterException("scope", "<scope> must be one of root, module; got '" + scope + "'");
        }
        if (wanted.equals("module")) {
            return scanDirectory != null ? scanDirectory : project.getBasedir();
        }
        File dir = scanDirectory != null ? scanDirectory : new File(session.getExecutionRootDirectory());
        // the first module of the build that runs the goal scans; parallel builds race on this atomic set
        boolean first = session.getRepositorySession().getData()
                .set(SCANNED_KEY + dir.getAbsolutePath(), null, project.getId());
        if (!first) {
            getLog().info("mcpsec: " + dir + " is scanned once per build, in module "
                    + session.getRepositorySession().getData().get(SCANNED_KEY + dir.getAbsolutePath())
                    + "; skipping " + project.getArtifactId() + " (set <scope>module</scope> to scan each module)");
            return null;
        }
        return dir;
    }

    private VerifySettings settings(File dir) {
        File localRepo = session.getLocalRepository() == null ? null : new File(session.getLocalRepository().getBasedir());
        return new VerifySettings(dir, project.getBasedir(), failOn, formats, includeUserConfigs, history, projectPolicies, bundles,
                excludeRules, includeRules, severityOverrides, baseline, localRepo, getClass().getClassLoader(), limits);
    }

    private String reportsWhere(List<Path> reports) {
        if (reports.isEmpty()) {
            return "see the findings above";
        }
        return "reports in " + outputDirectory + ": "
                + String.join(", ", reports.stream().map(p -> p.getFileName().toString()).toList());
    }
}
