package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/**
 * A dispatch plan version was computed: target and planned curves, piles used and excluded, the share of each
 * operator, notes on infeasible intervals and the digest of the per-pile schedule stored beside the event
 * (docs/dispatch-schedules.md).
 */
@Revision("1")
public record DispatchPlanProposedEvent(
        DispatchPlanId planId,
        int version,
        AggregationUnitId unitId,
        LocalDate tradingDay,
        DispatchSourceKind sourceKind,
        String sourceRef,
        List<BigDecimal> targetKw,
        List<BigDecimal> plannedKw,
        BigDecimal tolerancePercent,
        int piles,
        int excludedPiles,
        List<OperatorShare> operators,
        List<String> notes,
        String allocationRule,
        String scheduleDigest) {
}
