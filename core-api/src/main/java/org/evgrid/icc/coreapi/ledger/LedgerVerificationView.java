package org.evgrid.icc.coreapi.ledger;

/** The result of a chain verification: how many links were checked and the first broken one, if any. */
public record LedgerVerificationView(
        boolean intact,
        long fromSeq,
        long toSeq,
        long checked,
        Long firstBrokenSeq,
        String reason,
        long headSeq,
        String headHash,
        long checkpointsVerified) {
}
