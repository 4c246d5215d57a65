package org.evgrid.icc.coreapi.diagnosis;

import java.time.Instant;

/**
 * One background ledger verification (collection {@code diag_ledger_verifications}): when, incremental or full, the range
 * [fromSeq, toSeq], whether the chain is intact, the first broken entry and why, and how long it took.
 */
public record LedgerVerificationRecord(
        String id,
        Instant at,
        String mode,
        long fromSeq,
        long toSeq,
        long checked,
        boolean intact,
        Long firstBrokenSeq,
        String reason,
        long headSeq,
        long durationMillis) {
}
