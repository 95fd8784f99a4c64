package dev.mcpsec.extract;

import dev.mcpsec.api.HistoryBaseline;
import dev.mcpsec.api.HistoryPass;
import dev.mcpsec.api.ScanRequest;
import dev.mcpsec.api.ScanWarning;
import dev.mcpsec.discovery.CatalogEntry;
import dev.mcpsec.discovery.ClientCatalog;
import dev.mcpsec.facts.Credential;
import dev.mcpsec.facts.HistoryCredential;
import dev.mcpsec.git.GitInspector;
import dev.mcpsec.git.HistoricBlob;
import dev.mcpsec.git.HistoryOptions;
import dev.mcpsec.git.HistoryResult;
import dev.mcpsec.parse.ConfigDocument;
import dev.mcpsec.parse.ConfigParser;
import dev.mcpsec.parse.Located;
import dev.mcpsec.project.ProjectConfig;
import dev.mcpsec.secrets.EnvEntry;
import dev.mcpsec.secrets.EnvFileParser;
import dev.mcpsec.secrets.ValueContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Credentials that the git history of MCP configs (and the env files they load) still holds: each
 * distinct value once per file, with the commit that introduced it and whether the current file
 * still has it.
 */
public final class HistoryFacts {
    private static final Duration MIN_TIME = Duration.ofNanos(1);
    private final FactExtractor extractor;
    private final ScanRequest request;
    private final Clock clock;
    private final ProjectConfig config;

    public HistoryFacts(
            FactExtractor extractor, ScanRequest request, ProjectConfig config, Clock clock) {
        this.extractor = extractor.withoutEnvFiles();
        this.request = request;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Walks the history of configs and env files; the walk stops at the sooner of {@code timeLeft}
     * (what is left of the whole scan's budget) and {@code historyMaxTime}.
     */
    public List<HistoryCredential> collect(
            GitInspector git,
            Set<String> envFiles,
            Collection<Credential> current,
            List<ScanWarning> warnings,
            Duration timeLeft) {
        Duration maxTime = request.limits().historyMaxTime();
        Duration budget = timeLeft.compareTo(maxTime) < 0 ? timeLeft : maxTime;
        // the walker wants a positive time; a spent budget still walks nothing and reports the time
        // limit
        HistoryOptions options =
                new HistoryOptions(
                        request.limits().historyMaxCommits(),
                        budget.compareTo(MIN_TIME) < 0 ? MIN_TIME : budget,
                        request.limits().historyMaxBlobBytes());
        HistoryBaseline baseline = request.historyBaseline();
        Map<String, String> tips = request.historyListener() == null ? Map.of() : git.tips();
        Predicate<String> paths =
                path ->
                        ClientCatalog.matchProjectPath(path).isPresent()
                                || isEnvFile(path, envFiles);
        HistoryResult history =
                baseline == null
                        ? git.history(paths, options, request.progress())
                        : git.history(paths, options, request.progress(), baseline.tips());
        warnings.addAll(history.warnings());
        if (request.historyListener() != null) {
            request.historyListener()
                    .accept(
                            new HistoryPass(
                                    tips,
                                    !history.truncated(),
                                    history.incremental(),
                                    history.commitsWalked()));
        }
        Set<String> present = new HashSet<>();
        for (Credential c : current) {
            present.add(c.file() + "\u0000" + c.fingerprint());
        }
        Map<String, HistoryCredential> earliest = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (HistoricBlob blob : history.blobs()) {
            if (blob.scanRelativePath() == null || config.excludes(blob.scanRelativePath())) {
                continue;
            }
            for (Credential c : credentials(blob, envFiles)) {
                String key = c.file() + "\u0000" + c.fingerprint();
                HistoryCredential prev = earliest.get(key);
                String date = blob.firstCommitTime().toString();
                if (prev == null || date.compareTo(prev.date()) < 0) {
                    long age = Math.max(0, Duration.between(blob.firstCommitTime(), now).toDays());
                    earliest.put(
                            key,
                            new HistoryCredential(
                                    c.file(),
                                    c.server(),
                                    c.location(),
                                    c.variable(),
                                    c.kind(),
                                    c.tier(),
                                    c.masked(),
                                    c.fingerprint(),
                                    blob.firstCommit(),
                                    date,
                                    age,
                                    present.contains(key)));
                }
            }
        }
        if (history.incremental()) {
            // Commits an earlier pass saw were not walked again: its credentials stand for them.
            for (HistoryBaseline.Seen b : baseline.credentials()) {
                if (b.file() == null || b.date() == null || config.excludes(b.file())) {
                    continue;
                }
                String key = b.file() + "\u0000" + b.fingerprint();
                HistoryCredential prev = earliest.get(key);
                if (prev == null || b.date().compareTo(prev.date()) < 0) {
                    earliest.put(
                            key,
                            new HistoryCredential(
                                    b.file(),
                                    b.server(),
                                    b.location(),
                                    b.variable(),
                                    b.kind(),
                                    b.tier(),
                                    b.masked(),
                                    b.fingerprint(),
                                    b.commit(),
                                    b.date(),
                                    0,
                                    false));
                }
            }
            earliest.replaceAll(
                    (key, h) ->
                            new HistoryCredential(
                                    h.file(),
                                    h.server(),
                                    h.location(),
                                    h.variable(),
                                    h.kind(),
                                    h.tier(),
                                    h.masked(),
                                    h.fingerprint(),
                                    h.commit(),
                                    h.date(),
                                    Math.max(
                                            0,
                                            Duration.between(Instant.parse(h.date()), now)
                                                    .toDays()),
                                    present.contains(key)));
        }
        return new ArrayList<>(earliest.values());
    }

    private List<Credential> credentials(HistoricBlob blob, Set<String> envFiles) {
        String path = blob.scanRelativePath();
        Optional<CatalogEntry> entry = ClientCatalog.matchProjectPath(blob.repoPath());
        if (entry.isPresent()) {
            ConfigDocument doc =
                    ConfigParser.parse(
                            path, entry.get(), blob.content(), "project", request.limits());
            return extractor.credentialsOf(doc);
        }
        // history is best effort: an over-long historic value is skipped without a warning, as in
        // credentialsOf
        Sink sink = Sink.factsOnly();
        FactExtractor.Values values =
                extractor.values(new Origin(path, null, "env-file", true, false), sink);
        String text = new String(blob.content(), StandardCharsets.UTF_8);
        for (EnvEntry e : EnvFileParser.parse(text).entries()) {
            values.inspect(
                    e.name(),
                    new Located(e.value(), e.line(), e.column()),
                    "envFile:" + e.name(),
                    ValueContext.ENV_FILE);
        }
        return sink.facts().credentials();
    }

    private static boolean isEnvFile(String repoPath, Set<String> envFiles) {
        for (String f : envFiles) {
            if (repoPath.equals(f) || repoPath.endsWith("/" + f)) {
                return true;
            }
        }
        return false;
    }
}
