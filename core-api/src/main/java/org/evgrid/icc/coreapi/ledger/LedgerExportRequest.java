package org.evgrid.icc.coreapi.ledger;

import java.time.Instant;

/**
 * What an auditor export covers: ledger positions {@code fromSeq..toSeq} (inclusive; null = from the first / up to
 * the export's tree head), optionally only entries whose event time is in {@code [since, until)} and/or of one
 * aggregate. With {@code trustedTreeSize}, the export's header carries the consistency proof from that size.
 */
public record LedgerExportRequest(
        Long fromSeq,
        Long toSeq,
        Instant since,
        Instant until,
        String aggregateId,
        Long trustedTreeSize) {
}
