package org.evgrid.icc.coreapi.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;

/**
 * The product's gate closed: the declaration is final as it stands (status, values), and nothing changes it any more.
 */
public record DemandDeclarationFrozenEvent(
        DeclarationId declarationId,
        OperatorId operatorId,
        String product,
        DeclarationKind kind,
        LocalDate periodStart,
        AggregationUnitId unitId,
        Instant gateClosure,
        DeclarationStatus status,
        BigDecimal energyKwh,
        List<BigDecimal> curveKw,
        int revision) {
}
