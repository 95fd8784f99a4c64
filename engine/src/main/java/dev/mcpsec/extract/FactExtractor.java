package dev.mcpsec.extract;

import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.api.ServerSummary;
import dev.mcpsec.facts.ClientSetting;
import dev.mcpsec.facts.ConfigFile;
import dev.mcpsec.facts.Credential;
import dev.mcpsec.facts.DatabaseTarget;
import dev.mcpsec.facts.EnvReference;
import dev.mcpsec.facts.FilesystemRoot;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.parse.ConfigDocument;
import dev.mcpsec.parse.Launch;
import dev.mcpsec.parse.LaunchParser;
import dev.mcpsec.parse.LenientUrl;
import dev.mcpsec.parse.Located;
import dev.mcpsec.parse.ServerEntry;
import dev.mcpsec.parse.SettingEntry;
import dev.mcpsec.secrets.ArgScanner;
import dev.mcpsec.secrets.ArgValue;
import dev.mcpsec.secrets.DatabaseVariables;
import dev.mcpsec.secrets.DbUrl;
import dev.mcpsec.secrets.Detection;
import dev.mcpsec.secrets.DetectorOptions;
import dev.mcpsec.secrets.Fingerprinter;
import dev.mcpsec.secrets.KeyEnvironments;
import dev.mcpsec.secrets.Masker;
import dev.mcpsec.secrets.Reference;
import dev.mcpsec.secrets.SecretDetector;
import dev.mcpsec.secrets.ValueAnalysis;
import dev.mcpsec.secrets.ValueContext;
import dev.mcpsec.supply.LaunchRisks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns one parsed config into facts: servers, filesystem roots, client settings, and what every
 * value handed to a server holds (credentials, references, database targets). Secret values never
 * leave this class unmasked.
 */
public final class FactExtractor {
    private static final java.util.regex.Pattern WHITESPACE =
            java.util.regex.Pattern.compile("\\s");
    private static final Launch NO_LAUNCH =
            new Launch(null, null, null, null, null, null, List.of());
    private final SecretDetector detector;
    private final Fingerprinter fingerprinter;
    private final Path root;
    private final EnvFiles envFiles;
    private final Consumer<String> valueLog;
    private final SettingFacts settingFacts;

    public FactExtractor(
            SecretDetector detector, Fingerprinter fingerprinter, Path root, EnvFiles envFiles) {
        this(detector, fingerprinter, root, envFiles, null);
    }

    public FactExtractor(
            SecretDetector detector,
            Fingerprinter fingerprinter,
            Path root,
            EnvFiles envFiles,
            Consumer<String> valueLog) {
        this.detector = detector;
        this.fingerprinter = fingerprinter;
        this.root = root;
        this.envFiles = envFiles;
        this.valueLog = valueLog;
        this.settingFacts = new SettingFacts(detector);
    }

    /** An extractor for historical content: env files are not read from disk. */
    public FactExtractor withoutEnvFiles() {
        return new FactExtractor(detector, fingerprinter, root, null, null);
    }

    /**
     * Extracts the facts of one parsed file, whose git status is {@code tracked} and {@code
     * ignored}.
     */
    public void extract(ConfigDocument doc, boolean tracked, boolean ignored, Sink sink) {
        String file = doc.file();
        for (SettingEntry s : doc.settings()) {
            // a settings value can hold a literal secret (an env block, a curl in
            // permissions.allow): facts carry it masked
            String value =
                    s.value() == null
                            ? null
                            : settingFacts.mask(
                                    s.key().substring(s.key().lastIndexOf('.') + 1), s.value());
            sink.facts()
                    .add(
                            new ClientSetting(
                                    file,
                                    s.line(),
                                    s.column(),
                                    doc.client(),
                                    s.key(),
                                    Masker.display(value),
                                    s.server()));
        }
        settingFacts.extract(
                doc, new Origin(file, null, doc.client(), tracked, ignored), sink, this);
        if (envFiles != null) {
            for (EnvFiles.ClientEnv env : envFiles.clientEnv(doc, sink)) {
                settingFacts.extract(env.doc(), env.origin(), sink, this);
            }
        }
        for (ServerEntry e : doc.servers()) {
            server(doc, e, new Origin(file, e.name(), doc.client(), tracked, ignored), sink);
        }
        if (!doc.values().isEmpty()) {
            // values outside any server (VS Code inputs[].default, values shadowed by a duplicate
            // key)
            Values values =
                    new Values(new Origin(file, null, doc.client(), tracked, ignored), sink);
            for (dev.mcpsec.parse.FileValue v : doc.values()) {
                values.inspect(v.name(), v.value(), v.location(), ValueContext.ENV);
            }
        }
    }

