package org.evgrid.icc.ledger.merkle;

/** A complete aligned subtree: the {@code 2^level} leaves from {@code index * 2^level} on. Stored with {@code _id = "level|index"}. */
public record MerkleNodeId(int level, long index) {

    /** The stored id, {@code level|index}. */
    public String id() {
        return level + "|" + index;
    }

    public long firstLeaf() {
        return index << level;
    }

    public long size() {
        return 1L << level;
    }
}
