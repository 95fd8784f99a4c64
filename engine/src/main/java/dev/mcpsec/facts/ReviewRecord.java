package dev.mcpsec.facts;

/**
 * One entry of the project's review register {@code .mcpsec/reviewed.json}.
 *
 * @param server server name the review was recorded for
 * @param packageName reviewed package or image, or null
 * @param version reviewed version or tag, or null
 * @param imageDigest reviewed image digest, or null
 * @param url reviewed remote URL, or null
 * @param ageDays whole days from {@code date} to the scan date, or -1 when the date is missing or
 *     not yyyy-MM-dd
 */
public record ReviewRecord(
        String server,
        String packageName,
        String version,
        String imageDigest,
        String url,
        String repository,
        String reviewer,
        String date,
        String note,
        int ageDays) {}