    /** The fact for the file itself; {@code inRepository} false means git status does not apply. */
    public static ConfigFile configFile(
            ConfigDocument doc, boolean tracked, boolean ignored, boolean inRepository) {
        return new ConfigFile(
                doc.file(),
                doc.client(),
                doc.scope(),
                doc.format(),
                doc.kind(),
                tracked,
                ignored,
                inRepository,
                doc.parseError(),
                doc.servers().size(),
                ReferenceSyntax.of(doc.client()));
    }

    /** The servers of one parsed file, and nothing else: no secret detection, no warnings. */
    public static List<McpServer> servers(ConfigDocument doc) {
        return doc.servers().stream()
                .map(e -> server(doc, e, LaunchParser.parse(e).orElse(NO_LAUNCH)))
                .toList();
    }

    /**
     * The server fact: what rules, reports, reviews and the inventory see. Credentials inside its
     * strings (command, arguments, URL, package name and version) are masked here; the detector
     * reads the raw values separately.
     */
    private static McpServer server(ConfigDocument doc, ServerEntry e, Launch launch) {
        // as the client reads it: a URL java.net.URI refuses (spaces, backslashes, http:/host)
        // still connects
        String url = LenientUrl.normalize(e.url() != null ? e.url().value() : launch.remoteUrl());
        return McpServer.builder()
                .name(e.name())
                .file(doc.file())
                .line(e.line())
                .column(e.column())
                .client(doc.client())
                .scope(doc.scope())
                .transport(e.transport())
                .command(Masker.display(e.command() == null ? null : e.command().value()))
                .args(e.args().stream().map(Located::value).map(Masker::display).toList())
                .url(Masker.display(url))
                .host(host(url))
                .launcher(launch.launcher())
                .ecosystem("remote".equals(launch.launcher()) ? "remote" : launch.ecosystem())
                .packageName(Masker.display(launch.packageName()))
                .packageVersion(Masker.display(launch.packageVersion()))
                .imageDigest(launch.imageDigest())
                .disabled(e.disabled())
                .build();
    }

