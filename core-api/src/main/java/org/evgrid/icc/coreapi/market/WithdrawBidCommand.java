package org.evgrid.icc.coreapi.market;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Withdraws a bid before gate closure. */
@SignedBy({Role.TRADER})
public record WithdrawBidCommand(
        @TargetAggregateIdentifier BidId bidId,
        String reason) {
}
