package org.evgrid.icc.coreapi.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;

/**
 * A demand was declared (first time, or again after a withdrawal).
 *
 * @param energyKwh energy for the period (ENERGY products), else null
 * @param curveKw 96 quarter-hour points from 00:00 local time (CURVE products), else null
 * @param gateClosure when the declaration freezes
 * @param revision 1 for the first declaration, one more at every declaration or amendment
 */
public record DemandDeclaredEvent(
        DeclarationId declarationId,
        OperatorId operatorId,
        String product,
        DeclarationKind kind,
        LocalDate periodStart,
        LocalDate periodEnd,
        AggregationUnitId unitId,
        BigDecimal energyKwh,
        List<BigDecimal> curveKw,
        Instant gateClosure,
        int revision) {
}
