package org.evgrid.icc.coreapi.archive;

import org.axonframework.serialization.Revision;

/** A charging station was registered. */
@Revision("1")
public record StationRegisteredEvent(
        StationId stationId,
        OperatorId operatorId,
        String name,
        Region region,
        GeoPoint location,
        DispatchAreaId dispatchAreaId) {
}
