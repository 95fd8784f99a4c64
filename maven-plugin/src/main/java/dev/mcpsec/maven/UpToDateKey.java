package dev.mcpsec.maven;

import dev.mcpsec.engine.Mcpsec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The up-to-date key of a {@code verify} run: a SHA-256 over everything that can change its result,
 * so that a previous result is reused only when none of it changed. It covers the plugin's own
 * class path (engine, built-in rules, org bundles declared as plugin dependencies), every
 * parameter, the current date (age warnings count days), every file below the scanned directory
 * that discovery or the secret-occurrence scan can read (path, size, modification and change time,
 * file key, and the content of files up to {@link #HASHED_BYTES}), the set of directories walked
 * (so a new file is seen), the git directory the engine would open (every file but the object
 * store's content: HEAD, refs, packed-refs, index, config, info/exclude; the object store by name
 * and size), the baseline, advisory files and bundle files or folders. It reads files only: no
 * Drools, no JGit.
 */
final class UpToDateKey {
    /** Files up to this size are fingerprinted by content as well as by their attributes. */
    static final long HASHED_BYTES = 8L << 20;

    private static final String FORMAT = "mcpsec up-to-date key 1";
    private final MessageDigest digest;

    private UpToDateKey() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        add(FORMAT);
    }

    /**
     * Why a run with these settings is never reused, or empty: user-level configs and git reading
     * outside the scanned folder read files anywhere on the machine, which the key cannot cover.
     */
    static Optional<String> notReusable(VerifySettings settings) {
        if (settings.includeUserConfigs()) {
            return Optional.of("<includeUserConfigs> reads files under the home folder");
        }
        if (settings.allowExternalGit()) {
            return Optional.of("<allowExternalGit> lets git read outside the scanned folder");
        }
        return Optional.empty();
    }

    /**
     * The key of a run.
     *
     * @param settings the goal's parameters
     * @param extra other parameter values that shape the outcome (output directory,
     *     failOnError...), by name
     * @param classPath the plugin's artifacts (jars or class folders)
     * @param today the current date, UTC
     */
    static String compute(
            VerifySettings settings,
            Map<String, String> extra,
            List<File> classPath,
            LocalDate today)
            throws IOException {
        UpToDateKey key = new UpToDateKey();
        key.add("date " + today);
        for (File entry : classPath) {
            key.tree("classpath", entry.toPath(), false, false);
        }
        key.parameters(settings, extra);
        Path root = settings.scanDirectory().toPath().toAbsolutePath().normalize();
        key.add("root " + root);
        key.tree("scan", root, true, true);
        key.git(root);
        if (settings.baseline() != null) {
            key.tree("baseline", settings.baseline().toPath(), false, true);
        }
        for (String advisory : orEmpty(settings.advisories())) {
            Path p = Path.of(advisory.trim());
            if (!p.isAbsolute() && settings.baseDirectory() != null) {
                p = settings.baseDirectory().toPath().resolve(p);
            }
            key.tree("advisories", p, false, true);
        }
        for (String bundle : orEmpty(settings.bundles())) {
            key.bundle(bundle.trim(), settings);
        }
        return HexFormat.of().formatHex(key.digest.digest());
    }

    private void parameters(VerifySettings s, Map<String, String> extra) {
        add("param scanDirectory " + s.scanDirectory());
        add("param baseDirectory " + s.baseDirectory());
        add("param failOn " + s.failOn());
        add("param formats " + s.formats());
        add("param includeUserConfigs " + s.includeUserConfigs());
        add("param history " + s.history());
        add("param projectPolicies " + s.projectPolicies());
        add("param bundles " + s.bundles());
        add("param excludeRules " + s.excludeRules());
        add("param includeRules " + s.includeRules());
        add("param severityOverrides " + sorted(s.severityOverrides()));
        add("param baseline " + s.baseline());
        add("param localRepository " + s.localRepository());
        add("param limits " + sorted(s.limits()));
        add("param advisories " + s.advisories());
        add("param advisoriesMaxAge " + s.advisoriesMaxAge());
        add("param allowExternalGit " + s.allowExternalGit());
        add("param extra " + sorted(extra));
    }

    /** A bundle written as a path is fingerprinted there; G:A:V as its local-repository folder. */
    private void bundle(String spec, VerifySettings s) throws IOException {
        String resolved = RequestAdapter.resolveBundle(spec, s.baseDirectory());
        int pin = resolved.indexOf('#');
        String location = pin < 0 ? resolved : resolved.substring(0, pin);
        Path asPath = Path.of(location);
        if (Files.exists(asPath, LinkOption.NOFOLLOW_LINKS)) {
            tree("bundle", asPath, false, true);
            return;
        }
        String[] gav = location.split(":");
        if (gav.length == 3 && s.localRepository() != null) {
            Path dir =
                    s.localRepository()
                            .toPath()
                            .resolve(gav[0].replace('.', '/'))
                            .resolve(gav[1])
                            .resolve(gav[2]);
            tree("bundle", dir, false, true);
            return;
        }
        add("bundle unresolved " + spec);
    }

    /**
     * The git directory the engine opens for {@code root}: the nearest {@code .git} upwards, a
     * {@code gitdir:} file followed, plus its {@code commondir}.
     */
    private void git(Path root) throws IOException {
        for (Path dir = root; dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (!Files.exists(dotGit, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            add("git " + dotGit);
            tree("git", dotGit, false, true);
            Path gitDir = dotGit;
            if (Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
                String text = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
                if (!text.startsWith("gitdir:")) {
                    return;
                }
                gitDir = dir.resolve(text.substring("gitdir:".length()).trim()).normalize();
                add("gitdir " + gitDir);
                tree("git", gitDir, false, true);
            }
            Path commonFile = gitDir.resolve("commondir");
            if (Files.isRegularFile(commonFile)) {
                Path common =
                        gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).trim())
                                .normalize();
                add("commondir " + common);
                tree("git", common, false, true);
            }
            return;
        }
        add("git none");
    }

    /**
     * Adds {@code start} and everything below it, in name order. {@code skipWalked} skips the
     * directories that neither discovery nor the secret-occurrence scan enters; {@code content}
     * hashes file content up to {@link #HASHED_BYTES}. In a git directory the object store counts
     * by name and size only.
     */
    private void tree(String label, Path start, boolean skipWalked, boolean content)
            throws IOException {
        BasicFileAttributes top = attributes(start);
        if (top == null) {
            add(label + " absent " + start);
            return;
        }
        add(label + " " + start);
        if (!top.isDirectory()) {
            file(label, start, start.getFileName() + "", top, content);
            return;
        }
        List<Path> queue = new ArrayList<>();
        queue.add(start);
        for (int i = 0; i < queue.size(); i++) {
            Path dir = queue.get(i);
            String rel = start.relativize(dir).toString().replace(File.separatorChar, '/');
            add(label + " dir " + rel);
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                stream.forEach(children::add);
            }
            children.sort(Comparator.comparing(p -> p.getFileName().toString()));
            for (Path child : children) {
                String name = child.getFileName().toString();
                BasicFileAttributes attrs = attributes(child);
                String childRel = rel.isEmpty() ? name : rel + "/" + name;
                if (attrs == null) {
                    add(label + " vanished " + childRel);
                    continue;
                }
                if (attrs.isDirectory()) {
                    if (skipWalked && Mcpsec.skippedByEveryWalk(name)) {
                        add(label + " skipped " + childRel);
                        continue;
                    }
                    queue.add(child);
                    continue;
                }
                boolean objects = label.equals("git") && childRel.startsWith("objects/");
                boolean hashed =
                        content && (!objects || childRel.equals("objects/info/alternates"));
                file(label, child, childRel, attrs, hashed);
            }
        }
    }

    private void file(
            String label, Path file, String rel, BasicFileAttributes attrs, boolean content)
            throws IOException {
        StringBuilder line =
                new StringBuilder(label)
                        .append(" file ")
                        .append(rel)
                        .append(' ')
                        .append(attrs.size())
                        .append(' ')
                        .append(attrs.lastModifiedTime().toInstant())
                        .append(' ')
                        .append(attrs.fileKey());
        try {
            Object ctime = Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            line.append(" ctime ").append(ctime);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            line.append(" no-ctime");
        }
        if (attrs.isSymbolicLink()) {
            line.append(" link ").append(Files.readSymbolicLink(file));
            BasicFileAttributes target = followed(file);
            if (target != null && target.isRegularFile()) {
                line.append(" target ")
                        .append(target.size())
                        .append(' ')
                        .append(target.lastModifiedTime().toInstant());
                if (content && target.size() <= HASHED_BYTES) {
                    line.append(" sha256 ").append(sha256(file));
                }
            }
        } else if (attrs.isRegularFile() && content && attrs.size() <= HASHED_BYTES) {
            line.append(" sha256 ").append(sha256(file));
        } else if (!attrs.isRegularFile()) {
            line.append(" special");
        }
        add(line.toString());
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    private static BasicFileAttributes followed(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private void add(String line) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
