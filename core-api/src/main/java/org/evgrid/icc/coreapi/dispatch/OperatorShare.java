package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.util.List;

import org.evgrid.icc.coreapi.archive.OperatorId;

/** One operator's part of a plan: piles used and its planned curve (96 points, kW). */
public record OperatorShare(
        OperatorId operatorId,
        int piles,
        List<BigDecimal> plannedKw,
        BigDecimal plannedKwh) {
}
