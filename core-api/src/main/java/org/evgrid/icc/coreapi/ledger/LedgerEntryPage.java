package org.evgrid.icc.coreapi.ledger;

import java.util.List;

/** A run of ledger entries. */
public record LedgerEntryPage(
        List<LedgerEntryView> items,
        long headSeq) {
}
