package org.evgrid.icc.coreapi.market;

import org.axonframework.serialization.Revision;

/** A bid expired: not submitted (or not accepted) by gate closure, or not cleared by the end of its period. */
@Revision("1")
public record BidExpiredEvent(
        BidId bidId,
        int version,
        BidStatus statusBefore,
        String reason) {
}
