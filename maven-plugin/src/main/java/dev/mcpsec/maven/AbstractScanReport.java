package dev.mcpsec.maven;

import dev.mcpsec.api.CredentialSummary;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.options.FailOn;
import dev.mcpsec.report.ReportFormat;
import dev.mcpsec.report.ReportOptions;
import dev.mcpsec.report.Reporters;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * What the site reports share: the scan parameters (the same as {@code verify}'s, minus those that
 * only make sense in a build that can fail) and the rendering of a scan result as a site page
 * through Doxia, next to the standalone HTML report ({@code mcpsec-report.html}, with its chart)
 * that the page links to. A report never fails the build on findings; it shows them.
 */
abstract class AbstractScanReport extends AbstractMavenReport {

    /** Skips the report. */
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

    /**
     * Rule id or checklist id → severity, e.g. {@code <pinned-versions>medium</pinned-versions>}.
     */
    @Parameter protected Map<String, String> severityOverrides;

    /**
     * {@code <severityOverrides>} on the command line: {@code
     * -Dmcpsec.severityOverrides=id=severity,...}.
     */
    @Parameter(property = "mcpsec.severityOverrides")
    protected String severityOverrideList;

    /** Scan limits to change, limit name → value; names and defaults in docs/limits.md. */
    @Parameter protected Map<String, String> limits;

    /** {@code <limits>} on the command line: {@code -Dmcpsec.limits=name=value,...}. */
    @Parameter(property = "mcpsec.limits")
    protected String limitList;

    /**
     * Baseline file; defaults to {@code .mcpsec/baseline.json} in the scanned directory when
     * present.
     */
    @Parameter(property = "mcpsec.baseline")
    protected File baseline;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** The name of the standalone HTML report written next to the site page. */
    static final String STANDALONE = "mcpsec-report.html";

