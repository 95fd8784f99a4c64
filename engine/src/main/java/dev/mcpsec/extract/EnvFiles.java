package dev.mcpsec.extract;

import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.facts.ClientSetting;
import dev.mcpsec.git.GitFileStatus;
import dev.mcpsec.git.GitInspector;
import dev.mcpsec.parse.ConfigDocument;
import dev.mcpsec.parse.Located;
import dev.mcpsec.parse.ServerEntry;
import dev.mcpsec.parse.SettingEntry;
import dev.mcpsec.secrets.EnvEntry;
import dev.mcpsec.secrets.EnvFile;
import dev.mcpsec.secrets.EnvFileParser;
import dev.mcpsec.secrets.Masker;
import dev.mcpsec.secrets.ValueContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the env files that configs load ({@code envFile}), resolving {@code ${workspaceFolder}},
 * but only inside the scan root: a path that escapes it is reported and never read.
 */
public final class EnvFiles {
    private final Path root;
    private final ScanLimits limits;
    private final GitInspector git;
    private final Set<String> loaded = new LinkedHashSet<>();

    /** Each env file is read and parsed once, however many servers load it. */
    private final Map<Path, EnvFile> parsedFiles = new HashMap<>();

    private long valuesLeft = MAX_VALUES;
    private boolean budgetWarned;

    /**
     * Most env-file values inspected in one scan (servers times entries): bounds time and facts.
     */
    static final long MAX_VALUES = 200_000;

    public EnvFiles(Path root, ScanLimits limits, GitInspector git) {
        this.root = root;
        this.limits = limits;
        this.git = git;
    }

    /** Display paths of every env file read so far (git history follows them too). */
    public Set<String> loaded() {
        return loaded;
    }

    /** A warning about a server's envFile, at the line of its {@code envFile} key. */
    private static void warn(ConfigDocument doc, ServerEntry entry, Sink sink, String message) {
        sink.warnings().add(new ScanWarning(doc.file(), entry.envFile().line(), message));
    }

