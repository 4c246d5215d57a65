package org.evgrid.icc.coreapi.ledger;

import java.time.Instant;

/** A checkpoint: the chain head at a sequence number, signed by the center's key. */
public record LedgerCheckpointView(
        long seq,
        String headHash,
        long count,
        Instant sealedAt,
        String keyId,
        String algorithm,
        String signature) {
}
