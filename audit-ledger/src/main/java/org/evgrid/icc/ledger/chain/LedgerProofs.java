package org.evgrid.icc.ledger.chain;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryHandler;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.ledger.ConsistencyProofView;
import org.evgrid.icc.coreapi.ledger.FindConsistencyProofQuery;
import org.evgrid.icc.coreapi.ledger.FindInclusionProofQuery;
import org.evgrid.icc.coreapi.ledger.FindLatestTreeHeadQuery;
import org.evgrid.icc.coreapi.ledger.InclusionProofView;
import org.evgrid.icc.coreapi.ledger.TreeHeadView;
import org.evgrid.icc.ledger.chain.internal.ChainEntry;
import org.evgrid.icc.ledger.chain.internal.ChainHead;
import org.evgrid.icc.ledger.chain.internal.Checkpoint;
import org.evgrid.icc.ledger.chain.internal.LedgerStore;
import org.evgrid.icc.ledger.merkle.MerkleHashes;
import org.evgrid.icc.ledger.merkle.MerkleProofShapes;
import org.evgrid.icc.ledger.merkle.MerkleRange;
import org.evgrid.icc.ledger.merkle.TreeHead;
import org.springframework.stereotype.Component;

/**
 * Signed tree heads and Merkle proofs (RFC 9162 §2.1.3, §2.1.4) from the stored subtree nodes: a proof reads its
 * nodes with one {@code _id $in} lookup, whatever the ledger's size.
 */
@Component
public class LedgerProofs {

    private final LedgerStore store;

    public LedgerProofs(MongoDatabase database) {
        this.store = new LedgerStore(database);
    }

    /** The newest signed tree head. */
    @QueryHandler
    public TreeHeadView handle(FindLatestTreeHeadQuery query) {
        return store.newestTreeHead().map(Checkpoint::treeHead).map(LedgerProofs::view)
                .orElseThrow(() -> IccException.notFound("ICC-LEDGER-STH-NONE", null, "账本尚未签发树头",
                        "The ledger has no signed tree head yet",
                        "Wait until the first checkpoint is sealed (every 1,000 entries), or ask the center to seal one"));
    }

    /** The audit path of one entry against the tree of {@code treeSize} entries. */
    @QueryHandler
    public InclusionProofView handle(FindInclusionProofQuery query) {
        long size = requireTreeSize(query.treeSize(), "treeSize");
        long index = query.leafIndex();
        if (index < 0 || index >= size) {
            throw IccException.invalid("ICC-LEDGER-PROOF-INDEX", "index", "条目序号应在 0 到 " + (size - 1) + " 之间",
                    "The entry index must be between 0 and " + (size - 1), "Send an index smaller than the tree size");
        }
        ChainEntry entry = store.findEntry(index).orElseThrow(() -> IccException.notFound("ICC-LEDGER-ENTRY-MISSING", "index",
                "第 " + index + " 条账本记录缺失", "Ledger entry " + index + " is missing",
                "Run the ledger verification and restore the ledger from backup"));
        List<MerkleRange> shape = new ArrayList<>(MerkleProofShapes.inclusion(index, size));
        shape.add(MerkleProofShapes.whole(size));
        List<byte[]> hashes = MerkleProofShapes.resolve(shape, store::findNodes);
        List<String> path = hashes.subList(0, hashes.size() - 1).stream().map(MerkleHashes::hex).toList();
        TreeHeadView head = store.treeHeadOfSize(size).map(Checkpoint::treeHead).map(LedgerProofs::view).orElse(null);
        return new InclusionProofView(index, size, entry.hash(), MerkleHashes.hex(MerkleHashes.leafHashOfHex(entry.hash())), path,
                MerkleHashes.hex(hashes.get(hashes.size() - 1)), head);
    }

    /** The consistency proof between two tree sizes. */
    @QueryHandler
    public ConsistencyProofView handle(FindConsistencyProofQuery query) {
        long second = requireTreeSize(query.second(), "second");
        long first = query.first();
        if (first < 1 || first > second) {
            throw IccException.invalid("ICC-LEDGER-PROOF-FIRST", "first", "较早的树大小应在 1 到 " + second + " 之间",
                    "The earlier tree size must be between 1 and " + second, "Send a first no larger than second");
        }
        return consistency(first, second);
    }

    ConsistencyProofView consistency(long first, long second) {
        List<MerkleRange> shape = new ArrayList<>(MerkleProofShapes.consistency(first, second));
        shape.add(MerkleProofShapes.whole(first));
        shape.add(MerkleProofShapes.whole(second));
        List<byte[]> hashes = MerkleProofShapes.resolve(shape, store::findNodes);
        int n = hashes.size();
        List<String> proof = hashes.subList(0, n - 2).stream().map(MerkleHashes::hex).toList();
        return new ConsistencyProofView(first, second, MerkleHashes.hex(hashes.get(n - 2)), MerkleHashes.hex(hashes.get(n - 1)), proof);
    }

    private long requireTreeSize(long size, String field) {
        ChainHead head = store.loadHead();
        long headSize = head.seq() + 1;
        if (size < 1 || size > headSize) {
            throw IccException.invalid("ICC-LEDGER-PROOF-SIZE", field, "树大小应在 1 到 " + headSize + " 之间（当前账本条数）",
                    "The tree size must be between 1 and " + headSize + " (the ledger's current number of entries)",
                    "Send a tree size from a signed tree head, e.g. the latest one");
        }
        return size;
    }

    static TreeHeadView view(TreeHead head) {
        return new TreeHeadView(head.treeSize(), head.rootHash(), head.chainHead(), head.timestamp(), head.keyId(), head.algorithm(),
                head.signature());
    }
}
