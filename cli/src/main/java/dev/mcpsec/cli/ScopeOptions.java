package dev.mcpsec.cli;

import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.api.ScanRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What a scan looks at beyond the project tree (user-level configs, git history) and its limits.
 */
public final class ScopeOptions {

    @Option(
            names = "--user",
            description = "Also scan user-level configs under $HOME (reported as ~/...).")
    boolean user;

    @Option(
            names = "--system",
            description =
                    "Also scan the machine's system-wide managed configs (Claude Code managed-mcp.json and "
                            + "managed-settings.json, Gemini CLI system settings; reported as /...).")
    boolean system;

    @Option(names = "--no-history", description = "Skip git history.")
    boolean noHistory;

    @Option(
            names = "--allow-external-git",
            description =
                    "Let git read outside the scanned folder: a .git file whose gitdir: points elsewhere, "
                            + "alternates, include.path, an excludes file elsewhere. Off by default (reported as warnings).")
    boolean allowExternalGit;

    @Option(
            names = "--limit",
            paramLabel = "NAME=VALUE",
            description =
                    "Change a scan limit, e.g. --limit historyMaxTime=120s --limit maxFileBytes=4MiB. "
                            + "Repeatable; names and defaults in docs/limits.md.")
    Map<String, String> limits = new LinkedHashMap<>();

    /** Copies these options onto a request builder. */
    ScanRequest.Builder applyTo(ScanRequest.Builder builder, Environment env) {
        ScanLimits l = ScanLimits.defaults();
        for (Map.Entry<String, String> e : limits.entrySet()) {
            l = l.with(e.getKey(), e.getValue());
        }
        return builder.includeUser(user)
                .home(env.home())
                .systemRoot(system ? ScanRequest.machineRoot(env.variables()) : null)
                .history(!noHistory)
                .limits(l)
                .allowExternalGit(allowExternalGit);
    }
}
