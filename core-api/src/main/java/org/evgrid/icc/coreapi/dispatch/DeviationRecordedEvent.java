package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/** A deviation of a plan's execution with its computed facts; its handling workflow starts open. */
@Revision("1")
public record DeviationRecordedEvent(
        DeviationId deviationId,
        DispatchPlanId planId,
        AggregationUnitId unitId,
        LocalDate tradingDay,
        int interval,
        Instant intervalStart,
        DeviationKind kind,
        BigDecimal targetKw,
        BigDecimal actualKw,
        BigDecimal deviationKw,
        BigDecimal deviationPercent,
        BigDecimal tolerancePercent,
        List<OperatorDeviation> byOperator,
        List<PileDeviation> topPiles) {
}
