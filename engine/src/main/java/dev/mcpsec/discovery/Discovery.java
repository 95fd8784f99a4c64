package dev.mcpsec.discovery;

import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.facts.SkippedConfigs;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds MCP config files: every catalogue project pattern at any depth below a root, and
 * (optionally) the user files under a home folder. Walks with limits, never leaves the root (or
 * home) through a symlink, and turns anything unreadable into a warning.
 */
public final class Discovery {

    /**
     * Directories that hold dependencies, build output or tool state, never a project's own MCP
     * config.
     */
    static final Set<String> SKIPPED_DIRS =
            Set.of(
                    "node_modules",
                    ".git",
                    "target",
                    "build",
                    "dist",
                    "out",
                    ".venv",
                    "venv",
                    "__pycache__",
                    ".gradle",
                    ".idea",
                    "vendor",
                    "bower_components",
                    ".tox",
                    ".mypy_cache",
                    ".pytest_cache",
                    ".next",
                    ".nuxt",
                    ".terraform",
                    ".svn",
                    ".hg",
                    "Pods");

    private Discovery() {}

    /**
     * True for a directory name the project walk never enters (dependencies, build output, tool
     * state).
     */
    public static boolean skippedDirectory(String name) {
        return SKIPPED_DIRS.contains(name);
    }

    /**
     * Discovers config files below {@code root} and, when {@code user} is set, under {@code home}.
     *
     * @throws ConfigurationException when {@code root} is not a readable directory
     */
    public static DiscoveryResult discover(Path root, boolean user, Path home, ScanLimits limits) {
        return discover(root, user, home, null, limits);
    }

    /**
     * Discovers config files below {@code root}, when {@code user} is set under {@code home}, and
     * the system-wide managed files under {@code systemRoot} (none when it is null).
     *
     * @throws ConfigurationException when {@code root} is not a readable directory
     */
    public static DiscoveryResult discover(
            Path root, boolean user, Path home, Path systemRoot, ScanLimits limits) {
        if (root == null || !Files.isDirectory(root)) {
            throw new ConfigurationException(
                    "path", "scan path " + root + " is not an existing directory");
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new ConfigurationException(
                    "path", "scan path " + root + " cannot be read: " + e.getMessage(), e);
        }
        List<ScanWarning> warnings = new ArrayList<>();
        Map<String, DiscoveredFile> found = new LinkedHashMap<>();
        SkippedConfigs truncated = walkProject(realRoot, limits, found, warnings);
        if (user && home != null) {
            new UserScan(home, "~/", "user", ClientCatalog.userEntries(), limits, found, warnings)
                    .run();
        }
        if (systemRoot != null) {
            new UserScan(
                            systemRoot,
                            "/",
                            "system",
                            ClientCatalog.systemEntries(),
                            limits,
                            found,
                            warnings)
                    .run();
        }
        List<DiscoveredFile> files = new ArrayList<>(found.values());
        files.sort(
                Comparator.comparing(DiscoveredFile::scope)
                        .thenComparing(DiscoveredFile::displayPath));
        return new DiscoveryResult(List.copyOf(files), List.copyOf(warnings), truncated);
    }

