package org.evgrid.icc.coreapi.market;

import org.axonframework.serialization.Revision;

/** The exchange rejected the bid; it may be amended and submitted again before gate closure. */
@Revision("1")
public record BidRejectedEvent(
        BidId bidId,
        String requestId,
        String reason) {
}
