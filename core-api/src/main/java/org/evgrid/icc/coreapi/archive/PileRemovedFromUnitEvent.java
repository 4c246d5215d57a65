package org.evgrid.icc.coreapi.archive;

import org.axonframework.serialization.Revision;

/** A pile left an aggregation unit. */
@Revision("1")
public record PileRemovedFromUnitEvent(
        PileId pileId,
        AggregationUnitId unitId,
        OperatorId operatorId) {
}
