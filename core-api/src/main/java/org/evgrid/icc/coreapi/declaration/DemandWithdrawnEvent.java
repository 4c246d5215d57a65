package org.evgrid.icc.coreapi.declaration;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;

/** A live declaration was withdrawn before the gate closed; it no longer counts. */
public record DemandWithdrawnEvent(
        DeclarationId declarationId,
        OperatorId operatorId,
        String product,
        LocalDate periodStart,
        AggregationUnitId unitId,
        int revision) {
}
