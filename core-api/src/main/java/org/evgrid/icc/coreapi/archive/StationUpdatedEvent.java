package org.evgrid.icc.coreapi.archive;

import org.axonframework.serialization.Revision;

/** A station's name or coordinates changed. */
@Revision("1")
public record StationUpdatedEvent(
        StationId stationId,
        OperatorId operatorId,
        String name,
        GeoPoint location) {
}
