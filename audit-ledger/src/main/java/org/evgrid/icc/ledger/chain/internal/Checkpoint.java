package org.evgrid.icc.ledger.chain.internal;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.evgrid.icc.coreapi.ledger.LedgerCheckpointView;
import org.evgrid.icc.ledger.merkle.TreeHead;

/**
 * A signed checkpoint (document of {@code ledger_checkpoints}, {@code _id} = seq of the last covered entry). Since
 * tree heads exist, a checkpoint also carries the Merkle root of its {@code count} entries and the signed tree head's
 * signature ({@link #treeHead()}); the original chain-head signature is kept, so old checkpoints verify as before.
 */
public record Checkpoint(
        long seq,
        String headHash,
        long count,
        Instant sealedAt,
        String keyId,
        String algorithm,
        String signature,
        String rootHash,
        String treeHeadSignature) {

    /** A checkpoint written before tree heads existed (no Merkle root). */
    public Checkpoint(long seq, String headHash, long count, Instant sealedAt, String keyId, String algorithm, String signature) {
        this(seq, headHash, count, sealedAt, keyId, algorithm, signature, null, null);
    }

    /** The signed tree head this checkpoint carries, or null for a checkpoint from before tree heads. */
    public TreeHead treeHead() {
        if (rootHash == null) {
            return null;
        }
        return new TreeHead(count, rootHash, headHash, sealedAt, keyId, algorithm, treeHeadSignature);
    }

    public Document toDocument() {
        Document doc = new Document("_id", seq)
                .append("headHash", headHash)
                .append("count", count)
                .append("sealedAt", Date.from(sealedAt))
                .append("keyId", keyId)
                .append("algorithm", algorithm)
                .append("signature", signature);
        if (rootHash != null) {
            doc.append("rootHash", rootHash).append("treeHeadSignature", treeHeadSignature);
        }
        return doc;
    }

    public static Checkpoint fromDocument(Document doc) {
        Date sealedAt = doc.getDate("sealedAt");
        return new Checkpoint(
                Docs.longValue(doc, "_id"),
                doc.getString("headHash"),
                Docs.longValue(doc, "count"),
                sealedAt == null ? null : sealedAt.toInstant(),
                doc.getString("keyId"),
                doc.getString("algorithm"),
                doc.getString("signature"),
                doc.getString("rootHash"),
                doc.getString("treeHeadSignature"));
    }

    public LedgerCheckpointView toView() {
        return new LedgerCheckpointView(seq, headHash, count, sealedAt, keyId, algorithm, signature);
    }
}
