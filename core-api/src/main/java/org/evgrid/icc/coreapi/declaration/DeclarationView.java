package org.evgrid.icc.coreapi.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;

/** One demand declaration as it stands. */
public record DeclarationView(
        DeclarationId declarationId,
        OperatorId operatorId,
        String product,
        DeclarationKind kind,
        LocalDate periodStart,
        LocalDate periodEnd,
        AggregationUnitId unitId,
        DeclarationStatus status,
        boolean frozen,
        BigDecimal energyKwh,
        List<BigDecimal> curveKw,
        int revision,
        Instant gateClosure,
        Instant declaredAt,
        Instant updatedAt) {
}
