package dev.mcpsec.hardening;

import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.engine.Mcpsec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A scanned project and an isolated home folder under one temporary directory, with file helpers.
 */
final class Tree {
    final Path root;
    final Path home;
    final Path outside;

    Tree(Path tmp) {
        this.root = mkdirs(tmp.resolve("project"));
        this.home = mkdirs(tmp.resolve("home"));
        this.outside = mkdirs(tmp.resolve("outside"));
    }

    /** Writes {@code text} at {@code rel} below the project root, creating folders. */
    Path write(String rel, String text) {
        return write(root.resolve(rel), text);
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScanRequest.Builder request() {
        return ScanRequest.builder(root).home(home).localRepository(home.resolve(".m2"));
    }

    ScanResult scan() {
        return Mcpsec.create().scan(request().build());
    }

    ScanResult scan(ScanLimits limits) {
        return Mcpsec.create().scan(request().limits(limits).build());
    }

    static List<String> messages(ScanResult result) {
        return result.warnings().stream().map(ScanWarning::toString).toList();
    }

    static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
