package dev.mcpsec.supply;

import java.time.Instant;
import java.util.List;

/**
 * The advisories read from one source (a bundle's {@code advisories/} folder, an OSV file, folder
 * or zip).
 *
 * @param origin the path it was read from
 * @param total how many records the source holds (withdrawn ones excluded), including those not
 *     kept
 * @param advisories the records kept (those about packages the scan launches, or all of them)
 * @param asOf when the data was assembled: {@code assembled} of its {@code mcpsec-advisories.json},
 *     else the newest {@code modified} of its records; null when neither is known
 */
public record AdvisorySet(String origin, int total, List<Advisory> advisories, Instant asOf) {
    public AdvisorySet {
        advisories = List.copyOf(advisories);
    }
}
