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
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkFactory;
import org.apache.maven.doxia.site.SiteModel;
import org.apache.maven.doxia.siterenderer.DocumentRenderingContext;
import org.apache.maven.doxia.siterenderer.Renderer;
import org.apache.maven.doxia.siterenderer.RendererException;
import org.apache.maven.doxia.siterenderer.SiteRenderingContext;
import org.apache.maven.doxia.siterenderer.sink.SiteRendererSink;
import org.apache.maven.doxia.tools.SiteTool;
import org.apache.maven.doxia.tools.SiteToolException;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenMultiPageReport;
import org.apache.maven.reporting.MavenReportException;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * What the site reports share: the scan parameters of every scanning goal ({@link
 * AbstractScanMojo}: the same elements, user properties and defaults as {@code verify}, minus those
 * that only make sense in a build that can fail) and the rendering of a scan result as a site page
 * through Doxia, next to the standalone HTML report ({@code mcpsec-report.html}, with its chart)
 * that the page links to. A report never fails the build on findings; it shows them.
 *
 * <p>The Maven reporting API is implemented here rather than inherited from maven-reporting-impl's
 * {@code AbstractMavenReport}, so that the scan parameters are declared once for every goal: {@code
 * mvn site} calls {@link #generate(Sink, SinkFactory, Locale)}; {@code mvn mcpsec:report} on its
 * own ({@link #execute()}) renders the page with the site's skin into {@code target/reports/}.
 */
abstract class AbstractScanReport extends AbstractScanMojo implements MavenMultiPageReport {

    /**
     * Where a standalone run ({@code mvn mcpsec:report}) writes its page; the site sets its own.
     */
    @Parameter(
            defaultValue = "${project.build.directory}/reports",
            readonly = true,
            required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${reactorProjects}", readonly = true, required = true)
    protected List<MavenProject> reactorProjects;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repoSession;

    @Parameter(
            defaultValue = "${project.remoteProjectRepositories}",
            readonly = true,
            required = true)
    private List<RemoteRepository> remoteProjectRepositories;

    @Parameter(defaultValue = "${basedir}/src/site", readonly = true)
    private File siteDirectory;

    @Parameter(defaultValue = "${project.reporting.outputEncoding}", readonly = true)
    private String outputEncoding;

    // the site tools the reporting API itself uses; Maven 3 still injects them this way
    @SuppressWarnings("deprecation")
    @Component
    private SiteTool siteTool;

    @SuppressWarnings("deprecation")
    @Component
    private Renderer siteRenderer;

    private Sink sink;

    private File reportOutputDirectory;

    /** The name of the standalone HTML report written next to the site page. */
    static final String STANDALONE = "mcpsec-report.html";

    /** Renders the page into this report's output directory; the site calls {@link #generate}. */
    protected abstract void executeReport(Locale locale) throws MavenReportException;

    @Override
    public boolean canGenerateReport() {
        return !skip;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory != null ? reportOutputDirectory : outputDirectory;
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        this.reportOutputDirectory = directory;
    }

    @Deprecated
    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        generate(sink, null, locale);
    }

    @Override
    public void generate(Sink sink, SinkFactory sinkFactory, Locale locale)
            throws MavenReportException {
        this.sink = sink;
        try {
            executeReport(locale);
        } finally {
            sink.close();
        }
    }

    protected Sink getSink() {
        return sink;
    }

    protected MavenProject getProject() {
        return project;
    }

    /**
     * {@code mvn mcpsec:report} outside the site: the page, in the site's skin, and the standalone
     * HTML report in {@code target/reports/}.
     */
    @Override
    public void execute() throws MojoExecutionException {
        if (!canGenerateReport()) {
            getLog().info("mcpsec: skipped (mcpsec.skip or not the execution root)");
            return;
        }
        File dir = getReportOutputDirectory();
        Locale locale = siteTool.getSiteLocales("default").get(0);
        File page = new File(dir, getOutputPath() + ".html");
        try {
            SiteModel model =
                    siteTool.getSiteModel(
                            siteDirectory,
                            locale,
                            project,
                            reactorProjects,
                            repoSession,
                            remoteProjectRepositories);
            Map<String, Object> properties = new HashMap<>();
            properties.put("standalone", Boolean.TRUE);
            properties.put("project", project);
            properties.put("outputEncoding", encoding());
            Artifact skin =
                    siteTool.getSkinArtifactFromRepository(
                            repoSession, remoteProjectRepositories, model.getSkin());
            SiteRenderingContext context =
                    siteRenderer.createContextForSkin(
                            skin, properties, model, project.getName(), locale);
            context.setRootDirectory(project.getBasedir());
            siteRenderer.copyResources(context, dir);
            SiteRendererSink pageSink =
                    new SiteRendererSink(
                            new DocumentRenderingContext(
                                    dir,
                                    getOutputPath(),
                                    mojoExecution.getPlugin().getId()
                                            + ":"
                                            + mojoExecution.getGoal()));
            generate(pageSink, null, locale);
            Files.createDirectories(dir.toPath());
            try (Writer writer =
                    new OutputStreamWriter(Files.newOutputStream(page.toPath()), encoding())) {
                siteRenderer.mergeDocumentIntoSite(writer, pageSink, context);
            }
        } catch (MavenReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (SiteToolException | RendererException | IOException e) {
            throw new MojoExecutionException(
                    "mcpsec: could not render "
                            + page
                            + " with the site's skin: "
                            + e.getMessage()
                            + " (the skin must be in the local repository; mvn site renders the"
                            + " same page)",
                    e);
        }
        getLog().info("mcpsec: wrote " + page + " and " + new File(dir, STANDALONE));
    }

    private String encoding() {
        return outputEncoding == null ? "UTF-8" : outputEncoding;
    }

    /**
     * Scans {@code dir} with this report's parameters; a wrong parameter or an engine error names
     * the element.
     */
    protected ScanResult scan(File dir) throws MavenReportException {
        try {
            checkFlags(SHARED_FLAGS);
            ScanPlan plan =
                    RequestAdapter.toPlan(
                            settings(dir).failOn(FailOn.NEVER).formats(List.of()).build());
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