    private void server(ConfigDocument doc, ServerEntry e, Origin origin, Sink sink) {
        String file = doc.file();
        Launch launch = LaunchParser.parse(e).orElse(NO_LAUNCH);
        if (launch == NO_LAUNCH) {
            sink.warnings()
                    .add(
                            new ScanWarning(
                                    file,
                                    e.line(),
                                    "server \""
                                            + e.name()
                                            + "\" has neither a command nor a url: the client cannot start it"));
        }
        McpServer server = server(doc, e, launch);
        // the raw values, read by the detector only; the fact and the summary carry the masked ones
        String command = e.command() == null ? null : e.command().value();
        List<String> args = e.args().stream().map(Located::value).toList();
        sink.facts().add(server);
        LaunchRisks.of(server, envValues(e)).forEach(sink.facts()::add);
        LaunchSettings.of(server, envValues(e), e.settings()).forEach(sink.facts()::add);
        int firstCredential = sink.facts().credentials().size();
        for (SettingEntry s : e.settings()) {
            sink.facts()
                    .add(
                            new ClientSetting(
                                    file,
                                    s.line(),
                                    s.column(),
                                    doc.client(),
                                    s.key(),
                                    Masker.display(s.value()),
                                    s.server() == null ? e.name() : s.server()));
        }
        filesystemRoots(doc, e, launch, sink);
        ServerInputs.extract(
                file,
                e,
                launch.packageName() == null ? 0 : e.args().size() - launch.packageArgs().size(),
                detector.classifier(),
                sink.facts());
        hiddenText(file, e, sink.facts());
        Values values = new Values(origin, sink, keyEnvironment(e, args));
        for (Map.Entry<String, Located> env : e.env().entrySet()) {
            values.inspect(env.getKey(), env.getValue(), "env." + env.getKey(), ValueContext.ENV);
        }
        for (Map.Entry<String, Located> h : e.headers().entrySet()) {
            values.inspect(h.getKey(), h.getValue(), "headers." + h.getKey(), ValueContext.HEADER);
        }
        if (e.url() != null) {
            values.inspect("url", e.url(), "url", ValueContext.URL);
        }
        if (command != null && WHITESPACE.matcher(command.strip()).find()) {
            // a whole command line written in "command": its words are arguments like any other
            for (ArgValue nv : ArgScanner.scan(List.of(command.strip().split("\\s+")))) {
                values.inspect(
                        nv.name(),
                        new Located(nv.value(), e.command().line(), e.command().column()),
                        "command",
                        nv.context());
            }
        }
        for (ArgValue nv : ArgScanner.scan(args)) {
            Located at = e.args().get(nv.argIndex());
            values.inspect(
                    nv.name(),
                    new Located(nv.value(), at.line(), at.column()),
                    "args[" + nv.argIndex() + "]",
                    nv.context());
        }
        databaseVariables(file, e, launch, server, args, sink);
        if (e.envFile() != null && envFiles != null) {
            envFiles.load(doc, e, this, sink);
        }
        // The inventory entry comes last: it lists the credentials the server receives (kinds and
        // tiers only).
        List<String> credentials = new ArrayList<>();
        List<Credential> found = sink.facts().credentials();
        for (Credential c : found.subList(firstCredential, found.size())) {
            if (e.name().equals(c.server())) {
                credentials.add(c.location() + ": " + c.kind() + " (" + c.tier() + ")");
            }
        }
        sink.servers()
                .add(
                        new ServerSummary(
                                file,
                                e.line(),
                                e.name(),
                                doc.client(),
                                doc.scope(),
                                e.transport(),
                                server.command(),
                                server.url(),
                                server.packageName(),
                                server.packageVersion(),
                                e.disabled(),
                                server.ecosystem(),
                                launch.imageDigest(),
                                credentials));
    }

    /**
     * A database given as separate variables or options (PGHOST, DB_USER, --password, ...): one
     * target per family, reported where its host is written.
     */
    private static void databaseVariables(
            String file,
            ServerEntry e,
            Launch launch,
            McpServer server,
            List<String> args,
            Sink sink) {
        List<DatabaseVariables.Input> inputs = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        List<Located> positions = new ArrayList<>();
        for (Map.Entry<String, Located> env : e.env().entrySet()) {
            inputs.add(new DatabaseVariables.Input(env.getKey(), env.getValue().value()));
            locations.add("env." + env.getKey());
            positions.add(env.getValue());
        }
        for (ArgValue nv : ArgScanner.scan(args)) {
            inputs.add(new DatabaseVariables.Input(nv.name(), nv.value()));
            locations.add("args[" + nv.argIndex() + "]");
            positions.add(e.args().get(nv.argIndex()));
        }
        String program = launch.packageName() != null ? launch.packageName() : server.command();
        for (DatabaseVariables.Target t : DatabaseVariables.assemble(inputs, program)) {
            DbUrl db = t.target();
            Located at = positions.get(t.hostInput());
            sink.facts()
                    .add(
                            new DatabaseTarget(
                                    file,
                                    at.line(),
                                    at.column(),
                                    e.name(),
                                    locations.get(t.hostInput()),
                                    db.scheme(),
                                    db.host(),
                                    db.database(),
                                    db.user(),
                                    db.hasPassword(),
                                    db.loopback()));
        }
    }

