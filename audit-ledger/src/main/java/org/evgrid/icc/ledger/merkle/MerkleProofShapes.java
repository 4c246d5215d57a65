package org.evgrid.icc.ledger.merkle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which subtree hashes make up a proof (RFC 9162 §2.1.3.1 and §2.1.4.1), as leaf ranges in proof order. The hashes
 * come from wherever the tree is kept (stored nodes, or a list of leaves), see {@link #resolve}.
 */
public final class MerkleProofShapes {

    private MerkleProofShapes() {
    }

    /** PATH(m, D[0:n]): the audit path of leaf {@code m} in a tree of {@code n} leaves. */
    public static List<MerkleRange> inclusion(long m, long n) {
        if (m < 0 || m >= n) {
            throw new IllegalArgumentException("leaf index " + m + " is not in a tree of size " + n);
        }
        List<MerkleRange> out = new ArrayList<>();
        path(m, 0, n, out);
        return out;
    }

    private static void path(long m, long start, long end, List<MerkleRange> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = MerkleHashes.largestPowerOfTwoBelow(n);
        if (m - start < k) {
            path(m, start, start + k, out);
            out.add(new MerkleRange(start + k, end));
        } else {
            path(m, start + k, end, out);
            out.add(new MerkleRange(start, start + k));
        }
    }

    /** PROOF(m, D[0:n]): the consistency proof between tree sizes {@code 0 < m <= n} (empty when {@code m == n}). */
    public static List<MerkleRange> consistency(long m, long n) {
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("no consistency proof from size " + m + " to size " + n);
        }
        List<MerkleRange> out = new ArrayList<>();
        if (m < n) {
            subproof(m, 0, n, true, out);
        }
        return out;
    }

    private static void subproof(long m, long start, long end, boolean complete, List<MerkleRange> out) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                out.add(new MerkleRange(start, end));
            }
            return;
        }
        long k = MerkleHashes.largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, out);
            out.add(new MerkleRange(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(new MerkleRange(start, start + k));
        }
    }

    /** The root of a tree of {@code n >= 1} leaves as one range. */
    public static MerkleRange whole(long n) {
        return new MerkleRange(0, n);
    }

    /** Looks up complete subtree hashes. */
    public interface NodeLookup {
        /** The hash of every requested node; all must be present. */
        Map<MerkleNodeId, byte[]> nodes(Collection<MerkleNodeId> ids);
    }

    /** The MTH of each range, from the stored hashes of their blocks (one lookup for all of them). */
    public static List<byte[]> resolve(List<MerkleRange> ranges, NodeLookup lookup) {
        List<byte[]> out = resolveOrNull(ranges, lookup);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) == null) {
                MerkleRange range = ranges.get(i);
                throw new IllegalStateException("Merkle nodes for entries " + range.start() + " to " + (range.end() - 1) + " are missing");
            }
        }
        return out;
    }

    /** Like {@link #resolve}, with null for a range whose nodes are not all found. */
    public static List<byte[]> resolveOrNull(List<MerkleRange> ranges, NodeLookup lookup) {
        Set<MerkleNodeId> needed = new LinkedHashSet<>();
        for (MerkleRange range : ranges) {
            needed.addAll(range.blocks());
        }
        Map<MerkleNodeId, byte[]> found = lookup.nodes(needed);
        List<byte[]> out = new ArrayList<>(ranges.size());
        for (MerkleRange range : ranges) {
            List<MerkleNodeId> blocks = range.blocks();
            byte[] hash = null;
            for (int i = blocks.size() - 1; i >= 0; i--) {
                byte[] block = found.get(blocks.get(i));
                if (block == null) {
                    hash = null;
                    break;
                }
                hash = hash == null ? block : MerkleHashes.nodeHash(block, hash);
            }
            out.add(hash);
        }
        return out;
    }
}
