package org.evgrid.icc.coreapi.ledger;

import java.time.Instant;

/**
 * A signed tree head: the first {@code treeSize} ledger entries have Merkle root {@code rootHash} (RFC 9162 with SM3),
 * the last of them has chain hash {@code chainHead}; {@code signature} (base64) by the center's key over the canonical
 * serialization described in the audit-ledger README.
 */
public record TreeHeadView(
        long treeSize,
        String rootHash,
        String chainHead,
        Instant timestamp,
        String keyId,
        String algorithm,
        String signature) {
}
