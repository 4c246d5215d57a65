package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;

/**
 * One pile's schedule in a plan version (96 points, kW) with the reasons for its allocation, in words an operator can
 * check.
 */
public record PileScheduleView(
        DispatchPlanId planId,
        int version,
        PileId pileId,
        OperatorId operatorId,
        List<BigDecimal> scheduleKw,
        Map<AllocationReason, Integer> reasonIntervals,
        String explanationZh,
        String explanationEn) {
}