    /**
     * Walks the project breadth first, each folder's entries in name order, so that when {@code
     * maxFiles} stops the walk the configs nearest the root have been found; returns what the limit
     * left out, or null.
     */
    private static SkippedConfigs walkProject(
            Path root,
            ScanLimits limits,
            Map<String, DiscoveredFile> found,
            List<ScanWarning> warnings) {
        boolean depthWarned = false;
        boolean dotfiles = ShapeSniffer.dotfilesRepository(root);
        int sniffed = 0;
        ArrayDeque<Path> queue = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        queue.add(root);
        depths.add(0);
        while (!queue.isEmpty()) {
            Path dir = queue.poll();
            int depth = depths.poll();
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                stream.forEach(children::add);
            } catch (IOException | DirectoryIteratorException | SecurityException e) {
                Throwable cause = e instanceof DirectoryIteratorException d ? d.getCause() : e;
                if (dir.equals(root)) {
                    warnings.add(
                            new ScanWarning(
                                    ".", 0, "walk stopped: " + cause.getClass().getSimpleName()));
                } else {
                    warnings.add(
                            new ScanWarning(
                                    display(root, dir),
                                    0,
                                    "cannot be read ("
                                            + cause.getClass().getSimpleName()
                                            + "); skipped"));
                }
                continue;
            }
            children.sort(Comparator.comparing(p -> p.getFileName().toString()));
            for (Path child : children) {
                BasicFileAttributes attrs;
                try {
                    attrs =
                            Files.readAttributes(
                                    child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException | SecurityException e) {
                    warnings.add(
                            new ScanWarning(
                                    display(root, child),
                                    0,
                                    "cannot be read ("
                                            + e.getClass().getSimpleName()
                                            + "); skipped"));
                    continue;
                }
                String name = child.getFileName().toString();
                if (attrs.isDirectory()) {
                    if (SKIPPED_DIRS.contains(name)) {
                        continue;
                    }
                    if (depth + 1 > limits.maxWalkDepth()) {
                        if (!depthWarned) {
                            depthWarned = true;
                            warnings.add(
                                    new ScanWarning(
                                            display(root, child),
                                            0,
                                            "directory deeper than "
                                                    + limits.maxWalkDepth()
                                                    + " levels not walked (maxWalkDepth)"));
                        }
                        continue;
                    }
                    queue.add(child);
                    depths.add(depth + 1);
                    continue;
                }
                String rel = display(root, child);
                Optional<CatalogEntry> entry = ClientCatalog.matchProjectPath(rel);
                if (entry.isEmpty()
                        && dotfiles
                        && attrs.isRegularFile()
                        && ShapeSniffer.candidate(name)) {
                    // a dotfiles repository keeps client configs at paths of its own: judge by
                    // content
                    if (sniffed++ == ShapeSniffer.MAX_SNIFFED) {
                        warnings.add(
                                new ScanWarning(
                                        rel,
                                        0,
                                        "dotfiles repository: more than "
                                                + ShapeSniffer.MAX_SNIFFED
                                                + " JSON, TOML and YAML files; the rest were not searched for MCP configs"));
                    }
                    if (sniffed <= ShapeSniffer.MAX_SNIFFED) {
                        entry = ShapeSniffer.sniff(child, rel);
                    }
                }
                if (entry.isEmpty()) {
                    continue;
                }
                if (found.size() >= limits.maxFiles()) {
                    warnings.add(
                            new ScanWarning(
                                    rel,
                                    0,
                                    "more than "
                                            + limits.maxFiles()
                                            + " config files (maxFiles); the rest were not scanned"));
                    return new SkippedConfigs(
                            rel,
                            "maxFiles",
                            "more than "
                                    + limits.maxFiles()
                                    + " config files; this one and the rest were not scanned");
                }
                if (acceptable(child, attrs.isSymbolicLink(), root, rel, warnings)) {
                    found.put(
                            child.toString(),
                            new DiscoveredFile(child, rel, entry.get(), "project"));
                }
            }
        }
        return null;
    }

