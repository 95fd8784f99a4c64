package dev.mcpsec.extract;

import dev.mcpsec.facts.ClientCommand;
import dev.mcpsec.facts.ClientRedirect;
import dev.mcpsec.facts.HiddenText;
import dev.mcpsec.facts.Names;
import dev.mcpsec.parse.ConfigDocument;
import dev.mcpsec.parse.Located;
import dev.mcpsec.parse.SettingEntry;
import dev.mcpsec.secrets.Detection;
import dev.mcpsec.secrets.SecretDetector;
import dev.mcpsec.secrets.ValueAnalysis;
import dev.mcpsec.secrets.ValueContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the settings of a client file make it do beyond MCP servers ({@code client-exec}): commands
 * it runs by itself, where it sends its own API traffic; and what the settings values hold: literal
 * secrets (a token inside a {@code permissions.allow} entry is as committed as one in an env block)
 * and hidden characters.
 */
public final class SettingFacts {
    /** Keys whose value is a command the client runs without a tool call. */
    private static final Pattern COMMAND_KEY =
            Pattern.compile(
                    "hooks\\..+\\.command|apiKeyHelper|statusLine\\.command"
                            + "|awsAuthRefresh|awsCredentialExport|otelHeadersHelper|notify|tools\\.discoveryCommand"
                            + "|tools\\.callCommand|tasks\\.folderOpen\\.command");

    /** The lines of a hook script (Cline's {@code .clinerules/hooks/<HookName>}). */
    private static final Pattern SCRIPT_KEY = Pattern.compile("hooks\\.[^.]+\\.script");

    /** Env keys that move the client's API traffic, and Codex provider base URLs. */
    private static final Pattern REDIRECT_ENV =
            Pattern.compile(
                    "env\\.([A-Za-z0-9_]*(_BASE_URL|_API_BASE)" + "|(?i:https?_proxy|all_proxy))");

    /**
     * Non-env keys that move the client's traffic: Codex provider base URLs, the base URL of
     * opencode's built-in providers (a custom provider's own base URL is where it lives, not a
     * redirect), VS Code's proxy and Copilot's endpoint overrides.
     */
    private static final Pattern REDIRECT_KEY =
            Pattern.compile(
                    "model_providers\\.[^.]+\\.base_url"
                            + "|provider\\.(anthropic|openai|google)\\.options\\.baseURL"
                            + "|http\\.proxy"
                            + "|github\\.copilot\\.advanced\\.debug\\.(test)?(override|chatOverride)(ProxyUrl|CapiUrl|CAPIUrl)");

    private static final Pattern FETCH =
            Pattern.compile(
                    "(?i)\\b(curl|wget|iwr|irm|invoke-webrequest" + "|invoke-restmethod)\\b");
    private static final Pattern RUNS_FETCHED =
            Pattern.compile(
                    "(?i)(\\|\\s*(sudo\\s+)?(sh|bash|zsh|dash|ksh|fish"
                            + "|python[0-9.]*|node|perl|ruby|php|iex|invoke-expression|pwsh|powershell)\\b|<\\(\\s*(curl|wget)"
                            + "|\\$\\(\\s*(curl|wget)|`\\s*(curl|wget))");
    private static final Pattern DECODES_AND_RUNS =
            Pattern.compile(
                    "(?i)base64\\s+(-d|--decode|-D)\\b.*\\|\\s*"
                            + "(sudo\\s+)?(sh|bash|zsh|python[0-9.]*|node|perl)\\b|(?i)-enc(odedcommand)?\\s+[A-Za-z0-9+/=]{16,}");
    private static final Pattern NETWORK =
            Pattern.compile(
                    "(?i)(\\b(curl|wget|nc|ncat|netcat|socat|scp|sftp|rsync"
                            + "|ssh|ftp|telnet|iwr|irm|invoke-webrequest|invoke-restmethod)\\b|/dev/(tcp|udp)/|\\b(https?|wss?|ftp)://"
                            + "|\\bnpx\\s+(-y|--yes)\\b|\\b(pnpm|yarn)\\s+dlx\\b)");

    /**
     * A command that only prints constant text: {@code echo} or {@code printf} of quoted or bare
     * words, with no substitution, pipe, redirection or second command.
     */
    private static final Pattern INERT =
            Pattern.compile(
                    "\\s*(echo|printf)(\\s+-[neE]+)?"
                            + "(\\s+('[^']*'|\"[^\"$`]*\"|[^\\s;&|<>$`()'\"\\\\]+))*\\s*");

    static final int MAX_DECODED = 300;
    private final SecretDetector detector;

    /** Settings facts whose values {@code detector} searches for secrets (and masks them with). */
    public SettingFacts(SecretDetector detector) {
        this.detector = detector;
    }

