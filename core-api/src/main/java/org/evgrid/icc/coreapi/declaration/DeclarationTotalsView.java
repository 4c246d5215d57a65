package org.evgrid.icc.coreapi.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/**
 * The center's total of the live declarations for one product, period and aggregation unit.
 *
 * @param declarations live (not withdrawn) declarations counted
 * @param frozenDeclarations of those, how many are frozen
 * @param energyKwh sum of energy (ENERGY products), else null
 * @param curveKw point-wise sum of the 96-point curves (CURVE products), else null
 */
public record DeclarationTotalsView(
        String product,
        DeclarationKind kind,
        LocalDate periodStart,
        AggregationUnitId unitId,
        int declarations,
        int frozenDeclarations,
        BigDecimal energyKwh,
        List<BigDecimal> curveKw) {
}
