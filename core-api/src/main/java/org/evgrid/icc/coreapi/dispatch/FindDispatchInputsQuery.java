package org.evgrid.icc.coreapi.dispatch;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/** Asks (inside the center) for the allocation inputs of a unit for a trading day; answers {@link DispatchInputs}. */
public record FindDispatchInputsQuery(
        AggregationUnitId unitId,
        LocalDate tradingDay) {
}
