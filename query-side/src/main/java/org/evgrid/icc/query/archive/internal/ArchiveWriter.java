package org.evgrid.icc.query.archive.internal;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.evgrid.icc.query.common.BatchScoped;

/**
 * Collects the writes of one Axon batch and issues them as one ordered {@code bulkWrite} per collection when the
 * batch's unit of work prepares to commit. Membership changes are coalesced per bucket document (the last change of a
 * member wins, exactly as applying them one by one would). Reads go through a small cache that the handlers keep
 * current; a document with writes still buffered and no cached state is read only after a flush.
 */
public final class ArchiveWriter {

    private static final String RESOURCE_KEY = ArchiveWriter.class.getName();
    private static final int READ_CHUNK = 500;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private final MongoDatabase database;
    private final Map<String, List<WriteModel<Document>>> writes = new HashMap<>();
    private final Map<String, Set<String>> pendingIds = new HashMap<>();
    /** collection → bucket document id → array field → member id → present. */
    private final Map<String, Map<String, Map<String, Map<String, Boolean>>>> members = new LinkedHashMap<>();
    /** collection → id → the document as it stands after the buffered writes (empty: known to be absent). */
    private final Map<String, Map<String, Optional<Document>>> cache = new HashMap<>();
    private int flushes;

    ArchiveWriter(MongoDatabase database) {
        this.database = database;
    }

    /**
     * Runs {@code work} against the writer of the current batch. Inside a unit of work the writer is kept as a resource
     * of the root unit of work and flushed while the batch's last event is handled (so the writes reach the store before
     * the tracking processor stores its token, which Axon does in a prepare-commit step registered before ours), with a
     * flush at prepare-commit as a fallback; outside one, the writes are flushed at once.
     */
    public static void within(MongoDatabase database, Consumer<ArchiveWriter> work) {
        BatchScoped.within(RESOURCE_KEY, () -> new ArchiveWriter(database), ArchiveWriter::flush, work);
    }

    /** A writer not bound to a unit of work; the caller flushes it (bulk loading). */
    public static ArchiveWriter standalone(MongoDatabase database) {
        return new ArchiveWriter(database);
    }

    /** Inserts a document unless one with this id exists ({@code $setOnInsert}); the stored state becomes unknown. */
    public void insertIfAbsent(String collection, String id, Document fields) {
        add(collection, id, new UpdateOneModel<>(Filters.eq("_id", id), new Document("$setOnInsert", fields), UPSERT));
        cacheOf(collection).remove(id);
    }

    /** Sets fields of an existing document by id; the cached state, if any, gets the same fields. */
    public void set(String collection, String id, Document fields) {
        add(collection, id, new UpdateOneModel<>(Filters.eq("_id", id), new Document("$set", fields)));
        Optional<Document> cached = cacheOf(collection).get(id);
        if (cached != null && cached.isPresent()) {
            cached.get().putAll(fields);
        }
    }

    /** Adds ({@code present}) or removes a member id in an array field of a membership bucket document. */
    public void member(String collection, String bucketId, String field, String memberId, boolean present) {
        members.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                .computeIfAbsent(bucketId, b -> new LinkedHashMap<>())
                .computeIfAbsent(field, f -> new LinkedHashMap<>())
                .put(memberId, present);
    }

    /** The document with this id as it will stand after the buffered writes, or empty. */
    public Optional<Document> find(String collection, String id) {
        Map<String, Optional<Document>> known = cacheOf(collection);
        Optional<Document> cached = known.get(id);
        if (cached != null) {
            return cached;
        }
        if (pendingIds.getOrDefault(collection, Set.of()).contains(id)) {
            flush();
        }
        Optional<Document> loaded = Optional.ofNullable(database.getCollection(collection).find(Filters.eq("_id", id)).first());
        known.put(id, loaded);
        return loaded;
    }

