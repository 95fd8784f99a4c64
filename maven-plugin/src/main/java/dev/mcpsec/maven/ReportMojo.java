package dev.mcpsec.maven;

import dev.mcpsec.api.ScanResult;
import java.util.Locale;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.reporting.MavenReportException;

/**
 * Site report: scans this project's base directory and renders the findings, the credentials each
 * server receives and the scan warnings as the project's "mcpsec" page of {@code mvn site}, next to
 * the standalone HTML report. Never fails the build on findings: {@code verify} does that.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractScanReport {

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        ScanResult result = scan(getProject().getBasedir());
        writeStandalone(result);
        render(result, "mcpsec: MCP configuration security", null, null);
    }

    // MavenReport still declares this abstract (getOutputPath() defaults to it): a report must
    // implement it
    @SuppressWarnings("deprecation")
    @Override
    public String getOutputName() {
        return "mcpsec";
    }

    @Override
    public String getName(Locale locale) {
        return "mcpsec";
    }
}
