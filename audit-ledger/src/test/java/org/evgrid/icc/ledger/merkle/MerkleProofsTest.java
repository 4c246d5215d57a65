package org.evgrid.icc.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evgrid.icc.ledger.chain.LedgerHashes;
import org.junit.jupiter.api.Test;

/**
 * Proofs over hand-built trees of 1 to 70 leaves: every leaf's inclusion proof and every pair of sizes' consistency
 * proof, built from stored subtree nodes, equal the naive RFC 6962 definitions and pass the RFC 9162 verification;
 * altered proofs fail.
 */
class MerkleProofsTest {

    private static final int MAX = 70;

    private static byte[] entryHash(int i) {
        return MerkleHashes.fromHex(LedgerHashes.sm3Hex(("entry-" + i).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleHashes.leafHash(entryHash(i)));
        }
        return leaves;
    }

    // --- naive reference: RFC 6962 §2.1 written out over lists of leaf hashes ---

    private static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = 1;
        while (k * 2 < d.size()) {
            k *= 2;
        }
        return MerkleHashes.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> out = new ArrayList<>();
        if (d.size() <= 1) {
            return out;
        }
        int k = 1;
        while (k * 2 < d.size()) {
            k *= 2;
        }
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(path(m - k, d.subList(k, d.size())));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> out = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    // --- the implementation under test: nodes written incrementally, proofs resolved from them ---

    private static Map<MerkleNodeId, byte[]> storedNodes(List<byte[]> leaves, List<byte[]> rootsBySize) {
        Map<MerkleNodeId, byte[]> nodes = new HashMap<>();
        MerkleFrontier frontier = new MerkleFrontier();
        rootsBySize.add(frontier.root());
        for (byte[] leaf : leaves) {
            for (MerkleFrontier.Node node : frontier.append(leaf)) {
                nodes.put(node.id(), node.hash());
            }
            rootsBySize.add(frontier.root());
        }
        return nodes;
    }

    private static MerkleProofShapes.NodeLookup lookup(Map<MerkleNodeId, byte[]> nodes) {
        return (Collection<MerkleNodeId> ids) -> {
            Map<MerkleNodeId, byte[]> found = new HashMap<>();
            ids.forEach(id -> found.put(id, nodes.get(id)));
            return found;
        };
    }