    /**
     * A matched file is kept when it is a readable regular file whose real location stays below
     * {@code base}; a symlink is resolved first so a link cannot pull in a file from outside.
     */
    static boolean acceptable(
            Path file, boolean symlink, Path base, String display, List<ScanWarning> warnings) {
        if (symlink) {
            Path target;
            try {
                target = file.toRealPath();
            } catch (IOException e) {
                warnings.add(new ScanWarning(display, 0, "symlink cannot be resolved; skipped"));
                return false;
            }
            if (!target.startsWith(base)) {
                warnings.add(
                        new ScanWarning(
                                display, 0, "symlink points outside the scanned folder; skipped"));
                return false;
            }
            if (!Files.isRegularFile(target)) {
                warnings.add(
                        new ScanWarning(
                                display,
                                0,
                                "not a regular file (device, FIFO or socket); skipped"));
                return false;
            }
        } else if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            // a FIFO would block the read forever; devices and sockets are no config either
            warnings.add(
                    new ScanWarning(
                            display, 0, "not a regular file (device, FIFO or socket); skipped"));
            return false;
        }
        if (!Files.isReadable(file)) {
            warnings.add(
                    new ScanWarning(display, 0, "cannot be read (permission denied); skipped"));
            return false;
        }
        return true;
    }

    static String display(Path base, Path file) {
        String rel = base.relativize(file).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }

    /**
     * Probes the catalogue's user paths under a home folder (or its system paths under the
     * machine's root), expanding {@code *} segments by listing.
     */
    private static final class UserScan {
        private final Path home;
        private final String prefix;
        private final String scope;
        private final List<CatalogEntry> entries;
        private final ScanLimits limits;
        private final Map<String, DiscoveredFile> found;
        private final List<ScanWarning> warnings;
        private Path realHome;

        UserScan(
                Path home,
                String prefix,
                String scope,
                List<CatalogEntry> entries,
                ScanLimits limits,
                Map<String, DiscoveredFile> found,
                List<ScanWarning> warnings) {
            this.home = home;
            this.prefix = prefix;
            this.scope = scope;
            this.entries = entries;
            this.limits = limits;
            this.found = found;
            this.warnings = warnings;
        }

        void run() {
            try {
                realHome = home.toRealPath();
            } catch (IOException e) {
                warnings.add(
                        new ScanWarning(
                                prefix.substring(0, 1),
                                0,
                                ("user".equals(scope) ? "home folder " : "system root ")
                                        + home
                                        + " cannot be read; "
                                        + scope
                                        + " scope skipped"));
                return;
            }
            for (CatalogEntry entry : entries) {
                expand(realHome, entry.segments(), 0, entry);
            }
        }

        private void expand(Path dir, String[] segs, int i, CatalogEntry entry) {
            String seg = segs[i];
            boolean last = i == segs.length - 1;
            if (seg.indexOf('*') < 0) {
                Path next = dir.resolve(seg);
                if (last) {
                    consider(next, entry);
                } else if (insideHome(next)) {
                    expand(next, segs, i + 1, entry);
                }
                return;
            }
            List<Path> matches = new ArrayList<>();
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path child : children) {
                    if (ClientCatalog.segmentMatches(seg, child.getFileName().toString())) {
                        matches.add(child);
                    }
                }
            } catch (IOException e) {
                warnings.add(
                        new ScanWarning(
                                prefix + display(realHome, dir), 0, "cannot be listed; skipped"));
                return;
            }
            matches.sort(Comparator.naturalOrder());
            for (Path child : matches) {
                if (last) {
                    consider(child, entry);
                } else if (insideHome(child)) {
                    expand(child, segs, i + 1, entry);
                }
            }
        }

        /**
         * A directory to descend into; a symlinked one (dotfile managers) only when it stays in the
         * home folder.
         */
        private boolean insideHome(Path dir) {
            if (!Files.isDirectory(dir)) {
                return false;
            }
            if (!Files.isSymbolicLink(dir)) {
                return true;
            }
            try {
                return dir.toRealPath().startsWith(realHome);
            } catch (IOException e) {
                return false;
            }
        }

        private void consider(Path file, CatalogEntry entry) {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    || found.containsKey(file.toString())) {
                return;
            }
            String display = prefix + display(realHome, file);
            if (found.size() >= limits.maxFiles()) {
                warnings.add(
                        new ScanWarning(
                                display,
                                0,
                                "more than "
                                        + limits.maxFiles()
                                        + " config files (maxFiles); skipped"));
                return;
            }
            if (acceptable(file, Files.isSymbolicLink(file), realHome, display, warnings)) {
                found.put(file.toString(), new DiscoveredFile(file, display, entry, scope));
            }
        }
    }
}
