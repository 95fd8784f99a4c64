package dev.mcpsec.maven;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The scan parameters every scanning goal shares ({@code verify}, {@code report}, {@code
 * aggregate}), declared once with their {@code mcpsec.*} user property, default and help text: one
 * configuration layer, so that a parameter added here reaches every goal and the site reports scan
 * exactly as the build does. Goal-specific parameters (what fails the build, where report files go)
 * stay in the goal.
 */
abstract class AbstractScanMojo extends AbstractMojo {

    /** Skips the goal: no scan, no report. */
    @Parameter(property = "mcpsec.skip", defaultValue = "false")
    protected boolean skip;

    /** Walks git history for secrets that were committed once. */
    @Parameter(property = "mcpsec.history", defaultValue = "true")
    protected boolean history;

    /**
     * Loads the scanned project's own DRL in {@code .mcpsec/policies/} (off by default: DRL is
     * code).
     */
    @Parameter(property = "mcpsec.projectPolicies", defaultValue = "false")
    protected boolean projectPolicies;

    /**
     * Lets git read outside the scanned folder: a {@code .git} file whose {@code gitdir:} points
     * elsewhere, alternates, {@code include.path}, an excludes file elsewhere (off by default:
     * reported as warnings).
     */
    @Parameter(property = "mcpsec.allowExternalGit", defaultValue = "false")
    protected boolean allowExternalGit;

    /**
     * Extra bundles: directory or jar paths (relative to the project), or
     * groupId:artifactId:version from the local repository; {@code #sha256=HEX} after an entry pins
     * it.
     */
    @Parameter(property = "mcpsec.bundles")
    protected List<String> bundles;

    /** Rule ids or checklist ids to turn off. */
    @Parameter(property = "mcpsec.excludeRules")
    protected List<String> excludeRules;

    /** When set, only these rule ids or checklist ids run. */
    @Parameter(property = "mcpsec.includeRules")
    protected List<String> includeRules;

    /** Rule id or checklist id → severity, e.g. {@code <MCP-SEC-001>medium</MCP-SEC-001>}. */
    @Parameter protected Map<String, String> severityOverrides;

    /**
     * {@code <severityOverrides>} on the command line: {@code
     * -Dmcpsec.severityOverrides=pinned-versions=medium,MCP-DB-001=low}; entries are added to
     * {@code <severityOverrides>}, and win over it for the same id.
     */
    @Parameter(property = "mcpsec.severityOverrides")
    protected String severityOverrideList;

    /**
     * Scan limits to change, limit name → value, e.g. {@code <historyMaxTime>120s</historyMaxTime>}
     * or {@code <maxFileBytes>4MiB</maxFileBytes>}; names and defaults in docs/limits.md.
     */
    @Parameter protected Map<String, String> limits;

    /**
     * {@code <limits>} on the command line: {@code
     * -Dmcpsec.limits=historyMaxTime=120s,maxFileBytes=4MiB}; entries are added to {@code
     * <limits>}, and win over it for the same name.
     */
    @Parameter(property = "mcpsec.limits")
    protected String limitList;

    /**
     * Extra advisories in the OSV format: JSON files, folders or zips as OSV publishes its exports
     * (relative to the project). Never downloaded. See docs/advisories.md.
     */
    @Parameter(property = "mcpsec.advisories")
    protected List<String> advisories;

    /** Advisory data older than this many days is a warning (default 90). */
    @Parameter(property = "mcpsec.advisoriesMaxAge")
    protected Integer advisoriesMaxAge;

    /**
     * Baseline file; defaults to {@code .mcpsec/baseline.json} in the scanned directory when
     * present.
     */
    @Parameter(property = "mcpsec.baseline")
    protected File baseline;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * Maven turns any text into a boolean, anything but {@code true} into false: a typo such as
     * {@code -Dmcpsec.history=ture} would quietly mean false. Each named flag given as a user
     * property must be {@code true} or {@code false}.
     */
    protected void checkFlags(String... names) {
        for (String name : names) {
            String given = session.getUserProperties().getProperty("mcpsec." + name);
            if (given != null
                    && !given.trim().equalsIgnoreCase("true")
                    && !given.trim().equalsIgnoreCase("false")) {
                throw new PluginParameterException(
                        name, "-Dmcpsec." + name + " must be true or false; got '" + given + "'");
            }
        }
    }

    /** The flags every scanning goal has, for {@link #checkFlags}. */
    static final String[] SHARED_FLAGS = {"skip", "history", "projectPolicies", "allowExternalGit"};

    /**
     * The shared parameters as settings for a scan of {@code dir}; the goal adds its own ({@code
     * failOn}, {@code formats}, ...) before {@link VerifySettings.Builder#build()}.
     */
    protected VerifySettings.Builder settings(File dir) {
        File localRepo =
                session.getLocalRepository() == null
                        ? null
                        : new File(session.getLocalRepository().getBasedir());
        return VerifySettings.builder(dir, project.getBasedir())
                .history(history)
                .projectPolicies(projectPolicies)
                .allowExternalGit(allowExternalGit)
                .bundles(bundles)
                .excludeRules(excludeRules)
                .includeRules(includeRules)
                .severityOverrides(
                        RequestAdapter.withEntries(
                                severityOverrides, severityOverrideList, "severityOverrides"))
                .limits(RequestAdapter.withEntries(limits, limitList, "limits"))
                .advisories(advisories)
                .advisoriesMaxAge(advisoriesMaxAge)
                .baseline(baseline)
                .localRepository(localRepo)
                .bundleClassLoader(getClass().getClassLoader());
    }
}
