package org.evgrid.icc.coreapi.dr;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/**
 * Asks (inside the center) for a unit's baseline on a trading day; {@code firstInterval} is the first event interval
 * (for PRIOR_15_MINUTES); answers {@link DrBaselineView}.
 */
public record FindDrBaselineQuery(
        AggregationUnitId unitId,
        LocalDate tradingDay,
        BaselineRule rule,
        int firstInterval) {
}
