package org.evgrid.icc.coreapi.market;

import java.time.Instant;

/** One step of a bid's history with the signer of the command that caused it. */
public record BidHistoryEntry(
        Instant at,
        String step,
        int version,
        String signer,
        String detail) {
}
