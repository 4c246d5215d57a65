package org.evgrid.icc.coreapi.ledger;

/** Ledger entries from a sequence number on. */
public record FindLedgerEntriesQuery(
        long fromSeq,
        int limit) {
}
