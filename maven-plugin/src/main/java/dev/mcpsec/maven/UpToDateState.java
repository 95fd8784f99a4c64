package dev.mcpsec.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a complete {@code verify} run left for the next one, in {@code mcpsec-uptodate.properties}
 * beside its reports: the {@link UpToDateKey}, the finding lines it logged, the gate's outcome and
 * the SHA-256 of every report it wrote. Written only after a run without warnings wrote all its
 * reports; removed before every scan, so a run that fails or stops half way leaves none.
 *
 * @param key the up-to-date key of the run
 * @param finishedAt when the run ended (ISO-8601), for the log line
 * @param findings number of findings
 * @param failing number of findings at or above {@code <failOn>}
 * @param failure the failure message when {@code failing > 0}, else empty
 * @param lines the finding lines as logged, each {@code LEVEL text}
 * @param reports report file names with their SHA-256
 */
record UpToDateState(
        String key,
        String finishedAt,
        int findings,
        long failing,
        String failure,
        List<String> lines,
        List<String> reports) {

    static final String FILE = "mcpsec-uptodate.properties";

    /** The state in {@code directory}, or empty when there is none or it cannot be read. */
    static Optional<UpToDateState> read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            List<String> lines = IndexedLists.get(p, "line");
            List<String> reports = IndexedLists.get(p, "report");
            return Optional.of(
                    new UpToDateState(
                            p.getProperty("key", ""),
                            p.getProperty("finishedAt", ""),
                            Integer.parseInt(p.getProperty("findings", "-1")),
                            Long.parseLong(p.getProperty("failing", "-1")),
                            p.getProperty("failure", ""),
                            lines,
                            reports));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Removes the state of {@code directory}, so that only a complete run can leave one. */
    static void delete(Path directory) throws IOException {
        Files.deleteIfExists(directory.resolve(FILE));
    }

    /** Writes this state into {@code directory}. */
    void write(Path directory) throws IOException {
        Properties p = new Properties();
        p.setProperty("key", key);
        p.setProperty("finishedAt", finishedAt);
        p.setProperty("findings", Integer.toString(findings));
        p.setProperty("failing", Long.toString(failing));
        p.setProperty("failure", failure);
        IndexedLists.put(p, "line", lines);
        IndexedLists.put(p, "report", reports);
        Files.createDirectories(directory);
        Path tmp = directory.resolve(FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(
                    out,
                    "mcpsec:verify up-to-date state; delete it or use -Dmcpsec.force to rescan");
        }
        Files.move(
                tmp,
                directory.resolve(FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * True when this state was left by a run with {@code key} and every report it wrote is still in
     * {@code directory} unchanged.
     */
    boolean reusable(String key, Path directory) {
        if (!this.key.equals(key) || findings < 0 || failing < 0) {
            return false;
        }
        for (String report : reports) {
            int space = report.lastIndexOf(' ');
            if (space <= 0) {
                return false;
            }
            Path file = directory.resolve(report.substring(0, space));
            try {
                if (!Files.isRegularFile(file)
                        || !sha256(file).equals(report.substring(space + 1))) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** {@code name sha256} of a report file, as {@link #reports()} holds it. */
    static String reportEntry(Path file) throws IOException {
        return file.getFileName() + " " + sha256(file);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
