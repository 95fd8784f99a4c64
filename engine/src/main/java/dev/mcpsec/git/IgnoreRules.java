package dev.mcpsec.git;

import dev.mcpsec.api.ScanWarning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Git's ignore semantics over JGit's {@link IgnoreNode}: nested {@code .gitignore} files (deepest
 * first, last rule wins), then {@code .git/info/exclude}, then the global excludes file; a path
 * inside an ignored directory is ignored whatever the rules below it say, as in git. Nodes and
 * directory verdicts are cached, so batches are cheap.
 */
final class IgnoreRules {
    private static final long MAX_IGNORE_FILE_BYTES = 1L << 20;
    private static final IgnoreNode NONE = new IgnoreNode();

    private final Path workTree;
    private final IgnoreNode infoExclude;
    private final IgnoreNode globalExcludes;
    private final Consumer<ScanWarning> warnings;
    private final Map<String, IgnoreNode> perDirectory = new HashMap<>();
    private final Map<String, Boolean> directoryVerdicts = new HashMap<>();

    private IgnoreRules(
            Path workTree,
            IgnoreNode infoExclude,
            IgnoreNode globalExcludes,
            Consumer<ScanWarning> warnings) {
        this.workTree = workTree;
        this.infoExclude = infoExclude;
        this.globalExcludes = globalExcludes;
        this.warnings = warnings;
    }

    static IgnoreRules load(
            Repository repository,
            Path workTree,
            Consumer<ScanWarning> warnings,
            boolean allowExternal) {
        Path commonDir = repository.getCommonDirectory().toPath();
        IgnoreNode info =
                read(commonDir.resolve("info").resolve("exclude"), ".git/info/exclude", warnings);
        Path global = globalExcludesFile(repository, workTree);
        if (global != null
                && !allowExternal
                && !global.toAbsolutePath().normalize().startsWith(workTree)) {
            if (Files.exists(global, LinkOption.NOFOLLOW_LINKS)) {
                warnings.accept(
                        new ScanWarning(
                                null,
                                0,
                                "git: the excludes file (core.excludesFile or the global "
                                        + "ignore file) lies outside the scanned folder: not read, so its patterns do not count as "
                                        + "ignored (--allow-external-git reads it)"));
            }
            global = null;
        }
        IgnoreNode globalNode = global == null ? NONE : read(global, "core.excludesFile", warnings);
        return new IgnoreRules(workTree, info, globalNode, warnings);
    }

    /**
     * Whether git ignores {@code repoPath} (a file, forward slashes, relative to the work tree).
     */
    boolean isIgnored(String repoPath) {
        for (int slash = repoPath.indexOf('/');
                slash > 0;
                slash = repoPath.indexOf('/', slash + 1)) {
            String directory = repoPath.substring(0, slash);
            Boolean verdict = directoryVerdicts.get(directory);
            if (verdict == null) {
                verdict = matches(directory, true);
                directoryVerdicts.put(directory, verdict);
            }
            if (verdict) {
                return true;
            }
        }
        return matches(repoPath, false);
    }

    private boolean matches(String path, boolean directory) {
        String dir = parentOf(path);
        while (true) {
            String relative = dir.isEmpty() ? path : path.substring(dir.length() + 1);
            Boolean verdict = nodeFor(dir).checkIgnored(relative, directory);
            if (verdict != null) {
                return verdict;
            }
            if (dir.isEmpty()) {
                break;
            }
            dir = parentOf(dir);
        }
        Boolean verdict = infoExclude.checkIgnored(path, directory);
        if (verdict == null) {
            verdict = globalExcludes.checkIgnored(path, directory);
        }
        return Boolean.TRUE.equals(verdict);
    }

    private IgnoreNode nodeFor(String dir) {
        IgnoreNode node = perDirectory.get(dir);
        if (node == null) {
            String shown =
                    dir.isEmpty()
                            ? Constants.GITIGNORE_FILENAME
                            : dir + "/" + Constants.GITIGNORE_FILENAME;
            node = read(workTree.resolve(shown), shown, warnings);
            perDirectory.put(dir, node);
        }
        return node;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * Reads an ignore file; symlinked ignore files are not followed (git refuses them too) so reads
     * stay in place.
     */
    private static IgnoreNode read(Path file, String shown, Consumer<ScanWarning> warnings) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return NONE;
            }
            if (Files.size(file) > MAX_IGNORE_FILE_BYTES) {
                warnings.accept(
                        new ScanWarning(shown, 0, "git: ignore file larger than 1 MiB skipped"));
                return NONE;
            }
            IgnoreNode node = new IgnoreNode();
            try (InputStream in = Files.newInputStream(file)) {
                node.parse(shown, in);
            }
            return node;
        } catch (IOException | RuntimeException e) {
            warnings.accept(
                    new ScanWarning(
                            shown, 0, "git: cannot read ignore file (" + e.getMessage() + ")"));
            return NONE;
        }
    }

    /**
     * core.excludesFile (with {@code ~/} expanded), else {@code $XDG_CONFIG_HOME/git/ignore} or its
     * default.
     */
    private static Path globalExcludesFile(Repository repository, Path workTree) {
        FS fs = repository.getFS();
        try {
            String configured =
                    repository
                            .getConfig()
                            .getString(
                                    ConfigConstants.CONFIG_CORE_SECTION,
                                    null,
                                    ConfigConstants.CONFIG_KEY_EXCLUDESFILE);
            if (configured != null && !configured.isBlank()) {
                if (configured.startsWith("~/") && fs.userHome() != null) {
                    return fs.userHome().toPath().resolve(configured.substring(2));
                }
                return workTree.resolve(configured);
            }
            String xdg = SystemReader.getInstance().getenv(Constants.XDG_CONFIG_HOME);
            if (xdg != null && !xdg.isBlank()) {
                return Path.of(xdg, "git", "ignore");
            }
            return fs.userHome() == null
                    ? null
                    : fs.userHome().toPath().resolve(".config/git/ignore");
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