    private static void assertSameHashes(List<byte[]> actual, List<byte[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).isEqualTo(expected.get(i));
        }
    }

    private static List<byte[]> flipped(List<byte[]> proof, int at) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] changed = Arrays.copyOf(copy.get(at), copy.get(at).length);
        changed[0] ^= 1;
        copy.set(at, changed);
        return copy;
    }

    @Test
    void rootsOfTheIncrementalFrontierEqualTheRecursiveDefinitionForEverySize() {
        List<byte[]> all = leaves(MAX);
        List<byte[]> roots = new ArrayList<>();
        Map<MerkleNodeId, byte[]> nodes = storedNodes(all, roots);
        for (int n = 0; n <= MAX; n++) {
            assertThat(roots.get(n)).as("size %d", n).isEqualTo(mth(all.subList(0, n)));
            if (n > 0) {
                byte[] resolved = MerkleProofShapes.resolve(List.of(MerkleProofShapes.whole(n)), lookup(nodes)).get(0);
                assertThat(resolved).as("size %d from stored nodes", n).isEqualTo(roots.get(n));
            }
        }
        assertThat(MerkleHashes.emptyRoot()).isEqualTo(MerkleHashes.fromHex(LedgerHashes.sm3Hex(new byte[0])));
    }

    @Test
    void everyInclusionProofEqualsTheReferenceAndVerifiesAndNoAlteredProofVerifies() {
        List<byte[]> all = leaves(MAX);
        List<byte[]> roots = new ArrayList<>();
        Map<MerkleNodeId, byte[]> nodes = storedNodes(all, roots);
        int checked = 0;
        for (int n = 1; n <= MAX; n++) {
            byte[] root = roots.get(n);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleProofShapes.resolve(MerkleProofShapes.inclusion(m, n), lookup(nodes));
                assertSameHashes(proof, path(m, all.subList(0, n)));
                assertThat(MerkleProofVerifier.verifyInclusion(all.get(m), m, n, proof, root)).as("leaf %d of %d", m, n).isTrue();
                assertThat(MerkleProofVerifier.verifyInclusion(all.get((m + 1) % MAX), m, n, proof, root)).isFalse();
                if (n > 1) {
                    assertThat(MerkleProofVerifier.verifyInclusion(all.get(m), (m + 1) % n, n, proof, root)).isFalse();
                }
                assertThat(MerkleProofVerifier.verifyInclusion(all.get(m), m, n, proof, roots.get(n - 1))).isFalse();
                assertThat(MerkleProofVerifier.verifyInclusion(all.get(m), n, n, proof, root)).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleProofVerifier.verifyInclusion(all.get(m), m, n, flipped(proof, i), root)).isFalse();
                }
                if (!proof.isEmpty()) {
                    assertThat(MerkleProofVerifier.verifyInclusion(all.get(m), m, n, proof.subList(0, proof.size() - 1), root))
                            .isFalse();
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(MerkleProofVerifier.verifyInclusion(all.get(m), m, n, longer, root)).isFalse();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(MAX * (MAX + 1) / 2);
    }

    @Test
    void everyConsistencyProofEqualsTheReferenceAndVerifiesAndNoAlteredProofVerifies() {
        List<byte[]> all = leaves(MAX);
        List<byte[]> roots = new ArrayList<>();
        Map<MerkleNodeId, byte[]> nodes = storedNodes(all, roots);
        int checked = 0;
        for (int n = 1; n <= MAX; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleProofShapes.resolve(MerkleProofShapes.consistency(m, n), lookup(nodes));
                List<byte[]> reference = m == n ? List.of() : subproof(m, all.subList(0, n), true);
                assertSameHashes(proof, reference);
                assertThat(MerkleProofVerifier.verifyConsistency(m, n, roots.get(m), roots.get(n), proof))
                        .as("%d to %d", m, n).isTrue();
                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleProofVerifier.verifyConsistency(m, n, roots.get(m), roots.get(n), flipped(proof, i))).isFalse();
                }
                if (m < n) {
                    assertThat(MerkleProofVerifier.verifyConsistency(m, n, roots.get(m - 1), roots.get(n), proof)).isFalse();
                    assertThat(MerkleProofVerifier.verifyConsistency(m, n, roots.get(m), roots.get(n - 1), proof)).isFalse();
                    assertThat(MerkleProofVerifier.verifyConsistency(m, n, roots.get(m), roots.get(n), List.of())).isFalse();
                    assertThat(MerkleProofVerifier.verifyConsistency(n, m, roots.get(n), roots.get(m), proof)).isFalse();
                    byte[] otherRoot = MerkleHashes.nodeHash(roots.get(m), roots.get(m));
                    assertThat(MerkleProofVerifier.verifyConsistency(m, n, otherRoot, roots.get(n), proof)).isFalse();
                } else {
                    assertThat(MerkleProofVerifier.verifyConsistency(m, n, roots.get(m), roots.get(m - 1), proof)).isFalse();
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(MAX * (MAX + 1) / 2);
        assertThat(MerkleProofVerifier.verifyConsistency(0, 3, roots.get(0), roots.get(3), List.of())).isFalse();
    }

    @Test
    void aRangeSplitsIntoAlignedSubtreesLargestFirst() {
        assertThat(new MerkleRange(0, 13).blocks()).containsExactly(new MerkleNodeId(3, 0), new MerkleNodeId(2, 2),
                new MerkleNodeId(0, 12));
        assertThat(new MerkleRange(64, 70).blocks()).containsExactly(new MerkleNodeId(2, 16), new MerkleNodeId(1, 34));
        assertThat(new MerkleNodeId(2, 16).id()).isEqualTo("2|16");
    }
}
