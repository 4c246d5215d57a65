package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;

/** One pile's contribution to an interval's deviation (kW, actual − planned; actual null when it did not report). */
public record PileDeviation(
        PileId pileId,
        OperatorId operatorId,
        BigDecimal plannedKw,
        BigDecimal actualKw,
        BigDecimal deviationKw) {
}
