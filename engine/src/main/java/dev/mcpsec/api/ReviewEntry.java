package dev.mcpsec.api;

/**
 * One record of the review register {@code .mcpsec/reviewed.json}: what was reviewed, by whom,
 * when.
 *
 * @param packageName package or image that was reviewed, or null for a remote server
 * @param version reviewed version or image tag, or null
 * @param imageDigest reviewed image digest, or null
 * @param url reviewed remote URL, or null
 * @param repository source repository, if known
 * @param date ISO date {@code yyyy-MM-dd}
 */
public record ReviewEntry(
        String server,
        String packageName,
        String version,
        String imageDigest,
        String url,
        String repository,
        String reviewer,
        String date,
        String note) {}
