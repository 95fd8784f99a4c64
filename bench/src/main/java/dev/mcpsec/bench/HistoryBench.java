package dev.mcpsec.bench;

import dev.mcpsec.git.GitInspector;
import dev.mcpsec.git.HistoryOptions;
import dev.mcpsec.git.HistoryResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Times one history pass over a repository (used by {@code scripts/bench-history.sh}); prints one
 * line of {@code key=value} pairs so the script can collect medians.
 */
public final class HistoryBench {
    private static final Predicate<String> MCP_AND_ENV =
            path -> {
                String name = path.substring(path.lastIndexOf('/') + 1);
                return name.equals(".mcp.json")
                        || path.endsWith(".cursor/mcp.json")
                        || name.equals(".env")
                        || name.startsWith(".env.");
            };

    private HistoryBench() {}

    private static long cpuMillis() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getProcessCpuTime() / 1_000_000
                : -1;
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HistoryBench REPOSITORY");
            System.exit(2);
        }
        long start = System.nanoTime();
        try (GitInspector git =
                GitInspector.open(Path.of(args[0]), w -> System.err.println("warning: " + w))
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "not a git repository: " + args[0]))) {
            HistoryResult result =
                    git.history(
                            MCP_AND_ENV,
                            new HistoryOptions(1_000_000, Duration.ofMinutes(10), 1L << 20),
                            null);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long bytes = result.blobs().stream().mapToLong(b -> b.content().length).sum();
            System.out.println(
                    "history_ms="
                            + millis
                            + " commits="
                            + result.commitsWalked()
                            + " blobs="
                            + result.blobs().size()
                            + " blob_bytes="
                            + bytes
                            + " cpu_ms="
                            + cpuMillis()
                            + " truncated="
                            + result.truncated()
                            + " warnings="
                            + result.warnings().size());
        }
    }
}
