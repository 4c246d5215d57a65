package org.evgrid.icc.ledger.chain.internal;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.bson.Document;
import org.evgrid.icc.ledger.chain.LedgerHashes;

/**
 * The head of the chain (document {@code ledger_head/"head"}): the last entry's seq and hash, and the gap-aware
 * tracking token of the last event the ledger was delivered (to tell the global index of late gap events).
 */
public record ChainHead(long seq, String hash, GapAwareTrackingToken lastToken) {

    /** The id of the single head document. */
    public static final String ID = "head";

    /** The head of an empty ledger. */
    public static ChainHead empty() {
        return new ChainHead(-1, LedgerHashes.ZERO_HASH, null);
    }

    public ChainHead withToken(GapAwareTrackingToken token) {
        return new ChainHead(seq, hash, token);
    }

    public Document toDocument() {
        Document doc = new Document("_id", ID).append("seq", seq).append("hash", hash);
        if (lastToken != null) {
            doc.append("tokenIndex", lastToken.getIndex()).append("tokenGaps", new ArrayList<>(lastToken.getGaps()));
        }
        return doc;
    }

    public static ChainHead fromDocument(Document doc) {
        GapAwareTrackingToken token = null;
        if (doc.get("tokenIndex") instanceof Number index) {
            List<Long> gaps = new ArrayList<>();
            List<?> stored = doc.getList("tokenGaps", Object.class, List.of());
            for (Object gap : stored) {
                gaps.add(((Number) gap).longValue());
            }
            token = GapAwareTrackingToken.newInstance(index.longValue(), gaps);
        }
        return new ChainHead(Docs.longValue(doc, "seq"), doc.getString("hash"), token);
    }
}
