package org.evgrid.icc.query.declaration.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.evgrid.icc.query.common.BatchScoped;

/**
 * The declaration projection's writes for one batch: documents are read by {@code _id} (once per batch), changed in
 * Java and written back as whole-document upserts in one ordered {@code bulkWrite} while the batch's last event is
 * handled (prepare-commit as a fallback). Every change is guarded by aggregate sequence numbers, so re-delivery is
 * harmless.
 */
public final class DeclarationWriter {

    private static final String RESOURCE_KEY = DeclarationWriter.class.getName();

    private final MongoCollection<Document> collection;
    /** id → document as it stands after the buffered writes (empty: known absent). */
    private final Map<String, Optional<Document>> cache = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();

    private DeclarationWriter(MongoDatabase database) {
        this.collection = database.getCollection(DeclarationDocuments.COLLECTION);
    }

    /** Runs {@code work} against the writer of the current batch (or a writer flushed at once outside a unit of work). */
    public static void within(MongoDatabase database, Consumer<DeclarationWriter> work) {
        BatchScoped.within(RESOURCE_KEY, () -> new DeclarationWriter(database), DeclarationWriter::flush, work);
    }

    /** The document as it stands, if it exists. */
    public Optional<Document> get(String id) {
        return cache.computeIfAbsent(id, key -> Optional.ofNullable(collection.find(Filters.eq("_id", key)).first()));
    }

    /** Loads the documents that are not cached yet with one {@code _id $in} read. */
    public void prefetch(Collection<String> ids) {
        List<String> missing = ids.stream().filter(id -> !cache.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(id -> cache.put(id, Optional.empty()));
        for (Document d : collection.find(Filters.in("_id", missing))) {
            cache.put(d.getString("_id"), Optional.of(d));
        }
    }

    /** Buffers the document's new state. */
    public void put(Document document) {
        String id = document.getString("_id");
        cache.put(id, Optional.of(document));
        dirty.add(id);
    }

    /** Writes the buffered documents. */
    public void flush() {
        if (dirty.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(dirty.size());
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        for (String id : dirty) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), cache.get(id).orElseThrow(), upsert));
        }
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        dirty.clear();
    }
}
