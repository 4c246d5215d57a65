package org.evgrid.icc.coreapi.ledger;

import java.util.List;

/** The newest checkpoints. */
public record LedgerCheckpointList(
        List<LedgerCheckpointView> items) {
}
