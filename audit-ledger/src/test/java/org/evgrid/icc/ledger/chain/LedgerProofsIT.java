package org.evgrid.icc.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.ledger.ConsistencyProofView;
import org.evgrid.icc.coreapi.ledger.FindConsistencyProofQuery;
import org.evgrid.icc.coreapi.ledger.FindInclusionProofQuery;
import org.evgrid.icc.coreapi.ledger.FindLatestTreeHeadQuery;
import org.evgrid.icc.coreapi.ledger.InclusionProofView;
import org.evgrid.icc.coreapi.ledger.TreeHeadView;
import org.evgrid.icc.ledger.merkle.MerkleFrontier;
import org.evgrid.icc.ledger.merkle.MerkleHashes;
import org.evgrid.icc.ledger.merkle.MerkleProofVerifier;
import org.evgrid.icc.ledger.merkle.TreeHead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Merkle nodes written with the chain, signed tree heads at checkpoints, and proofs read from the stored nodes. */
class LedgerProofsIT {

    private final LedgerFixture fx = new LedgerFixture(10);

    @AfterEach
    void close() {
        fx.close();
    }

    private List<String> entryHashes() {
        List<String> hashes = new ArrayList<>();
        for (Document doc : fx.entriesBySeq().values()) {
            hashes.add(doc.getString("hash"));
        }
        return hashes;
    }

    /** Roots of every prefix, computed from the entry hashes alone. */
    private static List<byte[]> rootsBySize(List<String> hashes) {
        List<byte[]> roots = new ArrayList<>();
        MerkleFrontier frontier = new MerkleFrontier();
        roots.add(frontier.root());
        for (String hash : hashes) {
            frontier.append(MerkleHashes.leafHashOfHex(hash));
            roots.add(frontier.root());
        }
        return roots;
    }

    private static List<byte[]> bytes(List<String> hex) {
        return hex.stream().map(MerkleHashes::fromHex).toList();
    }

    @Test
    void everyCheckpointCarriesASignedTreeHeadOverTheEntriesSoFar() {
        fx.publish(57);
        fx.deliverAll(7);

        List<byte[]> roots = rootsBySize(entryHashes());
        List<Document> checkpoints = fx.collection("ledger_checkpoints").find().into(new ArrayList<>());
        assertThat(checkpoints).hasSize(5);
        for (Document doc : checkpoints) {
            long size = ((Number) doc.get("count")).longValue();
            TreeHead head = new TreeHead(size, doc.getString("rootHash"), doc.getString("headHash"), doc.getDate("sealedAt").toInstant(),
                    doc.getString("keyId"), doc.getString("algorithm"), doc.getString("treeHeadSignature"));
            assertThat(head.rootHash()).isEqualTo(MerkleHashes.hex(roots.get((int) size)));
            assertThat(fx.signer.verify(head.signingInput(), java.util.Base64.getDecoder().decode(head.signature()))).isTrue();
            assertThat(doc.getString("signature")).as("the chain-head signature of old checkpoints is kept").isNotBlank();
        }
        TreeHeadView latest = new LedgerProofs(fx.database).handle(new FindLatestTreeHeadQuery());
        assertThat(latest.treeSize()).isEqualTo(50);
        assertThat(latest.chainHead()).isEqualTo(entryHashes().get(49));
        assertThat(fx.verifyAll().intact()).isTrue();
    }

