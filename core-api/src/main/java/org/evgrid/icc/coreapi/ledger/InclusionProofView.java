package org.evgrid.icc.coreapi.ledger;

import java.util.List;

/**
 * An inclusion proof (RFC 9162 §2.1.3): the entry's chain hash, its leaf hash, the audit path (hex, leaf to root), the
 * root of the tree of {@code treeSize} entries, and the signed tree head of that size when one was sealed.
 */
public record InclusionProofView(
        long leafIndex,
        long treeSize,
        String entryHash,
        String leafHash,
        List<String> auditPath,
        String rootHash,
        TreeHeadView treeHead) {
}
