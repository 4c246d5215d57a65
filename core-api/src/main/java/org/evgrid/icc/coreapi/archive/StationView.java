package org.evgrid.icc.coreapi.archive;

import java.time.Instant;

/** One station. */
public record StationView(
        StationId stationId,
        OperatorId operatorId,
        String name,
        Region region,
        GeoPoint location,
        DispatchAreaId dispatchAreaId,
        StationStatus status,
        long piles,
        Instant registeredAt) {
}
