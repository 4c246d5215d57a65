package org.evgrid.icc.coreapi.ledger;

import java.util.List;

/** A consistency proof (RFC 9162 §2.1.4) between two tree sizes, with both roots; hashes in hex. */
public record ConsistencyProofView(
        long first,
        long second,
        String firstRootHash,
        String secondRootHash,
        List<String> proof) {
}
