package org.evgrid.icc.coreapi.dr;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Withdraws a unit's opt-in before the response deadline. */
@SignedBy({Role.TRADER})
public record OptOutDrEventCommand(
        @TargetAggregateIdentifier DrEventId eventId,
        AggregationUnitId unitId,
        String reason) {
}
