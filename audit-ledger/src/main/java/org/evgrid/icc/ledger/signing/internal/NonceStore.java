package org.evgrid.icc.ledger.signing.internal;

import java.time.Instant;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * Used nonces per key, one document {@code {_id: keyId + "|" + nonce, at}} each: claiming is an insert, and the
 * store's unique {@code _id} makes a second claim fail even under concurrency.
 */
public final class NonceStore {

    private final MongoCollection<Document> collection;

    public NonceStore(MongoDatabase database, String collectionName) {
        this.collection = database.getCollection(collectionName);
    }

    /** Claims a nonce for a key; false if it was claimed before. */
    public boolean claim(String keyId, String nonce, Instant at) {
        try {
            collection.insertOne(new Document("_id", keyId + "|" + nonce).append("at", Date.from(at)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Forgets nonces claimed before a time (safe once older than twice the timestamp window, as such requests are stale
     * anyway). Scans the collection on the embedded store: run it rarely (e.g. daily).
     *
     * @return how many were removed
     */
    public long purgeBefore(Instant cutoff) {
        return collection.deleteMany(Filters.lt("at", Date.from(cutoff))).getDeletedCount();
    }
}
