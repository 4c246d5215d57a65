package org.evgrid.icc.coreapi.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;

/** A live declaration's values were replaced before the gate closed. */
public record DemandAmendedEvent(
        DeclarationId declarationId,
        OperatorId operatorId,
        String product,
        DeclarationKind kind,
        LocalDate periodStart,
        AggregationUnitId unitId,
        BigDecimal energyKwh,
        List<BigDecimal> curveKw,
        int revision) {
}
