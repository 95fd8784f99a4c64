package dev.mcpsec.api;

/**
 * Review state of one configured server, as {@code mcpsec review list} shows it.
 *
 * @param state {@code reviewed} (a record matches what is launched), {@code changed} (a record
 *     exists for the server but the launched package, version, digest or URL differs) or {@code
 *     unreviewed}
 * @param entry the matching or closest record, or null
 * @param launched what the config launches now ({@code pkg@version}, {@code image@digest} or the
 *     URL)
 */
public record ReviewStatus(
        String server, String file, String state, ReviewEntry entry, String launched) {}
