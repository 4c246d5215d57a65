package org.evgrid.icc.ledger.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Proof verification exactly as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) specify, with the ledger's
 * hashes ({@link MerkleHashes}). Needs no server: usable offline.
 */
public final class MerkleProofVerifier {

    private MerkleProofVerifier() {
    }

    /**
     * RFC 9162 §2.1.3.2: whether {@code leafHash} is the leaf at {@code leafIndex} of the tree of {@code treeSize} leaves
     * whose root is {@code rootHash}, by the audit path {@code inclusionPath}.
     */
    public static boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> inclusionPath,
                                          byte[] rootHash) {
        // 1. leaf_index must be smaller than tree_size
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        // 2. fn = leaf_index, sn = tree_size - 1
        long fn = leafIndex;
        long sn = treeSize - 1;
        // 3. r = hash
        byte[] r = leafHash;
        // 4. for each p in inclusion_path
        for (byte[] p : inclusionPath) {
            // a. sn == 0: fail
            if (sn == 0) {
                return false;
            }
            // b.
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHashes.nodeHash(r, p);
            }
            // c.
            fn >>= 1;
            sn >>= 1;
        }
        // 5. sn == 0 and r == root_hash
        return sn == 0 && MessageDigest.isEqual(r, rootHash);
    }

    /**
     * RFC 9162 §2.1.4.2: whether the tree of size {@code second} with root {@code secondHash} extends the tree of size
     * {@code first} with root {@code firstHash}. Equal sizes are consistent when the proof is empty and the roots equal
     * (the RFC's algorithm starts at {@code first < second}); size 0 has no consistency proof.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash,
                                            List<byte[]> consistencyPath) {
        if (first < 1 || second < first) {
            return false;
        }
        if (first == second) {
            return consistencyPath.isEmpty() && MessageDigest.isEqual(firstHash, secondHash);
        }
        // 1. an empty consistency_path fails
        if (consistencyPath.isEmpty()) {
            return false;
        }
        // 2. if first is an exact power of 2, prepend first_hash
        List<byte[]> path = consistencyPath;
        if (Long.bitCount(first) == 1) {
            path = new ArrayList<>(consistencyPath.size() + 1);
            path.add(firstHash);
            path.addAll(consistencyPath);
        }
        // 3. fn = first - 1, sn = second - 1
        long fn = first - 1;
        long sn = second - 1;
        // 4. while LSB(fn) is set, right-shift fn and sn
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // 5. fr = sr = first value
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // 6. for each subsequent value c
        for (byte[] c : path.subList(1, path.size())) {
            // a.
            if (sn == 0) {
                return false;
            }
            // b.
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.nodeHash(c, fr);
                sr = MerkleHashes.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHashes.nodeHash(sr, c);
            }
            // c.
            fn >>= 1;
            sn >>= 1;
        }
        // 7. fr == first_hash, sr == second_hash, sn == 0
        return MessageDigest.isEqual(fr, firstHash) && MessageDigest.isEqual(sr, secondHash) && sn == 0;
    }
}