    @Override
    public boolean canGenerateReport() {
        return !skip;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    /**
     * Scans {@code dir} with this report's parameters; a wrong parameter or an engine error names
     * the element.
     */
    protected ScanResult scan(File dir) throws MavenReportException {
        try {
            File localRepo =
                    session.getLocalRepository() == null
                            ? null
                            : new File(session.getLocalRepository().getBasedir());
            VerifySettings settings =
                    new VerifySettings(
                            dir,
                            getProject().getBasedir(),
                            FailOn.NEVER,
                            List.of(),
                            false,
                            history,
                            projectPolicies,
                            bundles,
                            excludeRules,
                            includeRules,
                            RequestAdapter.withEntries(
                                    severityOverrides, severityOverrideList, "severityOverrides"),
                            baseline,
                            localRepo,
                            getClass().getClassLoader(),
                            RequestAdapter.withEntries(limits, limitList, "limits"));
            ScanPlan plan = RequestAdapter.toPlan(settings);
            getLog().info(
                            "mcpsec: scanning "
                                    + plan.request().root()
                                    + " for the "
                                    + getOutputPath()
                                    + " report");
            return Mcpsec.create().scan(plan.request());
        } catch (PluginParameterException e) {
            throw new MavenReportException(MavenMessages.describe(e), e);
        } catch (RuntimeException e) {
            throw new MavenReportException(MavenMessages.describe(e), e);
        }
    }

    /** Writes the standalone HTML report (chart included) into the report output directory. */
    protected void writeStandalone(ScanResult result) throws MavenReportException {
        Path file = getReportOutputDirectory().toPath().resolve(STANDALONE);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                Reporters.get(ReportFormat.HTML)
                        .write(result, out, ReportOptions.plain().withFailOn(null));
            }
        } catch (IOException e) {
            throw new MavenReportException(
                    "mcpsec: could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The page: summary, findings by severity, credentials by server, warnings; {@code group} adds
     * a column.
     */
    protected void render(
            ScanResult result, String title, String group, Function<Finding, String> groupOf) {
        Sink sink = getSink();
        sink.head();
        sink.title();
        sink.text(title);
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(title);
        sink.sectionTitle1_();
        sink.paragraph();
        sink.text(
                plural(result.files().size(), "MCP config file")
                        + ", "
                        + plural(result.servers().size(), "server")
                        + ", "
                        + plural(result.findings().size(), "finding")
                        + ", "
                        + result.suppressed().size()
                        + " suppressed, scanned "
                        + result.root()
                        + " with mcpsec "
                        + result.toolVersion()
                        + ". ");
        sink.link(STANDALONE);
        sink.text("The full HTML report, with the chart of findings by checklist id");
        sink.link_();
        sink.text(".");
        sink.paragraph_();
        table(
                sink,
                List.of("severity", "findings"),
                result.countBySeverity().entrySet().stream()
                        .map(e -> List.of(e.getKey().id(), Integer.toString(e.getValue())))
                        .toList());
        sink.section2();
        sink.sectionTitle2();
        sink.text("Findings");
        sink.sectionTitle2_();
        if (result.findings().isEmpty()) {
            sink.paragraph();
            sink.text("No findings.");
            sink.paragraph_();
        } else {
            List<String> head =
                    group == null
                            ? List.of(
                                    "severity",
                                    "file",
                                    "server",
                                    "checklist",
                                    "rule",
                                    "finding",
                                    "fix")
                            : List.of(
                                    group,
                                    "severity",
                                    "file",
                                    "server",
                                    "checklist",
                                    "rule",
                                    "finding",
                                    "fix");
            table(
                    sink,
                    head,
                    result.findings().stream()
                            .map(
                                    f -> {
                                        List<String> row =
                                                List.of(
                                                        f.severity().id(),
                                                        where(f),
                                                        nz(f.server()),
                                                        nz(f.checklist()),
                                                        f.ruleId(),
                                                        nz(f.message()),
                                                        nz(f.remediation()));
                                        if (group == null) {
                                            return row;
                                        }
                                        java.util.ArrayList<String> grouped =
                                                new java.util.ArrayList<>(row.size() + 1);
                                        grouped.add(groupOf.apply(f));
                                        grouped.addAll(row);
                                        return (List<String>) grouped;
                                    })
                            .toList());
        }
        sink.section2_();
        sink.section2();
        sink.sectionTitle2();
        sink.text("Credentials by server");
        sink.sectionTitle2_();
        List<CredentialSummary> credentials = result.credentials();
        if (credentials.isEmpty()) {
            sink.paragraph();
            sink.text("No literal credentials in the configs.");
            sink.paragraph_();
        } else {
            table(
                    sink,
                    List.of("server", "file", "tier", "credential", "kind", "where"),
                    credentials.stream()
                            .map(
                                    c ->
                                            List.of(
                                                    nz(c.server()),
                                                    c.file() + (c.line() > 0 ? ":" + c.line() : ""),
                                                    nz(c.tier()),
                                                    nz(c.masked()),
                                                    nz(c.kind()),
                                                    nz(c.location())))
                            .toList());
        }
        sink.section2_();
        if (!result.warnings().isEmpty()) {
            sink.section2();
            sink.sectionTitle2();
            sink.text("Warnings");
            sink.sectionTitle2_();
            sink.list();
            for (ScanWarning w : result.warnings()) {
                sink.listItem();
                sink.text(w.toString());
                sink.listItem_();
            }
            sink.list_();
            sink.section2_();
        }
        sink.section1_();
        sink.body_();
        sink.flush();
        sink.close();
    }

    private static void table(Sink sink, List<String> head, List<List<String>> rows) {
        sink.table();
        sink.tableRows();
        sink.tableRow();
        for (String h : head) {
            sink.tableHeaderCell();
            sink.text(h);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
        for (List<String> row : rows) {
            sink.tableRow();
            for (String cell : row) {
                sink.tableCell();
                sink.text(cell);
                sink.tableCell_();
            }
            sink.tableRow_();
        }
        sink.tableRows_();
        sink.table_();
    }

    private static String where(Finding f) {
        String file = f.file() == null ? "" : f.file();
        return f.line() > 0 ? file + ":" + f.line() : file;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getDescription(Locale locale) {
        return "MCP configuration security findings (mcpsec)";
    }
}