    void load(ConfigDocument doc, ServerEntry entry, FactExtractor extractor, Sink sink) {
        String raw = entry.envFile().value();
        String where = doc.file() + ":" + entry.envFile().line();
        if (!"project".equals(doc.scope())) {
            warn(
                    doc,
                    entry,
                    sink,
                    "envFile "
                            + raw
                            + " of server "
                            + entry.name()
                            + " is in a user-level config: not read (only files inside the scan root are read)");
            return;
        }
        Path workspace = workspaceOf(root, root.resolve(doc.file()));
        String expanded =
                raw.replace("${workspaceFolder}", workspace.toString())
                        .replace("${workspaceRoot}", workspace.toString());
        if (expanded.contains("${") || expanded.startsWith("~")) {
            warn(
                    doc,
                    entry,
                    sink,
                    "envFile " + raw + " uses a variable mcpsec cannot resolve offline: not read");
            return;
        }
        Path target;
        try {
            target = workspace.resolve(expanded).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            // a NUL or a lone surrogate: no file system holds such a name; the value is not echoed
            warn(
                    doc,
                    entry,
                    sink,
                    "envFile of server "
                            + entry.name()
                            + " is not a valid path (NUL or characters a file name cannot hold): not read");
            return;
        }
        if (!target.startsWith(root) || escapesBySymlink(target)) {
            warn(
                    doc,
                    entry,
                    sink,
                    "envFile "
                            + raw
                            + " of server "
                            + entry.name()
                            + " points outside the scan root: not read");
            return;
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target)) {
            warn(
                    doc,
                    entry,
                    sink,
                    "envFile " + raw + " of server " + entry.name() + " does not exist");
            return;
        }
        String display = root.relativize(target).toString().replace('\\', '/');
        EnvFile parsed = parsedFiles.get(target);
        if (parsed == null && !parsedFiles.containsKey(target)) {
            parsed = read(target, display, where, sink);
            parsedFiles.put(target, parsed);
            if (parsed != null) {
                parsed.notes().forEach(n -> sink.warnings().add(new ScanWarning(display, 0, n)));
            }
        }
        if (parsed == null) {
            return;
        }
        loaded.add(display);
        boolean tracked = false;
        boolean ignored = false;
        if (git != null) {
            GitFileStatus st = git.status(target);
            tracked = st.tracked();
            ignored = st.ignored();
        }
        FactExtractor.Values values =
                extractor.values(
                        new Origin(display, entry.name(), doc.client(), tracked, ignored), sink);
        for (EnvEntry e : parsed.entries()) {
            if (valuesLeft-- <= 0) {
                if (!budgetWarned) {
                    budgetWarned = true;
                    sink.warnings()
                            .add(
                                    new ScanWarning(
                                            display,
                                            0,
                                            "env files: more than "
                                                    + MAX_VALUES
                                                    + " values loaded by servers in this scan; the rest were not checked for secrets"));
                }
                return;
            }
            values.inspect(
                    e.name(),
                    new Located(e.value(), e.line(), e.column()),
                    "envFile:" + e.name(),
                    ValueContext.ENV_FILE);
        }
    }

    /**
     * Reads and parses one env file, bounded by {@code maxFileBytes}; null (with a warning) when it
     * cannot be.
     */
    private EnvFile read(Path target, String display, String where, Sink sink) {
        try {
            if (!Files.isRegularFile(target)) {
                sink.warnings()
                        .add(
                                new ScanWarning(
                                        display, 0, "env file is not a regular file: not read"));
                return null;
            }
            if (Files.size(target) > limits.maxFileBytes()) {
                sink.warnings()
                        .add(
                                new ScanWarning(
                                        display,
                                        0,
                                        "larger than "
                                                + limits.maxFileBytes()
                                                + " bytes: not read (limit maxFileBytes)"));
                return null;
            }
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(target)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes()));
            }
            return EnvFileParser.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            sink.warnings()
                    .add(
                            new ScanWarning(
                                    display,
                                    0,
                                    "cannot read env file ("
                                            + where
                                            + "): "
                                            + e.getClass().getSimpleName()));
            return null;
        }
    }

    /** An env file a client loads by itself, as settings ({@code env.NAME}) of that client. */
    record ClientEnv(ConfigDocument doc, Origin origin) {}

    /** Env variables that move where Gemini CLI reads its user or system settings. */
    static final Set<String> GEMINI_HOME =
            Set.of(
                    "GEMINI_CLI_HOME",
                    "GEMINI_CLI_SYSTEM_SETTINGS_PATH",
                    "GEMINI_CLI_SYSTEM_DEFAULTS_PATH",
                    "GEMINI_CLI_TRUSTED_FOLDERS_PATH");

    /** Client env files read so far: each one's values are inspected once. */
    private final Set<Path> clientEnvRead = new HashSet<>();

    /**
     * The {@code .env} files a client loads by itself from a project, for a project config of that
     * client:
     *
     * <ul>
     *   <li>Codex ({@code .codex/config.toml}): the {@code .env} beside the {@code .codex} folder,
     *       which Codex CLI before 0.23.0 loaded from the working folder (CVE-2025-61260); a {@code
     *       CODEX_HOME} in it becomes the setting {@code env.CODEX_HOME};
     *   <li>Gemini CLI ({@code .gemini/settings.json}): {@code .gemini/.env} and the {@code .env}
     *       beside the {@code .gemini} folder, which Gemini CLI loads from the folder it starts in;
     *       the variables that move its home, settings or trust ({@link #GEMINI_HOME}) become
     *       settings {@code env.NAME}.
     * </ul>
     *
     * A file git ignores is the user's own: its home variables are not reported. Each file is
     * returned once per scan (with its git status), for its values to be judged as client settings
     * (redirects, secrets); its path joins {@link #loaded()} so that the history walk follows it.
     */
    List<ClientEnv> clientEnv(ConfigDocument doc, Sink sink) {
        List<ClientEnv> out = new ArrayList<>();
        ClientEnvFiles candidates = clientEnvFiles(doc);
        if (candidates == null) {
            return out;
        }
        Set<String> homeVars = candidates.homeVars();
        for (Path env : candidates.files()) {
            if (!env.startsWith(root) || escapesBySymlink(env) || !Files.isRegularFile(env)) {
                continue;
            }
            String display = root.relativize(env).toString().replace('\\', '/');
            try {
                if (Files.size(env) > limits.maxFileBytes()) {
                    sink.warnings()
                            .add(
                                    new ScanWarning(
                                            display,
                                            0,
                                            "larger than "
                                                    + limits.maxFileBytes()
                                                    + " bytes: not read (limit maxFileBytes)"));
                    continue;
                }
                boolean tracked = false;
                boolean ignored = false;
                if (git != null) {
                    GitFileStatus st = git.status(env);
                    tracked = st.tracked();
                    ignored = st.ignored();
                }
                EnvFile parsed = EnvFileParser.parse(Files.readString(env, StandardCharsets.UTF_8));
                List<SettingEntry> settings = new ArrayList<>();
                for (EnvEntry e : parsed.entries()) {
                    settings.add(
                            new SettingEntry(
                                    "env." + e.name(), e.value(), null, e.line(), e.column()));
                    if (!ignored && homeVars.contains(e.name())) {
                        sink.facts()
                                .add(
                                        new ClientSetting(
                                                display,
                                                e.line(),
                                                e.column(),
                                                doc.client(),
                                                "env." + e.name(),
                                                Masker.display(e.value()),
                                                null));
                    }
                }
                if (clientEnvRead.add(env)) {
                    loaded.add(display);
                    out.add(
                            new ClientEnv(
                                    new ConfigDocument(
                                            display,
                                            doc.client(),
                                            "project",
                                            "dotenv",
                                            "settings",
                                            List.of(),
                                            List.copyOf(settings),
                                            null,
                                            List.of()),
                                    new Origin(display, null, doc.client(), tracked, ignored)));
                }
            } catch (IOException e) {
                sink.warnings()
                        .add(
                                new ScanWarning(
                                        display,
                                        0,
                                        "cannot read env file: " + e.getClass().getSimpleName()));
            }
        }
        return out;
    }

    /** The env files a client loads by itself beside one of its configs, and its home variables. */
    private record ClientEnvFiles(List<Path> files, Set<String> homeVars) {}

    /**
     * Where the client of a project config would load env files from (see {@link #clientEnv}),
     * without looking at the disk; null when it loads none.
     */
    private ClientEnvFiles clientEnvFiles(ConfigDocument doc) {
        if (!"project".equals(doc.scope())) {
            return null;
        }
        Path config = root.resolve(doc.file()).normalize();
        Path folder = config.getParent();
        if (folder == null || folder.getFileName() == null) {
            return null;
        }
        String name = folder.getFileName().toString();
        if (".codex".equals(name) && config.getFileName().toString().equals("config.toml")) {
            return new ClientEnvFiles(List.of(folder.resolveSibling(".env")), Set.of("CODEX_HOME"));
        } else if (".gemini".equals(name)
                && config.getFileName().toString().equals("settings.json")) {
            return new ClientEnvFiles(
                    List.of(folder.resolve(".env"), folder.resolveSibling(".env")), GEMINI_HOME);
        }
        return null;
    }

    /**
     * Whether extracting the facts of {@code doc} goes through this object: a server loads an
     * {@code envFile}, or its client loads env files by itself. Such documents change what this
     * object has read (each env file once per scan, the budget of values, {@link #loaded()}), so
     * they are extracted one after the other in discovery order; every other document can be
     * extracted on any thread. Decided from the document alone, without reading the disk.
     */
    public boolean reads(ConfigDocument doc) {
        for (ServerEntry e : doc.servers()) {
            if (e.envFile() != null) {
                return true;
            }
        }
        return clientEnvFiles(doc) != null;
    }

    private boolean escapesBySymlink(Path target) {
        try {
            if (!Files.exists(target)) {
                return false;
            }
            return !target.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * The folder a config's {@code ${workspaceFolder}} means: the folder above the client's
     * dot-folder, if any.
     */
    static Path workspaceOf(Path root, Path configFile) {
        Path rel = root.relativize(configFile);
        Path dir = root;
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            if (rel.getName(i).toString().startsWith(".")) {
                return dir;
            }
            dir = dir.resolve(rel.getName(i));
        }
        return configFile.getParent();
    }
}
