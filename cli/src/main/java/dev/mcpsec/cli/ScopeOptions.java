package dev.mcpsec.cli;

import dev.mcpsec.api.ScanRequest;
import picocli.CommandLine.Option;

/** What a scan looks at beyond the project tree: user-level configs, and whether to walk git history. */
public final class ScopeOptions {

    @Option(names = "--user", description = "Also scan user-level configs under $HOME (reported as ~/...).")
    boolean user;

    @Option(names = "--no-history", description = "Skip git history.")
    boolean noHistory;

    /** Copies these options onto a request builder. */
    ScanRequest.Builder applyTo(ScanRequest.Builder builder, Environment env) {
        return builder.includeUser(user).home(env.home()).history(!noHistory);
    }
}
