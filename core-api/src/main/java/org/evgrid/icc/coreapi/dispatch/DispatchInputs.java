package org.evgrid.icc.coreapi.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/** The allocation inputs of a unit for a trading day, as of a time. */
public record DispatchInputs(
        AggregationUnitId unitId,
        LocalDate tradingDay,
        Instant asOf,
        List<PileDispatchInput> piles) {
}
