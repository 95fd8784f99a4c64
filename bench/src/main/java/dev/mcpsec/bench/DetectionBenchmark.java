package dev.mcpsec.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpsec.secrets.SecretDetector;
import dev.mcpsec.secrets.ValueAnalysis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-threaded secret detection throughput over 10,000 generated MCP configs. One operation is
 * one file, so the primary score is files/s; the {@code bytes} counter is the config bytes per
 * second (divide by 1,048,576 for MB/s).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Thread)
public class DetectionBenchmark {

    static final int FILES = 10_000;

    private final ObjectMapper mapper = new ObjectMapper();
    private final SecretDetector detector = new SecretDetector();
    private List<String> files;
    private int[] sizes;
    private List<List<ConfigValues.Value>> values;
    private int next;

    /** Bytes processed, reported by JMH as a rate next to the files/s score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void generate() throws IOException {
        files = ConfigCorpus.generate(FILES, 42);
        sizes = new int[FILES];
        values = new ArrayList<>(FILES);
        long total = 0;
        int found = 0;
        for (int i = 0; i < FILES; i++) {
            sizes[i] = files.get(i).getBytes(StandardCharsets.UTF_8).length;
            total += sizes[i];
            List<ConfigValues.Value> vs = ConfigValues.of(mapper.readTree(files.get(i)));
            values.add(vs);
            for (ConfigValues.Value v : vs) {
                found += detector.analyze(v.name(), v.value(), v.context()).detections().size();
            }
        }
        System.out.printf(
                "%ncorpus: %d files, %.2f MB, mean %d bytes/file, %d detections%n",
                FILES, total / 1048576.0, total / FILES, found);
    }

    /**
     * Detection alone, over values already taken out of the parsed file (what the engine's secret
     * step costs).
     */
    @Benchmark
    public void detect(Bytes bytes, Blackhole bh) {
        int i = next;
        next = (next + 1) % FILES;
        for (ConfigValues.Value v : values.get(i)) {
            ValueAnalysis a = detector.analyze(v.name(), v.value(), v.context());
            bh.consume(a);
        }
        bytes.bytes += sizes[i];
    }

    /** JSON parsing, value extraction (including args) and detection, from the file's text. */
    @Benchmark
    public void parseAndDetect(Bytes bytes, Blackhole bh) throws IOException {
        int i = next;
        next = (next + 1) % FILES;
        for (ConfigValues.Value v : ConfigValues.of(mapper.readTree(files.get(i)))) {
            bh.consume(detector.analyze(v.name(), v.value(), v.context()));
        }
        bytes.bytes += sizes[i];
    }
}