    @Test
    void inclusionAndConsistencyProofsFromStoredNodesVerifyForEveryEntryAndSize() {
        fx.publish(37);
        fx.deliverAll(5);
        List<String> hashes = entryHashes();
        List<byte[]> roots = rootsBySize(hashes);
        LedgerProofs proofs = new LedgerProofs(fx.database);

        for (long size = 1; size <= 37; size++) {
            for (long index = 0; index < size; index++) {
                InclusionProofView proof = proofs.handle(new FindInclusionProofQuery(index, size));
                assertThat(proof.rootHash()).isEqualTo(MerkleHashes.hex(roots.get((int) size)));
                assertThat(proof.entryHash()).isEqualTo(hashes.get((int) index));
                assertThat(MerkleProofVerifier.verifyInclusion(MerkleHashes.fromHex(proof.leafHash()), index, size,
                        bytes(proof.auditPath()), roots.get((int) size))).as("%d in %d", index, size).isTrue();
            }
            for (long first = 1; first <= size; first++) {
                ConsistencyProofView proof = proofs.handle(new FindConsistencyProofQuery(first, size));
                assertThat(MerkleProofVerifier.verifyConsistency(first, size, roots.get((int) first), roots.get((int) size),
                        bytes(proof.proof()))).as("%d to %d", first, size).isTrue();
            }
        }
        assertThat(proofs.handle(new FindInclusionProofQuery(9, 30)).treeHead().treeSize()).isEqualTo(30);
        assertThat(proofs.handle(new FindInclusionProofQuery(9, 31)).treeHead()).isNull();
    }

    @Test
    void proofsBeyondTheLedgerOrOutOfOrderAreRefused() {
        fx.publish(12);
        fx.deliverAll(5);
        LedgerProofs proofs = new LedgerProofs(fx.database);

        assertThatThrownBy(() -> proofs.handle(new FindInclusionProofQuery(3, 13)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-LEDGER-PROOF-SIZE"));
        assertThatThrownBy(() -> proofs.handle(new FindInclusionProofQuery(5, 5)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-LEDGER-PROOF-INDEX"));
        assertThatThrownBy(() -> proofs.handle(new FindConsistencyProofQuery(8, 6)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-LEDGER-PROOF-FIRST"));
        LedgerFixture empty = new LedgerFixture(10);
        try {
            assertThatThrownBy(() -> new LedgerProofs(empty.database).handle(new FindLatestTreeHeadQuery()))
                    .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-LEDGER-STH-NONE"));
        } finally {
            empty.close();
        }
    }

    @Test
    void aLedgerChainedBeforeTheTreeExistedGetsItsNodesRebuiltOnTheNextBatch() {
        fx.publish(23);
        fx.deliverAll(7);
        fx.collection("ledger_merkle_nodes").drop();
        fx.collection("ledger_checkpoints").updateMany(new Document(), Updates.unset("rootHash"));

        fx.publish(4);
        fx.deliverAll(7);

        List<byte[]> roots = rootsBySize(entryHashes());
        InclusionProofView proof = new LedgerProofs(fx.database).handle(new FindInclusionProofQuery(3, 27));
        assertThat(proof.rootHash()).isEqualTo(MerkleHashes.hex(roots.get(27)));
        assertThat(fx.collection("ledger_checkpoints").find(Filters.eq("_id", 9L)).first().getString("rootHash"))
                .as("old checkpoints stay as they were").isNull();
        assertThat(fx.verifyAll().intact()).as(fx.verifyAll().reason()).isTrue();
    }

    @Test
    void anAlteredMerkleNodeOrTreeHeadIsReportedByTheSelfCheck() {
        fx.publish(25);
        fx.deliverAll(7);
        fx.collection("ledger_merkle_nodes").updateOne(Filters.eq("_id", "2|3"), Updates.set("h", LedgerHashes.ZERO_HASH));

        var view = fx.verifyAll();
        assertThat(view.intact()).isFalse();
        assertThat(view.firstBrokenSeq()).isEqualTo(15);
        assertThat(view.reason()).contains("Merkle node 2|3 altered");

        fx.collection("ledger_merkle_nodes").drop();
        fx.publish(1);
        fx.deliverAll(7);
        Map<String, Object> forged = Map.of("rootHash", LedgerHashes.sm3Hex(new byte[] {1}));
        fx.collection("ledger_checkpoints").updateOne(Filters.eq("_id", 19L), new Document("$set", new Document(forged)));

        view = fx.verifyAll();
        assertThat(view.firstBrokenSeq()).as(view.reason()).isEqualTo(19);
        assertThat(view.reason()).contains("signed tree head invalid at seq 19");
    }
}
