package dev.mcpsec.maven;

import dev.mcpsec.api.BundleTestReport;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.engine.Mcpsec;
import java.io.File;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs a policy bundle project's fixture tests ({@code META-INF/mcpsec/tests/<case>/}) and fails on
 * a mismatch.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends AbstractMojo {

    /** Skips the bundle's fixture tests. */
    @Parameter(property = "mcpsec.test.skip", defaultValue = "false")
    private boolean skip;

    /** Maven's usual switch to skip tests, honoured here too. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /** The directory holding {@code META-INF/mcpsec/bundle.json}. */
    @Parameter(
            property = "mcpsec.test.bundleDirectory",
            defaultValue = "${project.basedir}/src/main/resources")
    private File bundleDirectory;

    /**
     * Fails when a rule of the bundle has no case expecting it to fire or no case expecting it not
     * to.
     */
    @Parameter(property = "mcpsec.test.strict", defaultValue = "false")
    private boolean strict;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("mcpsec: bundle tests skipped");
            return;
        }
        BundleTestReport report;
        try {
            ScanRequest.Builder request =
                    ScanRequest.builder(bundleDirectory.toPath()).history(false);
            if (session.getLocalRepository() != null) {
                request.localRepository(
                        new File(session.getLocalRepository().getBasedir()).toPath());
            }
            report = Mcpsec.create().testBundle(bundleDirectory.toPath(), request.build());
        } catch (RuntimeException e) {
            throw new MojoExecutionException(MavenMessages.describeBundleTest(e), e);
        }
        for (BundleTestReport.CaseResult c : report.cases()) {
            if (c.passed()) {
                getLog().info("mcpsec: case " + c.name() + " passed");
            } else {
                getLog().error("mcpsec: case " + c.name() + " FAILED");
                c.problems().forEach(p -> getLog().error("    " + p));
            }
        }
        getLog().info(
                        "mcpsec: bundle "
                                + report.bundle()
                                + ": "
                                + (report.cases().size() - report.failures())
                                + " passed, "
                                + report.failures()
                                + " failed");
        if (report.cases().isEmpty()) {
            throw new MojoFailureException(
                    "mcpsec: bundle "
                            + report.bundle()
                            + " in "
                            + bundleDirectory
                            + " has no fixture cases (META-INF/mcpsec/tests/<case>/expected.json)");
        }
        if (!report.passed()) {
            throw new MojoFailureException(
                    "mcpsec: "
                            + report.failures()
                            + " of "
                            + report.cases().size()
                            + " fixture cases of bundle "
                            + report.bundle()
                            + " failed; see the problems above");
        }
        for (BundleTestReport.RuleCoverage r : report.coverage()) {
            if (!r.complete()) {
                String line =
                        "mcpsec: rule "
                                + r.ruleId()
                                + " has "
                                + (r.expectCases().isEmpty()
                                        ? "no expect case"
                                        : "no expect-not case");
                if (strict) {
                    getLog().error(line);
                } else {
                    getLog().warn(line);
                }
            }
        }
        if (strict && !report.uncovered().isEmpty()) {
            throw new MojoFailureException(
                    "mcpsec: <strict>: "
                            + report.uncovered().size()
                            + " rule(s) of bundle "
                            + report.bundle()
                            + " lack an expect or an expect-not case; see above");
        }
    }
}
