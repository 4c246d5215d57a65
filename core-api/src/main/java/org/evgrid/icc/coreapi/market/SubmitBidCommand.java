package org.evgrid.icc.coreapi.market;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Submits the named version of a bid to the exchange (through the gateway's outbox). */
@SignedBy({Role.TRADER})
public record SubmitBidCommand(
        @TargetAggregateIdentifier BidId bidId,
        int version) {
}
