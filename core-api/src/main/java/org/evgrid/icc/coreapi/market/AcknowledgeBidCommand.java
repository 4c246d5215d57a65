package org.evgrid.icc.coreapi.market;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** The exchange accepts or rejects a submitted bid (signed with the exchange's registered key). */
@SignedBy({Role.EXCHANGE_GATEWAY})
public record AcknowledgeBidCommand(
        @TargetAggregateIdentifier BidId bidId,
        String requestId,
        boolean accepted,
        String exchangeReference,
        String reason) {
}