    /**
     * The environment the server's own settings give its keys ({@code PAYPAL_ENVIRONMENT=
     * PRODUCTION}, {@code --paypal-environment=SANDBOX}, a {@code rzp_live_} key id), or null.
     */
    private KeyEnvironments.Verdict keyEnvironment(ServerEntry e, List<String> args) {
        DetectorOptions options = detector.options();
        if (options.liveSettings().isEmpty() && options.testSettings().isEmpty()) {
            return null;
        }
        Map<String, String> settings = new LinkedHashMap<>(envValues(e));
        for (ArgValue a : ArgScanner.scan(args)) {
            if (a.name() != null) {
                settings.putIfAbsent(a.name(), a.value());
            }
        }
        return KeyEnvironments.of(settings, options).orElse(null);
    }

    /**
     * The server's environment as the config writes it (names to values), for the launch-risk
     * checks.
     */
    private static Map<String, String> envValues(ServerEntry e) {
        Map<String, String> values = new LinkedHashMap<>();
        e.env().forEach((k, v) -> values.put(k, v == null ? null : v.value()));
        return values;
    }

    private void filesystemRoots(ConfigDocument doc, ServerEntry e, Launch launch, Sink sink) {
        if (!FilesystemScope.isFilesystemServer(launch.packageName(), e.name())) {
            return;
        }
        int firstPackageArg = e.args().size() - launch.packageArgs().size();
        boolean any = false;
        for (int i = 0; i < launch.packageArgs().size(); i++) {
            String a = launch.packageArgs().get(i);
            if (a.startsWith("-")) {
                continue;
            }
            any = true;
            Located at =
                    e.args().get(Math.max(0, Math.min(e.args().size() - 1, firstPackageArg + i)));
            FilesystemScope.Scope scope =
                    FilesystemScope.classify(a, root, "project".equals(doc.scope()));
            sink.facts()
                    .add(
                            new FilesystemRoot(
                                    doc.file(),
                                    at.line(),
                                    at.column(),
                                    e.name(),
                                    a,
                                    scope.resolved(),
                                    scope.breadth()));
        }
        if (!any) {
            sink.facts()
                    .add(
                            new FilesystemRoot(
                                    doc.file(), e.line(), e.column(), e.name(), "", null, "none"));
        }
    }

    /** Invisible or direction-changing characters in the name and values of a server entry. */
    private void hiddenText(String file, ServerEntry e, FactSet out) {
        settingFacts.hidden(file, e.line(), e.column(), e.name(), "name", e.name(), out);
        if (e.command() != null) {
            settingFacts.hidden(
                    file,
                    e.command().line(),
                    e.command().column(),
                    e.name(),
                    "command",
                    e.command().value(),
                    out);
        }
        for (int i = 0; i < e.args().size(); i++) {
            Located a = e.args().get(i);
            settingFacts.hidden(
                    file, a.line(), a.column(), e.name(), "args[" + i + "]", a.value(), out);
        }
        e.env()
                .forEach(
                        (k, v) ->
                                settingFacts.hidden(
                                        file,
                                        v.line(),
                                        v.column(),
                                        e.name(),
                                        "env." + k,
                                        v.value(),
                                        out));
        e.headers()
                .forEach(
                        (k, v) ->
                                settingFacts.hidden(
                                        file,
                                        v.line(),
                                        v.column(),
                                        e.name(),
                                        "headers." + k,
                                        v.value(),
                                        out));
        if (e.url() != null) {
            settingFacts.hidden(
                    file, e.url().line(), e.url().column(), e.name(), "url", e.url().value(), out);
        }
    }

