package org.evgrid.icc.coreapi.dispatch;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/**
 * Asks (inside the center) for the actuals of a plan's quarter hour against the schedule of plan version {@code
 * version}; answers {@link IntervalActualsView}.
 */
public record FindIntervalActualsQuery(
        DispatchPlanId planId,
        int version,
        AggregationUnitId unitId,
        LocalDate tradingDay,
        int interval) {
}
