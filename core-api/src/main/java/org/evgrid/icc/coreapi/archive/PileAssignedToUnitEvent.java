package org.evgrid.icc.coreapi.archive;

import org.axonframework.serialization.Revision;

/** A pile joined an aggregation unit. */
@Revision("1")
public record PileAssignedToUnitEvent(
        PileId pileId,
        AggregationUnitId unitId,
        OperatorId operatorId) {
}
