package org.evgrid.icc.ledger.chain.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evgrid.icc.ledger.merkle.MerkleFrontier;
import org.evgrid.icc.ledger.merkle.MerkleHashes;
import org.evgrid.icc.ledger.merkle.MerkleNodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Merkle tree's right edge as stored: loads the frontier at a tree size (one {@code _id $in} lookup of at most
 * 64 nodes) and, for a ledger chained before the tree existed (or whose nodes are missing), rebuilds the nodes from
 * the entries once.
 */
public final class MerkleLog {

    private static final Logger LOG = LoggerFactory.getLogger(MerkleLog.class);

    private final LedgerStore store;

    public MerkleLog(LedgerStore store) {
        this.store = store;
    }

    /** The frontier of the first {@code size} entries; rebuilds missing nodes from the entries. */
    public MerkleFrontier frontierAt(long size) {
        List<MerkleNodeId> ids = MerkleFrontier.idsAt(size);
        Map<MerkleNodeId, byte[]> found = store.findNodes(ids);
        if (found.size() == ids.size()) {
            List<byte[]> hashes = new ArrayList<>(ids.size());
            ids.forEach(id -> hashes.add(found.get(id)));
            return new MerkleFrontier(size, hashes);
        }
        return rebuild(size);
    }

    private MerkleFrontier rebuild(long size) {
        LOG.warn("Ledger: Merkle nodes missing for the first {} entries; rebuilding them from the entries", size);
        MerkleFrontier frontier = new MerkleFrontier();
        for (long from = 0; from < size; from += LedgerStore.MAX_LOOKUP) {
            long to = Math.min(size - 1, from + LedgerStore.MAX_LOOKUP - 1);
            Map<Long, ChainEntry> entries = store.findEntries(from, to);
            List<MerkleFrontier.Node> nodes = new ArrayList<>();
            for (long seq = from; seq <= to; seq++) {
                ChainEntry entry = entries.get(seq);
                if (entry == null) {
                    throw new IllegalStateException("ledger entry " + seq + " is missing; cannot build the Merkle tree: "
                            + "verify the ledger and restore it from backup");
                }
                nodes.addAll(frontier.append(MerkleHashes.leafHashOfHex(entry.hash())));
            }
            store.writeNodes(nodes);
        }
        return frontier;
    }
}
