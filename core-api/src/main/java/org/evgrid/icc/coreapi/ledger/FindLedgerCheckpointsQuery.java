package org.evgrid.icc.coreapi.ledger;

/** The newest checkpoints, newest first. */
public record FindLedgerCheckpointsQuery(
        int limit) {
}
