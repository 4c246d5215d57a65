package org.evgrid.icc.query.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * The writes of one processor batch over several collections: documents are read by {@code _id} (once per batch),
 * changed in Java and written back as whole-document upserts, one ordered {@code bulkWrite} per collection, while the
 * batch's last event is handled (see {@link BatchScoped}). The projections using it guard every change (aggregate
 * sequence numbers, set semantics), so a re-delivered batch writes the same documents again.
 */
public final class DocumentBatch {

    private final MongoDatabase database;
    /** collection → id → document as it stands after the buffered writes (empty: known absent). */
    private final Map<String, Map<String, Optional<Document>>> cache = new HashMap<>();
    private final Map<String, Set<String>> dirty = new LinkedHashMap<>();

    private DocumentBatch(MongoDatabase database) {
        this.database = database;
    }

    /** Runs {@code work} against the batch of the current unit of work named {@code resourceKey}. */
    public static void within(MongoDatabase database, String resourceKey, Consumer<DocumentBatch> work) {
        BatchScoped.within(resourceKey, () -> new DocumentBatch(database), DocumentBatch::flush, work);
    }

    private Map<String, Optional<Document>> cacheOf(String collection) {
        return cache.computeIfAbsent(collection, key -> new HashMap<>());
    }

    /** The document as it stands, if it exists. */
    public Optional<Document> get(String collection, String id) {
        return cacheOf(collection).computeIfAbsent(id,
                key -> Optional.ofNullable(database.getCollection(collection).find(Filters.eq("_id", key)).first()));
    }

    /** Loads the documents not cached yet with one {@code _id $in} read. */
    public void prefetch(String collection, Collection<String> ids) {
        Map<String, Optional<Document>> docs = cacheOf(collection);
        List<String> missing = ids.stream().filter(id -> !docs.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(id -> docs.put(id, Optional.empty()));
        for (Document d : database.getCollection(collection).find(Filters.in("_id", missing))) {
            docs.put(d.getString("_id"), Optional.of(d));
        }
    }

    /** Buffers the document's new state. */
    public void put(String collection, Document document) {
        String id = document.getString("_id");
        cacheOf(collection).put(id, Optional.of(document));
        dirty.computeIfAbsent(collection, key -> new LinkedHashSet<>()).add(id);
    }

    /** Adds {@code member} to the string set {@code field} of document {@code id} (created if absent). */
    public void addMember(String collection, String id, String field, String member) {
        Document doc = get(collection, id).orElseGet(() -> new Document("_id", id).append(field, new ArrayList<String>()));
        List<String> members = new ArrayList<>(doc.getList(field, String.class, List.of()));
        if (!members.contains(member)) {
            members.add(member);
            doc.put(field, members);
            put(collection, doc);
        }
    }

    /** Writes the buffered documents; safe to repeat. */
    public void flush() {
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        for (Map.Entry<String, Set<String>> entry : dirty.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            Map<String, Optional<Document>> docs = cacheOf(entry.getKey());
            List<WriteModel<Document>> writes = new ArrayList<>(entry.getValue().size());
            for (String id : entry.getValue()) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), docs.get(id).orElseThrow(), upsert));
            }
            database.getCollection(entry.getKey()).bulkWrite(writes, new BulkWriteOptions().ordered(true));
            entry.getValue().clear();
        }
    }
}
