package dev.mcpsec.scan;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.discovery.DiscoveredFile;
import dev.mcpsec.extract.EnvFiles;
import dev.mcpsec.extract.FactExtractor;
import dev.mcpsec.extract.Sink;
import dev.mcpsec.git.GitFileStatus;
import dev.mcpsec.parse.ConfigDocument;
import dev.mcpsec.parse.ConfigParser;
import dev.mcpsec.rules.Failures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-file work of a scan's config files, done ahead of the scan thread on worker threads when
 * there are enough files and cores: parsing every file, and extracting the facts of every file
 * whose extraction needs nothing shared (into a sink of its own). The scan thread takes the results
 * in discovery order ({@link #get}) and appends them as it would have added them itself, so the
 * facts, their order, the inventory and the warnings are the same whatever the number of threads; a
 * file that loads env files ({@link EnvFiles#reads}) or a scan that logs value decisions is
 * extracted on the scan thread, in order. With one thread (or few files) nothing runs ahead: {@link
 * #get} parses on the caller's thread and leaves extraction to it.
 */
final class ConfigWork implements AutoCloseable {

    /**
     * Fewer config files than this are parsed on the scan thread: starting threads would cost more
     * than it saves.
     */
    static final int MIN_FILES_FOR_THREADS = 32;

    /** Most worker threads, whatever the machine. */
    private static final int MAX_THREADS = 4;

    /** The system property that sets the number of threads (1: everything on the scan thread). */
    static final String THREADS_PROPERTY = "mcpsec.scan.threads";

    /**
     * One parsed file, and its facts when they were extracted ahead.
     *
     * @param extracted the file's facts, inventory and warnings; null when the scan thread must
     *     extract them
     */
    record Prepared(ConfigDocument doc, Sink extracted) {}

    private final List<DiscoveredFile> files;
    private final ScanLimits limits;
    private final ExecutorService pool;
    private final List<Future<Prepared>> ahead;

    private ConfigWork(
            List<DiscoveredFile> files,
            ScanLimits limits,
            ExecutorService pool,
            List<Future<Prepared>> ahead) {
        this.files = files;
        this.limits = limits;
        this.pool = pool;
        this.ahead = ahead;
    }

    /** The number of worker threads to use: the system property, else the cores (at most 4). */
    static int defaultThreads() {
        String set = System.getProperty(THREADS_PROPERTY);
        if (set != null && !set.isBlank()) {
            try {
                int n = Integer.parseInt(set.strip());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigurationException(
                    "-D" + THREADS_PROPERTY,
                    "-D" + THREADS_PROPERTY + " must be a whole number of at least 1, was: " + set);
        }
        return Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
    }

    /**
     * Starts the work on {@code threads} worker threads (none when {@code threads} is 1 or there
     * are fewer than {@link #MIN_FILES_FOR_THREADS} files).
     *
     * @param extractAhead false when every file must be extracted on the scan thread (value
     *     decisions are logged in order)
     */
    static ConfigWork start(
            List<DiscoveredFile> files,
            ScanLimits limits,
            Map<Path, GitFileStatus> status,
            FactExtractor extractor,
            EnvFiles envFiles,
            boolean extractAhead,
            int threads) {
        if (threads <= 1 || files.size() < MIN_FILES_FOR_THREADS) {
            return new ConfigWork(files, limits, null, null);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, "mcpsec-configs-" + count.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        List<Future<Prepared>> ahead = new ArrayList<>(files.size());
        for (DiscoveredFile f : files) {
            ahead.add(
                    pool.submit(
                            () -> {
                                ConfigDocument doc = ConfigParser.parse(f, limits);
                                if (!extractAhead || envFiles.reads(doc)) {
                                    return new Prepared(doc, null);
                                }
                                GitFileStatus st =
                                        status.getOrDefault(f.path(), GitFileStatus.OUTSIDE);
                                Sink own = Sink.empty();
                                extractor.extract(doc, st.tracked(), st.ignored(), own);
                                return new Prepared(doc, own);
                            }));
        }
        return new ConfigWork(files, limits, pool, ahead);
    }

    /** The {@code i}th file's work, waiting for it; an exception of the work is thrown as is. */
    Prepared get(int i) {
        if (pool == null) {
            return new Prepared(ConfigParser.parse(files.get(i), limits), null);
        }
        Future<Prepared> work = ahead.get(i);
        ahead.set(i, null); // taken once: the scan holds the facts from here on
        try {
            return work.get();
        } catch (ExecutionException e) {
            throw Failures.unchecked(e.getCause(), IllegalStateException::new);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading config files", e);
        }
    }

    /** Stops the work not taken (a scan deadline or an error ends the loop early). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
