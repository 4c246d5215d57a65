package org.evgrid.icc.ledger.chain.internal;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.evgrid.icc.coreapi.ledger.LedgerCheckpointView;

/** A signed checkpoint (document of {@code ledger_checkpoints}, {@code _id} = seq of the last covered entry). */
public record Checkpoint(
        long seq,
        String headHash,
        long count,
        Instant sealedAt,
        String keyId,
        String algorithm,
        String signature) {

    public Document toDocument() {
        return new Document("_id", seq)
                .append("headHash", headHash)
                .append("count", count)
                .append("sealedAt", Date.from(sealedAt))
                .append("keyId", keyId)
                .append("algorithm", algorithm)
                .append("signature", signature);
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
                doc.getString("signature"));
    }

    public LedgerCheckpointView toView() {
        return new LedgerCheckpointView(seq, headHash, count, sealedAt, keyId, algorithm, signature);
    }
}
