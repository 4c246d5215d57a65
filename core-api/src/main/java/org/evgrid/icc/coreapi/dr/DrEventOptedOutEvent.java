package org.evgrid.icc.coreapi.dr;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/** A unit's opt-in was withdrawn. */
@Revision("1")
public record DrEventOptedOutEvent(
        DrEventId eventId,
        AggregationUnitId unitId,
        String reason) {
}
