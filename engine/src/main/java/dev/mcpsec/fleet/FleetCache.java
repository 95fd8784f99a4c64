package dev.mcpsec.fleet;

import dev.mcpsec.api.HistoryBaseline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One cached result per repository location, valid while the repository's state and the run's
 * settings (engine version, bundles, rules, limits, history on or off) are the same. A damaged or
 * foreign entry is a miss, never an error: the repository is then scanned again.
 */
final class FleetCache {
    private final Path dir;
    private final String settings;

    /**
     * A cache entry as stored.
     *
     * @param tips the ref tips the history pass started from
     * @param historyComplete every commit reachable from the tips was examined (a later run may
     *     walk only new ones)
     * @param history the history credentials found (masked, fingerprinted), for an incremental
     *     history pass
     */
    record Entry(
            String settings,
            String state,
            RepoRecord record,
            Map<String, String> tips,
            boolean historyComplete,
            List<HistoryBaseline.Seen> history) {}

    /** The settings key entries are made with. */
    String settings() {
        return settings;
    }

    FleetCache(Path dir, String settings) {
        this.dir = dir;
        this.settings = settings;
    }

    /** The cached record of {@code target} in {@code state}, or null. */
    RepoRecord get(RepoTarget target, String state) {
        Entry e = entry(target);
        return e == null || !state.equals(e.state()) ? null : e.record();
    }

    /**
     * The entry of {@code target} made with this run's settings, whatever state it was made in, or
     * null.
     */
    Entry entry(RepoTarget target) {
        Path file = fileOf(target);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            Entry e = FleetJson.MAPPER.readValue(file.toFile(), Entry.class);
            if (!settings.equals(e.settings())
                    || e.record() == null
                    || !target.name().equals(e.record().name())) {
                return null;
            }
            return e;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void put(RepoTarget target, Entry entry) throws IOException {
        Files.createDirectories(dir);
        Path file = fileOf(target);
        Path tmp = Files.createTempFile(dir, "entry", ".tmp");
        try {
            FleetJson.MAPPER.writeValue(tmp.toFile(), entry);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path fileOf(RepoTarget target) {
        return dir.resolve(sha256(target.path().toString()).substring(0, 32) + ".json");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