    /**
     * Adds the facts of one file's settings to {@code sink}, for the file and git status of {@code
     * origin} (its server is null); {@code extractor} inspects the values for secrets.
     */
    void extract(ConfigDocument doc, Origin origin, Sink sink, FactExtractor extractor) {
        List<SettingEntry> settings = doc.settings();
        Sink scratch = new Sink(new FactSet(), new ArrayList<>(), sink.warnings());
        FactExtractor.Values values = extractor.values(origin, scratch);
        Map<String, List<SettingEntry>> scripts = new LinkedHashMap<>();
        for (int i = 0; i < settings.size(); i++) {
            SettingEntry s = settings.get(i);
            if (s.value() == null || s.value().isEmpty()) {
                continue;
            }
            String name = s.key().substring(s.key().lastIndexOf('.') + 1);
            boolean env = s.key().startsWith("env.");
            values.inspect(
                    name,
                    new Located(s.value(), s.line(), s.column()),
                    s.key(),
                    env ? ValueContext.ENV : ValueContext.OTHER);
            hidden(doc.file(), s.line(), s.column(), null, s.key(), s.value(), sink.facts());
            if (SCRIPT_KEY.matcher(s.key()).matches()) {
                scripts.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
            } else if (COMMAND_KEY.matcher(s.key()).matches()) {
                String command = s.value();
                if ("notify".equals(s.key())) {
                    StringBuilder joined = new StringBuilder(command);
                    while (i + 1 < settings.size() && "notify".equals(settings.get(i + 1).key())) {
                        joined.append(' ').append(settings.get(++i).value());
                    }
                    command = joined.toString();
                }
                String masked = mask(name, command);
                sink.facts()
                        .add(
                                new ClientCommand(
                                        doc.file(),
                                        s.line(),
                                        s.column(),
                                        doc.client(),
                                        doc.scope(),
                                        s.key(),
                                        masked,
                                        risk(command),
                                        origin.ignored()));
            } else if (REDIRECT_ENV.matcher(s.key()).matches()
                    || REDIRECT_KEY.matcher(s.key()).matches()) {
                String variable = env ? s.key().substring(4) : s.key();
                String host = FactExtractor.host(s.value());
                if (host == null && s.value().matches("[A-Za-z0-9.-]+:[0-9]+")) {
                    host = s.value().substring(0, s.value().indexOf(':')).toLowerCase(Locale.ROOT);
                }
                sink.facts()
                        .add(
                                new ClientRedirect(
                                        doc.file(),
                                        s.line(),
                                        s.column(),
                                        doc.client(),
                                        doc.scope(),
                                        variable,
                                        mask(name, s.value()),
                                        host,
                                        host != null && Names.loopbackHost(host),
                                        origin.ignored()));
            }
        }
        scripts.forEach((key, lines) -> sink.facts().add(scriptCommand(doc, origin, key, lines)));
        scratch.facts().credentials().forEach(sink.facts()::add);
    }

    /**
     * One hook script as one command: rated by its worst line (comments skipped), the command shown
     * as that line; a script with no fetch-and-run or network line is a local command shown by its
     * interpreter line.
     */
    private ClientCommand scriptCommand(
            ConfigDocument doc, Origin origin, String key, List<SettingEntry> lines) {
        SettingEntry worst = null;
        String worstRisk = "local";
        for (SettingEntry line : lines) {
            if (line.value().startsWith("#")) {
                continue;
            }
            String r = risk(line.value());
            if (rank(r) > rank(worstRisk)) {
                worst = line;
                worstRisk = r;
            }
        }
        SettingEntry at = worst != null ? worst : lines.get(0);
        String command;
        if (worst != null) {
            command = "line " + worst.line() + ": " + cut(worst.value());
        } else {
            String first = lines.get(0).value();
            command = first.startsWith("#!") ? "a script (" + cut(first) + ")" : "a script";
        }
        return new ClientCommand(
                doc.file(),
                at.line(),
                at.column(),
                doc.client(),
                doc.scope(),
                key,
                mask("script", command),
                worstRisk,
                origin.ignored());
    }

    private static int rank(String risk) {
        return switch (risk) {
            case "fetch-and-run" -> 2;
            case "network" -> 1;
            default -> 0;
        };
    }

    private static String cut(String text) {
        return text.length() <= MAX_DECODED ? text : text.substring(0, MAX_DECODED) + "…";
    }

    /** Adds a {@link HiddenText} for each hidden-character kind found in {@code value}. */
    void hidden(
            String file,
            int line,
            int column,
            String server,
            String location,
            String value,
            FactSet out) {
        for (HiddenUnicode.Hit h : HiddenUnicode.scan(value)) {
            out.add(
                    new HiddenText(
                            file,
                            line,
                            column,
                            server,
                            location,
                            h.kind(),
                            h.count(),
                            h.codepoints(),
                            decoded(h)));
        }
    }

    /**
     * The decoded payload of a hit, secrets masked and cut at {@value #MAX_DECODED} characters;
     * null when none.
     */
    String decoded(HiddenUnicode.Hit h) {
        if (h.decoded() == null) {
            return null;
        }
        String masked = mask(null, h.decoded());
        return masked.length() <= MAX_DECODED
                ? masked
                : masked.substring(0, MAX_DECODED) + "… (" + masked.length() + " characters)";
    }

    /** {@code text} with every literal secret the detector finds replaced by its masked form. */
    String mask(String name, String text) {
        ValueAnalysis a = detector.analyze(name, text, ValueContext.OTHER);
        String out = text;
        for (Detection d : a.detections()) {
            if (!d.secret().isEmpty()) {
                out = out.replace(d.secret(), d.masked());
            }
        }
        return out;
    }

    static String risk(String command) {
        if ((FETCH.matcher(command).find() && RUNS_FETCHED.matcher(command).find())
                || DECODES_AND_RUNS.matcher(command).find()) {
            return "fetch-and-run";
        }
        if (NETWORK.matcher(command).find()) {
            return "network";
        }
        return INERT.matcher(command).matches() ? "inert" : "local";
    }
}
