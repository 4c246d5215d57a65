package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;

import org.evgrid.icc.coreapi.archive.OperatorId;

/** One operator's contribution to an interval's deviation (kW, actual − planned). */
public record OperatorDeviation(
        OperatorId operatorId,
        int piles,
        int reportingPiles,
        BigDecimal plannedKw,
        BigDecimal actualKw,
        BigDecimal deviationKw) {
}
