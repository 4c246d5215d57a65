package org.evgrid.icc.coreapi.archive;

import org.axonframework.serialization.Revision;

/** A pile was decommissioned. */
@Revision("1")
public record PileDecommissionedEvent(
        PileId pileId,
        OperatorId operatorId,
        StationId stationId,
        String reason) {
}
