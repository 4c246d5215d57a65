package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A quarter hour's execution: target, actual, deviation and whether it is within tolerance. */
@Revision("1")
public record IntervalExecutionRecordedEvent(
        DispatchPlanId planId,
        int interval,
        Instant intervalStart,
        BigDecimal targetKw,
        BigDecimal actualKw,
        BigDecimal deviationKw,
        BigDecimal deviationPercent,
        boolean withinTolerance,
        boolean telemetryComplete,
        int reportingPiles,
        int expectedPiles) {
}
