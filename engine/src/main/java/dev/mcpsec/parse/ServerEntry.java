package dev.mcpsec.parse;

import java.util.List;
import java.util.Map;

/**
 * One server entry in the neutral model every client adapter produces.
 *
 * @param transport {@code stdio}, {@code http}, {@code sse} or {@code ws} (normalised across
 *     clients)
 * @param command executable (opencode's command array is split into command + args), or null
 * @param env env-style block (env, environment, envs, env_vars literals...), name → value
 * @param headers HTTP headers, name → value
 * @param url remote URL ({@code url}, {@code serverUrl}, {@code httpUrl}, {@code uri}), or null
 * @param envFile an {@code envFile} the client loads, as written, or null
 * @param settings per-server approval switches ({@code autoApprove}, {@code alwaysAllow}, {@code
 *     trust}, ...)
 */
public record ServerEntry(
        String name,
        int line,
        int column,
        String transport,
        Located command,
        List<Located> args,
        Map<String, Located> env,
        Map<String, Located> headers,
        Located url,
        Located envFile,
        Located cwd,
        boolean disabled,
        List<SettingEntry> settings) {}
