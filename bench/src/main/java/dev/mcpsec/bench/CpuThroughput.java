package dev.mcpsec.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpsec.secrets.SecretDetector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A cross-check of {@link DetectionBenchmark} on a busy machine: detection throughput per second of
 * this thread's CPU time as well as per wall-clock second, so that other processes competing for
 * the cores do not hide the cost.
 */
public final class CpuThroughput {

    private CpuThroughput() {}

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        SecretDetector detector = new SecretDetector();
        List<String> files = ConfigCorpus.generate(DetectionBenchmark.FILES, 42);
        List<List<ConfigValues.Value>> values = new ArrayList<>();
        long bytes = 0;
        for (String f : files) {
            values.add(ConfigValues.of(mapper.readTree(f)));
            bytes += f.getBytes(StandardCharsets.UTF_8).length;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        long sink = 0;
        for (int pass = 1; pass <= passes; pass++) {
            long wall = System.nanoTime();
            long cpu = mx.getCurrentThreadCpuTime();
            for (List<ConfigValues.Value> vs : values) {
                for (ConfigValues.Value v : vs) {
                    sink += detector.analyze(v.name(), v.value(), v.context()).detections().size();
                }
            }
            double wallS = (System.nanoTime() - wall) / 1e9;
            double cpuS = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf(
                    "pass %2d: wall %6.1f MB/s %8.0f files/s | cpu %6.1f MB/s %8.0f files/s%n",
                    pass,
                    bytes / 1048576.0 / wallS,
                    files.size() / wallS,
                    bytes / 1048576.0 / cpuS,
                    files.size() / cpuS);
        }
        System.out.println("detections seen: " + sink);
    }
}
