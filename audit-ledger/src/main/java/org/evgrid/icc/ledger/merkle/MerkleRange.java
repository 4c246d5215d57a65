package org.evgrid.icc.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A range of leaves {@code [start, end)} whose Merkle tree hash (MTH) is one element of a proof. Any range that occurs in
 * an RFC 9162 proof splits into complete aligned subtrees ({@link #blocks()}), each stored as one node.
 */
public record MerkleRange(long start, long end) {

    public MerkleRange {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative range [" + start + ", " + end + ")");
        }
    }

    public long size() {
        return end - start;
    }

    /**
     * The complete aligned subtrees that make up this range, left to right, largest first; MTH of the range is the
     * right fold {@code H(b1, H(b2, … H(bk-1, bk)))} of their hashes.
     */
    public List<MerkleNodeId> blocks() {
        List<MerkleNodeId> blocks = new ArrayList<>();
        long at = start;
        long remaining = size();
        while (remaining > 0) {
            long block = Long.highestOneBit(remaining);
            if (at % block != 0) {
                throw new IllegalStateException("range [" + start + ", " + end + ") is not made of aligned subtrees");
            }
            int level = Long.numberOfTrailingZeros(block);
            blocks.add(new MerkleNodeId(level, at >> level));
            at += block;
            remaining -= block;
        }
        return blocks;
    }
}
