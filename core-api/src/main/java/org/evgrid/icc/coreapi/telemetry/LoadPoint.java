package org.evgrid.icc.coreapi.telemetry;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One point of a load curve: interval start, average power in kW over the interval (3 decimals), how many piles
 * reported and how many were online (for intervals longer than 5 minutes, the largest 5-minute count); avgKw is
 * null when nothing reported.
 */
public record LoadPoint(
        Instant start,
        BigDecimal avgKw,
        int reporting,
        int online) {
}
