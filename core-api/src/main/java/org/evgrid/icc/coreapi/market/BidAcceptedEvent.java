package org.evgrid.icc.coreapi.market;

import org.axonframework.serialization.Revision;

/** The exchange accepted the bid. */
@Revision("1")
public record BidAcceptedEvent(
        BidId bidId,
        String requestId,
        String exchangeReference) {
}
