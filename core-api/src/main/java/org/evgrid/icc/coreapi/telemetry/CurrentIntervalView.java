package org.evgrid.icc.coreapi.telemetry;

import java.math.BigDecimal;
import java.time.Instant;

import org.evgrid.icc.coreapi.archive.PileDimension;

/**
 * The latest 5-minute interval with data of a dimension key (today or yesterday, local time): summed average power
 * (kW), reporting and online piles, piles in service now; intervalStart and power are null when nothing reported.
 */
public record CurrentIntervalView(
        PileDimension dimension,
        String key,
        Instant intervalStart,
        BigDecimal powerKw,
        int reporting,
        int online,
        long activePiles) {
}
