package org.evgrid.icc.coreapi.archive;

import org.axonframework.serialization.Revision;

/** A station was decommissioned. */
@Revision("1")
public record StationDecommissionedEvent(
        StationId stationId,
        OperatorId operatorId,
        String reason) {
}
