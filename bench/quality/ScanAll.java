import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.engine.Mcpsec;
import dev.mcpsec.report.ReportOptions;
import dev.mcpsec.report.Reporters;
import dev.mcpsec.report.ReportFormat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scans many project directories in one JVM (one engine instance; the compiled rules are cached), writing one JSON
 * report per directory: {@code java -cp cli/target/mcpsec.jar bench/quality/ScanAll.java DIR...} writes
 * DIR/../reports/NAME.json.
 * Used by scripts/bench-quality.py; history is on, user configs are off, as for a plain {@code mcpsec scan DIR}.
 */
public class ScanAll {
    public static void main(String[] args) throws Exception {
        Mcpsec engine = Mcpsec.create();
        for (String arg : args) {
            Path dir = Path.of(arg).toAbsolutePath();
            Path out = dir.getParent().resolveSibling("reports").resolve(dir.getFileName() + ".json");
            Files.createDirectories(out.getParent());
            ScanResult result = engine.scan(ScanRequest.builder(dir).history(true).build());
            try (OutputStream o = Files.newOutputStream(out)) {
                Reporters.get(ReportFormat.JSON).write(result, o, ReportOptions.plain());
            }
        }
    }
}
