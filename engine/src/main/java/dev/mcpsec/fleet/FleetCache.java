package dev.mcpsec.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One cached result per repository location, valid while the repository's state and the run's settings (engine
 * version, bundles, rules, limits, history on or off) are the same. A damaged or foreign entry is a miss, never an
 * error: the repository is then scanned again.
 */
final class FleetCache {
    private final Path dir;
    private final String settings;

    /** A cache entry as stored. */
    record Entry(String settings, String state, RepoRecord record) {
    }

    FleetCache(Path dir, String settings) {
        this.dir = dir;
        this.settings = settings;
    }

    /** The cached record of {@code target} in {@code state}, or null. */
    RepoRecord get(RepoTarget target, String state) {
        Path file = fileOf(target);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            Entry e = FleetJson.MAPPER.readValue(file.toFile(), Entry.class);
            if (!settings.equals(e.settings()) || !state.equals(e.state()) || e.record() == null
                    || !target.name().equals(e.record().name())) {
                return null;
            }
            return e.record();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void put(RepoTarget target, String state, RepoRecord record) throws IOException {
        Files.createDirectories(dir);
        Path file = fileOf(target);
        Path tmp = Files.createTempFile(dir, "entry", ".tmp");
        try {
            FleetJson.MAPPER.writeValue(tmp.toFile(), new Entry(settings, state, record));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path fileOf(RepoTarget target) {
        return dir.resolve(sha256(target.path().toString()).substring(0, 32) + ".json");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
