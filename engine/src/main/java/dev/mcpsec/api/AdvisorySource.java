package dev.mcpsec.api;

/**
 * One loaded source of advisories, as {@code mcpsec advisories} lists it.
 *
 * @param origin the folder, file, zip or jar it was read from
 * @param records how many (non-withdrawn) OSV records it holds
 * @param asOf the date it was assembled (or its newest record), ISO-8601, or null when unknown
 * @param ageDays days since {@code asOf}, or null when unknown
 * @param stale true when older than the request's maximum age, or of unknown age
 */
public record AdvisorySource(
        String origin,
        int records,
        int vulnerable,
        int malicious,
        int archived,
        String asOf,
        Long ageDays,
        boolean stale) {}