    static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return LenientUrl.host(url);
    }

    /** Inspects values handed to one server and records what they hold. */
    public final class Values {
        private final Origin origin;
        private final Sink sink;

        private final KeyEnvironments.Verdict environment;

        Values(Origin origin, Sink sink) {
            this(origin, sink, null);
        }

        /**
         * @param environment what the server's settings say of its keys: a key of unknown tier
         *     takes this tier; null for none
         */
        Values(Origin origin, Sink sink, KeyEnvironments.Verdict environment) {
            this.origin = origin;
            this.sink = sink;
            this.environment = environment;
        }

        /** Records what {@code value} (named {@code name}, found at {@code location}) holds. */
        public void inspect(String name, Located value, String location, ValueContext context) {
            String file = origin.file();
            String server = origin.server();
            if (value == null || value.value() == null || value.value().isEmpty()) {
                return;
            }
            ValueAnalysis a = detector.analyze(name, value.value(), context);
            if (valueLog != null) {
                valueLog.accept(ValueDecisions.describe(file, value.line(), server, location, a));
            }
            if (value.value().length() > detector.options().maxValueLength()) {
                sink.warnings()
                        .add(
                                new ScanWarning(
                                        file,
                                        value.line(),
                                        location
                                                + " of server "
                                                + server
                                                + " is "
                                                + value.value().length()
                                                + " characters long, over the limit of "
                                                + detector.options().maxValueLength()
                                                + " (maxValueLength): not checked for secrets"));
            }
            for (Reference r : a.references()) {
                sink.facts()
                        .add(
                                new EnvReference(
                                        file,
                                        value.line(),
                                        value.column(),
                                        server,
                                        location,
                                        r.variable(),
                                        r.syntax()));
            }
            for (Detection d : a.detections()) {
                sink.facts().add(credential(d, name, value, location));
            }
            for (DbUrl db : a.databases()) {
                if (db.password() != null) {
                    sink.facts().add(credential(db.password(), name, value, location));
                }
                sink.facts()
                        .add(
                                new DatabaseTarget(
                                        file,
                                        value.line(),
                                        value.column(),
                                        server,
                                        location,
                                        db.scheme(),
                                        db.host(),
                                        db.database(),
                                        db.user(),
                                        db.hasPassword(),
                                        db.loopback()));
            }
        }

        private Credential credential(Detection d, String name, Located value, String location) {
            boolean retiered = environment != null && "unknown".equals(d.tier());
            return Credential.builder()
                    .file(origin.file())
                    .line(value.line())
                    .column(value.column())
                    .server(origin.server())
                    .client(origin.client())
                    .location(location)
                    .variable(name)
                    .kind(d.kind())
                    .tier(retiered ? environment.tier() : d.tier())
                    .masked(d.masked())
                    .fingerprint(fingerprinter.fingerprint(d.secret()))
                    .detector(
                            retiered
                                    ? d.detector()
                                            + "; tier "
                                            + environment.tier()
                                            + " from the server's "
                                            + environment.setting()
                                            + " setting"
                                    : d.detector())
                    .confidence(d.confidence())
                    .expiring(d.expiring())
                    .tracked(origin.tracked())
                    .ignored(origin.ignored())
                    .reference(ReferenceSyntax.suggest(origin.client(), name))
                    .build();
        }
    }

    /** An inspector of values from {@code origin}, recording into {@code sink}. */
    Values values(Origin origin, Sink sink) {
        return new Values(origin, sink);
    }

    /**
     * The credentials of a parsed file (history: git status, inventory and warnings do not matter).
     */
    List<Credential> credentialsOf(ConfigDocument doc) {
        Sink sink = Sink.factsOnly();
        extract(doc, false, false, sink);
        return sink.facts().credentials();
    }
}
