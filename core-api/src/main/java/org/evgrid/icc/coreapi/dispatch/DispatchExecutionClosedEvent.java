package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/**
 * A plan's trading day is closed: what was planned and delivered and the deviations recorded (the settlement hand-
 * off).
 */
@Revision("1")
public record DispatchExecutionClosedEvent(
        DispatchPlanId planId,
        int version,
        AggregationUnitId unitId,
        LocalDate tradingDay,
        DispatchSourceKind sourceKind,
        String sourceRef,
        int intervalsRecorded,
        int deviations,
        int openDeviations,
        BigDecimal plannedKwh,
        BigDecimal actualKwh,
        List<BigDecimal> actualKw) {
}
