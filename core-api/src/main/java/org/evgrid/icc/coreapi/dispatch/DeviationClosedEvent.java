package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/** A deviation was closed with its cause, handling and conclusion. */
@Revision("1")
public record DeviationClosedEvent(
        DeviationId deviationId,
        DispatchPlanId planId,
        AggregationUnitId unitId,
        LocalDate tradingDay,
        int interval,
        DeviationKind kind,
        BigDecimal deviationKw,
        DeviationCause cause,
        String method,
        String result,
        String conclusion) {
}
