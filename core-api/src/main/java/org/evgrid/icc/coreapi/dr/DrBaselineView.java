package org.evgrid.icc.coreapi.dr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/**
 * A unit's baseline for a trading day under a baseline rule: 96 quarter-hour points in kW and the days it was computed
 * from.
 */
public record DrBaselineView(
        AggregationUnitId unitId,
        LocalDate tradingDay,
        BaselineRule rule,
        List<BigDecimal> baselineKw,
        List<LocalDate> baselineDays) {
}
