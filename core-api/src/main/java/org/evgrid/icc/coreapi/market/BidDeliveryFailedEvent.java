package org.evgrid.icc.coreapi.market;

import org.axonframework.serialization.Revision;

/** A delivery attempt failed; {@code finalFailure} when the gateway gives up. */
@Revision("1")
public record BidDeliveryFailedEvent(
        BidId bidId,
        String requestId,
        int attempt,
        boolean finalFailure,
        String reason) {
}
