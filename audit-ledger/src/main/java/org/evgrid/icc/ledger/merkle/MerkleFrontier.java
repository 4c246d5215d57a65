package org.evgrid.icc.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: the complete aligned subtrees that make up the first {@code size} leaves (one per
 * set bit of {@code size}, largest first). Appending a leaf yields the nodes that become complete.
 */
public final class MerkleFrontier {

    private final List<MerkleNodeId> ids = new ArrayList<>();
    private final List<byte[]> hashes = new ArrayList<>();
    private long size;

    /** The ids of the subtrees that make up the first {@code size} leaves, largest first. */
    public static List<MerkleNodeId> idsAt(long size) {
        return size == 0 ? List.of() : new MerkleRange(0, size).blocks();
    }

    /** The frontier of an empty tree. */
    public MerkleFrontier() {
    }

    /** The frontier at {@code size} leaves from the hashes of {@link #idsAt(long)}, in that order. */
    public MerkleFrontier(long size, List<byte[]> blockHashes) {
        List<MerkleNodeId> expected = idsAt(size);
        if (expected.size() != blockHashes.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + expected.size() + " frontier nodes");
        }
        ids.addAll(expected);
        hashes.addAll(blockHashes);
        this.size = size;
    }

    public long size() {
        return size;
    }

    /** A node that became complete. */
    public record Node(MerkleNodeId id, byte[] hash) {
    }

    /** Appends a leaf hash; answers the nodes completed by it (the leaf itself at level 0 first). */
    public List<Node> append(byte[] leafHash) {
        List<Node> completed = new ArrayList<>();
        MerkleNodeId id = new MerkleNodeId(0, size);
        byte[] hash = leafHash;
        completed.add(new Node(id, hash));
        while (!ids.isEmpty() && ids.get(ids.size() - 1).level() == id.level()) {
            int last = ids.size() - 1;
            byte[] left = hashes.remove(last);
            ids.remove(last);
            hash = MerkleHashes.nodeHash(left, hash);
            id = new MerkleNodeId(id.level() + 1, id.index() >> 1);
            completed.add(new Node(id, hash));
        }
        ids.add(id);
        hashes.add(hash);
        size++;
        return completed;
    }

    /** MTH of the first {@code size} leaves ({@code size >= 1}). */
    public byte[] root() {
        if (size == 0) {
            return MerkleHashes.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHashes.nodeHash(hashes.get(i), root);
        }
        return root;
    }
}
