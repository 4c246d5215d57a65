package org.evgrid.icc.coreapi.market;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * Records one delivery attempt of a submitted bid by the exchange gateway (center service key): delivered, or failed
 * with the reason; a failed final attempt leaves the bid visibly undelivered.
 */
@SignedBy({Role.CENTER_SERVICE})
public record RecordBidDeliveryCommand(
        @TargetAggregateIdentifier BidId bidId,
        String requestId,
        int attempt,
        boolean delivered,
        boolean finalAttempt,
        String detail) {
}
