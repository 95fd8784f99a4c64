package dev.mcpsec.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bounded reads of the {@code .mcpsec/} files (project config, baseline, review register): a huge or sparse file
 * is refused by its size before a byte is read, so it cannot exhaust memory.
 */
public final class RegisterFiles {
    /** Largest {@code .mcpsec/} file read. */
    public static final long MAX_BYTES = 16L << 20;

    private RegisterFiles() {
    }

    /** The bytes of a regular file of at most {@link #MAX_BYTES}; an {@link IOException} that says why otherwise. */
    public static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a regular file");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException("file is " + size + " bytes, over the limit of " + MAX_BYTES + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("file grew over the limit of " + MAX_BYTES + " bytes while read");
            }
            return bytes;
        }
    }
}