    /** Whether the state of a document after the buffered writes is known without reading the store. */
    public boolean cached(String collection, String id) {
        return cacheOf(collection).containsKey(id);
    }

    /** Loads the documents not yet cached with {@code _id $in} reads (served by the unique {@code _id} index). */
    public void prefetch(String collection, Collection<String> ids) {
        Map<String, Optional<Document>> known = cacheOf(collection);
        Set<String> missing = new LinkedHashSet<>();
        for (String id : ids) {
            if (!known.containsKey(id)) {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Set<String> pending = pendingIds.getOrDefault(collection, Set.of());
        if (missing.stream().anyMatch(pending::contains)) {
            flush();
        }
        List<String> all = new ArrayList<>(missing);
        for (int from = 0; from < all.size(); from += READ_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + READ_CHUNK));
            for (Document doc : database.getCollection(collection).find(Filters.in("_id", chunk))) {
                known.put(doc.getString("_id"), Optional.of(doc));
            }
            for (String id : chunk) {
                known.putIfAbsent(id, Optional.empty());
            }
        }
    }

    /** Writes everything buffered: memberships first, then documents, one ordered bulk write per collection. */
    public void flush() {
        Map<String, List<WriteModel<Document>>> batch = new LinkedHashMap<>();
        members.forEach((collection, buckets) -> batch.put(collection, membershipWrites(buckets)));
        members.clear();
        for (String collection : ArchiveCollections.FLUSH_ORDER) {
            List<WriteModel<Document>> models = writes.remove(collection);
            if (models != null) {
                batch.computeIfAbsent(collection, c -> new ArrayList<>()).addAll(models);
            }
        }
        writes.forEach((collection, models) -> batch.computeIfAbsent(collection, c -> new ArrayList<>()).addAll(models));
        writes.clear();
        pendingIds.clear();
        List<String> order = new ArrayList<>(ArchiveCollections.FLUSH_ORDER);
        batch.keySet().stream().filter(c -> !order.contains(c)).forEach(order::add);
        boolean wrote = false;
        for (String collection : order) {
            List<WriteModel<Document>> models = batch.get(collection);
            if (models != null && !models.isEmpty()) {
                database.getCollection(collection).bulkWrite(models, ORDERED);
                wrote = true;
            }
        }
        if (wrote) {
            flushes++;
        }
    }

    /** How many flushes of this writer wrote something to the store. */
    public int flushes() {
        return flushes;
    }

    private static List<WriteModel<Document>> membershipWrites(Map<String, Map<String, Map<String, Boolean>>> buckets) {
        List<WriteModel<Document>> models = new ArrayList<>();
        buckets.forEach((bucketId, fields) -> {
            Document pull = new Document();
            Document addToSet = new Document();
            fields.forEach((field, changes) -> {
                List<String> adds = new ArrayList<>();
                List<String> removes = new ArrayList<>();
                changes.forEach((memberId, present) -> (present ? adds : removes).add(memberId));
                if (!removes.isEmpty()) {
                    pull.append(field, new Document("$in", removes));
                }
                if (!adds.isEmpty()) {
                    addToSet.append(field, new Document("$each", adds));
                }
            });
            if (!pull.isEmpty()) {
                models.add(new UpdateOneModel<>(Filters.eq("_id", bucketId), new Document("$pull", pull)));
            }
            if (!addToSet.isEmpty()) {
                models.add(new UpdateOneModel<>(Filters.eq("_id", bucketId), new Document("$addToSet", addToSet), UPSERT));
            }
        });
        return models;
    }

    private void add(String collection, String id, WriteModel<Document> model) {
        writes.computeIfAbsent(collection, c -> new ArrayList<>()).add(model);
        pendingIds.computeIfAbsent(collection, c -> new HashSet<>()).add(id);
    }

    private Map<String, Optional<Document>> cacheOf(String collection) {
        return cache.computeIfAbsent(collection, c -> new HashMap<>());
    }
}
