package org.evgrid.icc.command.telemetry.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** The readings store in collection {@value ReadingsLayout#COLLECTION}: one replace-upsert by {@code _id} per batch. */
@Component
public class MongoReadingsStore implements ReadingsSink {

    private final MongoCollection<Document> collection;

    public MongoReadingsStore(MongoDatabase database) {
        this.collection = database.getCollection(ReadingsLayout.COLLECTION);
    }

    @Override
    public void store(Document readings) {
        collection.replaceOne(Filters.eq("_id", readings.get("_id")), readings, new ReplaceOptions().upsert(true));
    }

    /** A stored document, or null. */
    public Document find(String docId) {
        return collection.find(Filters.eq("_id", docId)).first();
    }
}
