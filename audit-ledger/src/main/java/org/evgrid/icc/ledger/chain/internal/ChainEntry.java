package org.evgrid.icc.ledger.chain.internal;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.evgrid.icc.coreapi.ledger.LedgerEntryView;
import org.evgrid.icc.ledger.chain.LedgerHashes;

/** One stored link of the chain (document of {@code ledger_entries}, {@code _id} = seq). */
public record ChainEntry(
        long seq,
        long globalIndex,
        String eventId,
        String payloadType,
        String aggregateType,
        String aggregateId,
        Long aggregateSeq,
        Instant eventTime,
        String payloadDigest,
        String envelopeDigest,
        String signer,
        String previousHash,
        String hash) {

    /** The link hash recomputed from this entry's stored fields. */
    public String recomputeHash() {
        return LedgerHashes.linkHash(previousHash, eventId, payloadDigest, envelopeDigest);
    }

    public Document toDocument() {
        Document doc = new Document("_id", seq)
                .append("globalIndex", globalIndex)
                .append("eventId", eventId)
                .append("payloadType", payloadType)
                .append("aggregateType", aggregateType)
                .append("aggregateId", aggregateId)
                .append("aggregateSeq", aggregateSeq)
                .append("eventTime", eventTime == null ? null : Date.from(eventTime))
                .append("payloadDigest", payloadDigest)
                .append("envelopeDigest", envelopeDigest)
                .append("signer", signer)
                .append("previousHash", previousHash)
                .append("hash", hash);
        return doc;
    }

    public static ChainEntry fromDocument(Document doc) {
        Date time = doc.getDate("eventTime");
        Number aggregateSeq = (Number) doc.get("aggregateSeq");
        return new ChainEntry(
                Docs.longValue(doc, "_id"),
                Docs.longValue(doc, "globalIndex"),
                doc.getString("eventId"),
                doc.getString("payloadType"),
                doc.getString("aggregateType"),
                doc.getString("aggregateId"),
                aggregateSeq == null ? null : aggregateSeq.longValue(),
                time == null ? null : time.toInstant(),
                doc.getString("payloadDigest"),
                doc.getString("envelopeDigest"),
                doc.getString("signer"),
                doc.getString("previousHash"),
                doc.getString("hash"));
    }

    public LedgerEntryView toView() {
        return new LedgerEntryView(seq, globalIndex, eventId, payloadType, aggregateId, payloadDigest, envelopeDigest, signer,
                previousHash, hash, eventTime);
    }
}
