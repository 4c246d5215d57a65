package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/** A deviation with its facts and workflow state. */
public record DeviationView(
        DeviationId deviationId,
        DispatchPlanId planId,
        AggregationUnitId unitId,
        LocalDate tradingDay,
        int interval,
        Instant intervalStart,
        DeviationKind kind,
        DeviationStatus status,
        BigDecimal targetKw,
        BigDecimal actualKw,
        BigDecimal deviationKw,
        BigDecimal deviationPercent,
        BigDecimal tolerancePercent,
        List<OperatorDeviation> byOperator,
        List<PileDeviation> topPiles,
        DeviationCause cause,
        String causeDetail,
        String method,
        String result,
        String conclusion,
        Instant recordedAt,
        Instant closedAt,
        String closedBy) {
}
