package dev.mcpsec.parse;

import java.util.List;

/**
 * One parsed file: its servers and settings, or the parse error with its position.
 *
 * @param file display path (relative to the scan root, or {@code ~/...})
 * @param client client id from the discovery catalogue
 * @param scope {@code project} or {@code user}
 * @param format {@code json}, {@code jsonc}, {@code toml}, {@code yaml}
 * @param kind {@code servers} or {@code settings}
 * @param parseError {@code line:column: message}, or null
 * @param warnings non-fatal notes (a limit hit, an entry skipped)
 * @param limitHit the name of the scan limit that kept the file from being parsed ({@code maxFileBytes},
 *                 {@code maxNestingDepth}), or null
 */
public record ConfigDocument(String file, String client, String scope, String format, String kind,
                             List<ServerEntry> servers, List<SettingEntry> settings, String parseError,
                             List<String> warnings, String limitHit) {
}
