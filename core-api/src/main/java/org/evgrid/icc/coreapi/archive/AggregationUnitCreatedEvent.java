package org.evgrid.icc.coreapi.archive;

import org.axonframework.serialization.Revision;

/** An aggregation unit was created. */
@Revision("1")
public record AggregationUnitCreatedEvent(
        AggregationUnitId unitId,
        String name,
        DispatchAreaId dispatchAreaId,
        String provinceCode) {
}
