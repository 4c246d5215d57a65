package org.evgrid.icc.coreapi.market;

import org.axonframework.serialization.Revision;

/** The exchange received the submitted bid. */
@Revision("1")
public record BidDeliveredEvent(
        BidId bidId,
        String requestId,
        int attempt,
        String detail) {
}
