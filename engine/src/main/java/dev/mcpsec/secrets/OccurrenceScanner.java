package dev.mcpsec.secrets;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds literal secrets in the places a key gets reused: env files, CI configuration, compose files
 * and Kubernetes manifests under a root. Reads line by line, bounded by file size and file count;
 * never follows symlinks.
 */
public final class OccurrenceScanner {

    private static final Set<String> SKIPPED_DIRS =
            Set.of(
                    "node_modules",
                    ".git",
                    "target",
                    ".venv",
                    "venv",
                    "__pycache__",
                    ".idea",
                    "build",
                    "dist");
    private static final Set<String> CI_FILES =
            Set.of(
                    ".gitlab-ci.yml",
                    "jenkinsfile",
                    "azure-pipelines.yml",
                    "bitbucket-pipelines.yml");
    private static final Pattern KEY_VALUE =
            Pattern.compile(
                    "^\\s*(?:-\\s+)?(?:export\\s+)?[\"']?([A-Za-z_][A-Za-z0-9_.-]*)[\"']?\\s*[:=]\\s*(.+?)\\s*$");
    private static final int MAX_DEPTH = 16;

    private final SecretDetector detector;
    private final Fingerprinter fingerprinter;
    private final long maxFileBytes;
    private final int maxFiles;

    /**
     * @param maxFileBytes larger files are skipped with a note
     * @param maxFiles at most this many candidate files are read
     */
    public OccurrenceScanner(
            SecretDetector detector, Fingerprinter fingerprinter, long maxFileBytes, int maxFiles) {
        this.detector = detector;
        this.fingerprinter = fingerprinter;
        this.maxFileBytes = maxFileBytes;
        this.maxFiles = maxFiles;
    }

    /**
     * True for a directory name this scanner never enters; callers that must see every file a scan
     * can read (the Maven goal's up-to-date check) walk what neither this nor discovery skips.
     */
    public static boolean skippedDirectory(String name) {
        return SKIPPED_DIRS.contains(name);
    }

    /** Scans every candidate file under {@code root}. */
    public OccurrenceScan scan(Path root) throws IOException {
        List<Occurrence> found = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int[] read = {0};
        Files.walkFileTree(
                root,
                Set.of(),
                MAX_DEPTH,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(root)
                                        && SKIPPED_DIRS.contains(dir.getFileName().toString())
                                ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!attrs.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        String rel = root.relativize(file).toString().replace('\\', '/');
                        String context = contextOf(rel);
                        if (context == null && !isYaml(rel)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (attrs.size() > maxFileBytes) {
                            notes.add(rel + ": skipped, larger than " + maxFileBytes + " bytes");
                            return FileVisitResult.CONTINUE;
                        }
                        if (read[0]++ >= maxFiles) {
                            notes.add("stopped after " + maxFiles + " files");
                            return FileVisitResult.TERMINATE;
                        }
                        try {
                            String text = decode(Files.readAllBytes(file));
                            String ctx =
                                    context != null
                                            ? context
                                            : isManifest(text) ? "manifest" : null;
                            if (ctx != null) {
                                scanText(rel, text, ctx, found);
                            }
                        } catch (IOException e) {
                            notes.add(rel + ": unreadable (" + e.getClass().getSimpleName() + ")");
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        notes.add(
                                root.relativize(file).toString().replace('\\', '/')
                                        + ": unreadable");
                        return FileVisitResult.CONTINUE;
                    }
                });
        return new OccurrenceScan(found, notes);
    }

    /** The context of a root-relative path, or null when only its content can tell (manifests). */
    static String contextOf(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals(".env") || lower.startsWith(".env.") || lower.endsWith(".env")) {
            return "env-file";
        }
        if ((rel.startsWith(".github/workflows/") && isYaml(rel))
                || rel.equals(".circleci/config.yml")
                || CI_FILES.contains(lower)) {
            return "ci";
        }
        if (isYaml(rel) && (lower.startsWith("docker-compose") || lower.startsWith("compose"))) {
            return "compose";
        }
        return null;
    }

    private static boolean isYaml(String rel) {
        return rel.endsWith(".yml") || rel.endsWith(".yaml");
    }

    private static boolean isManifest(String text) {
        return Pattern.compile("(?m)^apiVersion:").matcher(text).find()
                && Pattern.compile("(?m)^kind:").matcher(text).find();
    }

    private void scanText(String rel, String text, String context, List<Occurrence> out) {
        if (context.equals("env-file")) {
            for (EnvEntry e : EnvFileParser.parse(text).entries()) {
                record(
                        rel,
                        e.line(),
                        e.column(),
                        context,
                        e.name(),
                        e.value(),
                        ValueContext.ENV_FILE,
                        out);
            }
            return;
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = KEY_VALUE.matcher(line);
            if (m.matches()) {
                String value = unquote(m.group(2));
                int column = line.indexOf(value, m.start(2)) + 1;
                record(rel, i + 1, column, context, m.group(1), value, ValueContext.ENV, out);
            } else {
                record(rel, i + 1, 1, context, null, line, ValueContext.OTHER, out);
            }
        }
    }

    private void record(
            String rel,
            int line,
            int column,
            String context,
            String variable,
            String value,
            ValueContext valueContext,
            List<Occurrence> out) {
        ValueAnalysis a = detector.analyze(variable, value, valueContext);
        for (Detection d : a.detections()) {
            out.add(
                    new Occurrence(
                            rel,
                            line,
                            column + d.start(),
                            context,
                            variable,
                            fingerprinter.fingerprint(d.secret()),
                            d.kind(),
                            d.masked()));
        }
        for (DbUrl db : a.databases()) {
            Detection d = db.password();
            if (d != null) {
                out.add(
                        new Occurrence(
                                rel,
                                line,
                                column + d.start(),
                                context,
                                variable,
                                fingerprinter.fingerprint(d.secret()),
                                d.kind(),
                                d.masked()));
            }
        }
    }

    private static String unquote(String v) {
        int hash = v.indexOf(" #");
        String s =
                hash >= 0 && !(v.startsWith("\"") || v.startsWith("'"))
                        ? v.substring(0, hash).strip()
                        : v;
        if (s.length() >= 2
                && (s.charAt(0) == '"' || s.charAt(0) == '\'')
                && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String decode(byte[] bytes) throws IOException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
    }
}
