package org.evgrid.icc.coreapi.dr;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** The dispatch center cancels a demand response event. */
@SignedBy({Role.EXCHANGE_GATEWAY})
public record CancelDrEventCommand(
        @TargetAggregateIdentifier DrEventId eventId,
        String reason) {
}
