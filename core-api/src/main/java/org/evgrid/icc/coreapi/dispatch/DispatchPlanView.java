package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/** A dispatch plan with its curves (target, planned, actual so far), operators, instructions and execution figures. */
public record DispatchPlanView(
        DispatchPlanId planId,
        int version,
        AggregationUnitId unitId,
        LocalDate tradingDay,
        DispatchSourceKind sourceKind,
        String sourceRef,
        DispatchPlanStatus status,
        List<BigDecimal> targetKw,
        List<BigDecimal> plannedKw,
        List<BigDecimal> actualKw,
        BigDecimal tolerancePercent,
        int piles,
        int excludedPiles,
        List<OperatorShare> operators,
        List<InstructionView> instructions,
        List<String> notes,
        String allocationRule,
        String scheduleDigest,
        int intervalsRecorded,
        int deviations,
        int openDeviations,
        String approvedBy,
        Instant proposedAt,
        Instant approvedAt,
        Instant closedAt) {
}
