package org.evgrid.icc.coreapi.market;

import org.axonframework.serialization.Revision;

/** A bid was withdrawn. */
@Revision("1")
public record BidWithdrawnEvent(
        BidId bidId,
        int version,
        String reason) {
}
