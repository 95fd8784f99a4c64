package dev.mcpsec.facts;

/**
 * One entry of the rotation register {@code .mcpsec/rotation.json}.
 *
 * @param server server whose credential it covers
 * @param variable env/header name of the credential
 * @param rotated last rotation date (ISO {@code yyyy-MM-dd})
 * @param periodDays rotation period in days (default 90)
 * @param overdue {@code rotated + periodDays} lies before the scan date
 */
public record RotationRecord(
        String server, String variable, String rotated, int periodDays, boolean overdue) {}
