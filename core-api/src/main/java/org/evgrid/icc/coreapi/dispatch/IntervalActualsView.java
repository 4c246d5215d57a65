package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's actual load in one quarter hour compared with a plan's schedule: the total, how many piles reported, and
 * contributions to the deviation by operator and the largest by pile.
 */
public record IntervalActualsView(
        DispatchPlanId planId,
        int interval,
        BigDecimal plannedKw,
        BigDecimal actualKw,
        int reportingPiles,
        int expectedPiles,
        boolean telemetryComplete,
        List<OperatorDeviation> byOperator,
        List<PileDeviation> topPiles) {
}
