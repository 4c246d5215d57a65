package org.evgrid.icc.command.dispatch.internal;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The schedule store in collection {@value ScheduleLayout#COLLECTION}: chunk documents in bulk writes of up to
 * {@value #BATCH} replace-upserts, then the index document (so an index always points to written chunks).
 */
@Component
public class MongoScheduleStore implements ScheduleStore {

    /** Chunk documents per bulk write (a chunk holds up to 96,000 values, about 1 MB). */
    static final int BATCH = 16;

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> collection;

    public MongoScheduleStore(MongoDatabase database) {
        this.collection = database.getCollection(ScheduleLayout.COLLECTION);
    }

    @Override
    public void write(ScheduleLayout schedule) {
        List<WriteModel<Document>> batch = new ArrayList<>(BATCH);
        for (Document chunk : schedule.chunks()) {
            batch.add(new ReplaceOneModel<>(Filters.eq("_id", chunk.get("_id")), chunk, UPSERT));
            if (batch.size() == BATCH) {
                flush(batch);
            }
        }
        flush(batch);
        Document index = schedule.index();
        collection.replaceOne(Filters.eq("_id", index.get("_id")), index, UPSERT);
    }

    private void flush(List<WriteModel<Document>> batch) {
        if (!batch.isEmpty()) {
            collection.bulkWrite(batch, new BulkWriteOptions().ordered(false));
            batch.clear();
        }
    }

    /** A stored document, or null. */
    public Document find(String id) {
        return collection.find(Filters.eq("_id", id)).first();
    }
}
