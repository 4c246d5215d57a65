package org.evgrid.icc.coreapi.ledger;

import java.time.Instant;

/** One link of the hash chain: h_seq = SM3(h_seq-1 || event id || payload digest || envelope digest), hex. */
public record LedgerEntryView(
        long seq,
        long globalIndex,
        String eventId,
        String payloadType,
        String aggregateId,
        String payloadDigest,
        String envelopeDigest,
        String signer,
        String previousHash,
        String hash,
        Instant eventTime) {
}
