package dev.mcpsec.maven;

import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanResult;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReportException;

/**
 * Site report for a multi-module reactor, in the site of the execution root only: one scan of the
 * execution root (discovery walks into every module, monorepos included), each finding attributed
 * to the reactor module whose directory holds its file. MCP configs live at the repository root, so
 * this is the page to publish for a reactor.
 */
@Mojo(
        name = "aggregate",
        defaultPhase = LifecyclePhase.SITE,
        aggregator = true,
        inheritByDefault = false,
        threadSafe = true)
public class AggregateMojo extends AbstractScanReport {

    @Override
    public boolean canGenerateReport() {
        return super.canGenerateReport() && getProject().isExecutionRoot();
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        Path root = getProject().getBasedir().toPath().toAbsolutePath().normalize();
        ScanResult result = scan(root.toFile());
        writeStandalone(result);
        Map<String, String> modules = modules(root, reactorProjects);
        render(
                result,
                "mcpsec: MCP configuration security of the reactor",
                "module",
                f -> moduleOf(f, modules));
    }

    /** Module directory relative to the root ("" for the root) → artifactId, longest path first. */
    static Map<String, String> modules(Path root, List<MavenProject> projects) {
        Map<String, String> byDir =
                new TreeMap<>(
                        Comparator.comparingInt(String::length)
                                .reversed()
                                .thenComparing(Comparator.naturalOrder()));
        for (MavenProject p : projects == null ? List.<MavenProject>of() : projects) {
            Path dir = p.getBasedir().toPath().toAbsolutePath().normalize();
            if (dir.startsWith(root)) {
                byDir.put(root.relativize(dir).toString().replace('\\', '/'), p.getArtifactId());
            }
        }
        return byDir;
    }

    /** The module whose directory holds the finding's file; user-level files belong to none. */
    static String moduleOf(Finding f, Map<String, String> modules) {
        String file = f.file() == null ? "" : f.file();
        if (file.startsWith("~/")) {
            return "(user config)";
        }
        for (Map.Entry<String, String> m : modules.entrySet()) {
            if (m.getKey().isEmpty() || file.startsWith(m.getKey() + "/")) {
                return m.getValue();
            }
        }
        return "";
    }

    // MavenReport still declares this abstract (getOutputPath() defaults to it): a report must
    // implement it
    @SuppressWarnings("deprecation")
    @Override
    public String getOutputName() {
        return "mcpsec-aggregate";
    }

    @Override
    public String getName(Locale locale) {
        return "mcpsec (aggregate)";
    }
}
