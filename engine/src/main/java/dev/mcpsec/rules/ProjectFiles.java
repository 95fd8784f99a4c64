package dev.mcpsec.rules;

import dev.mcpsec.api.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one read and write path of the project's {@code .mcpsec/} files (configuration, baseline,
 * review and rotation registers, project policies): only inside the project root and never through
 * a symbolic link (a link in the scanned tree could otherwise make mcpsec read a secret file
 * elsewhere on the machine, and echo it in a parse error, or write to any path), regular files only
 * (a FIFO would hang the scan), and bounded: a huge or sparse file is refused by its size before a
 * byte is read, so it cannot exhaust memory. In {@code rules} because project policies are read
 * here too; the {@code project} registers use it from there.
 *
 * <p>Internal to mcpsec; not part of the supported library API.
 */
public final class ProjectFiles {
    /**
     * Largest {@code .mcpsec/} file read when the caller names no smaller cap (project policies).
     */
    public static final long MAX_BYTES = 16L << 20;

    private ProjectFiles() {}

    /**
     * The bytes of {@code file}, or null when it does not exist. When {@code root} is not null and
     * {@code file} lies below it, no part of the path below the root may be a symbolic link; the
     * file itself must be a regular file of at most {@code maxBytes}. {@code display} names the
     * file in errors, {@code setting} is the error's setting.
     */
    public static byte[] read(Path root, Path file, String display, String setting, long maxBytes) {
        checkNoLink(root, file, display, setting);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConfigurationException(
                    setting, display + ": not a regular file (symbolic links are not followed)");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new ConfigurationException(
                        setting,
                        display
                                + ": file is "
                                + size
                                + " bytes, over the limit of "
                                + maxBytes
                                + " bytes");
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new ConfigurationException(
                        setting,
                        display
                                + ": file grew over the limit of "
                                + maxBytes
                                + " bytes while read");
            }
            return bytes;
        } catch (IOException e) {
            throw new ConfigurationException(
                    setting, display + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Writes {@code content} to {@code file} through a temporary file in the same folder and a
     * rename, which replaces a link rather than following it. Below {@code root} (when not null),
     * no part of the path may be a link and the target must be a regular file or absent; missing
     * folders are created.
     */
    public static void write(Path root, Path file, String display, String setting, byte[] content) {
        Path target = file.toAbsolutePath().normalize();
        checkNoLink(root, target, display, setting);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConfigurationException(
                    setting,
                    "cannot write "
                            + display
                            + ": it is not a regular file (symbolic links are not followed)");
        }
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            checkNoLink(root, target, display, setting);
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.write(tmp, content);
            try {
                Files.move(
                        tmp,
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new ConfigurationException(
                    setting, "cannot write " + display + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is left behind; the error above is what matters
                }
            }
        }
    }

    /**
     * Refuses a symbolic link on any existing path component from below {@code root} down to {@code
     * file}.
     */
    private static void checkNoLink(Path root, Path file, String display, String setting) {
        if (root == null) {
            return;
        }
        Path r = root.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        if (!f.startsWith(r) || f.equals(r)) {
            return;
        }
        Path at = r;
        for (Path part : r.relativize(f)) {
            at = at.resolve(part);
            if (Files.isSymbolicLink(at)) {
                throw new ConfigurationException(
                        setting,
                        display
                                + ": "
                                + r.relativize(at).toString().replace('\\', '/')
                                + " is a symbolic link (symbolic links are not followed): mcpsec reads and writes its project "
                                + "files only inside the project, never through a link; replace the link with the file");
            }
        }
    }
}
