package org.evgrid.icc.coreapi.ledger;

/** Verifies the chain between two sequence numbers (inclusive) against the event store and the checkpoints. */
public record VerifyLedgerQuery(
        long fromSeq,
        long toSeq) {
}
