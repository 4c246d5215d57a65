package org.evgrid.icc.coreapi.ledger;

/** The audit path of ledger entry {@code leafIndex} (its seq) in the tree of the first {@code treeSize} entries. */
public record FindInclusionProofQuery(
        long leafIndex,
        long treeSize) {
}
