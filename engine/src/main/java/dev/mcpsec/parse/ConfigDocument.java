package dev.mcpsec.parse;

import java.util.List;

/**
 * One parsed file: its servers and settings, or the parse error with its position.
 *
 * @param file display path (relative to the scan root, or {@code ~/...})
 * @param client client id from the discovery catalogue
 * @param scope {@code project}, {@code user} or {@code system}
 * @param format {@code json}, {@code jsonc}, {@code toml}, {@code yaml}
 * @param kind {@code servers} or {@code settings}
 * @param parseError {@code line:column: message}, or null
 * @param warnings non-fatal notes (a limit hit, an entry skipped)
 * @param limitHit the name of the scan limit that kept the file from being parsed ({@code
 *     maxFileBytes}, {@code maxNestingDepth}), or null
 * @param incomplete why the file was not read completely ({@code line:column: message}): its parse
 *     error, bytes that are not UTF-8, or servers past {@code maxServers}; null when every byte was
 *     read
 * @param values values handed to the client outside server entries (VS Code {@code
 *     inputs[].default})
 */
public record ConfigDocument(
        String file,
        String client,
        String scope,
        String format,
        String kind,
        List<ServerEntry> servers,
        List<SettingEntry> settings,
        String parseError,
        List<String> warnings,
        String limitHit,
        String incomplete,
        List<FileValue> values) {
    /** A document read completely, or not read at all when {@code parseError} is set. */
    public ConfigDocument(
            String file,
            String client,
            String scope,
            String format,
            String kind,
            List<ServerEntry> servers,
            List<SettingEntry> settings,
            String parseError,
            List<String> warnings) {
        this(
                file,
                client,
                scope,
                format,
                kind,
                servers,
                settings,
                parseError,
                warnings,
                null,
                parseError,
                List.of());
    }

    /**
     * A document that {@code limitHit} kept from being parsed (or none when null); its parse error
     * is why.
     */
    public ConfigDocument(
            String file,
            String client,
            String scope,
            String format,
            String kind,
            List<ServerEntry> servers,
            List<SettingEntry> settings,
            String parseError,
            List<String> warnings,
            String limitHit) {
        this(
                file,
                client,
                scope,
                format,
                kind,
                servers,
                settings,
                parseError,
                warnings,
                limitHit,
                parseError,
                List.of());
    }
}
