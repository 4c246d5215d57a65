package org.evgrid.icc.query.forecast.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * Collects the forecast read-model writes of one Axon batch and issues one bulk write per collection: forecasts are
 * inserted if absent ({@code $setOnInsert}), {@code fc_current} documents are replaced whole from the state kept here
 * (read once per batch by {@code _id}). Both are idempotent, so a re-delivered batch changes nothing.
 */
public final class ForecastWriter {

    private static final String RESOURCE_KEY = ForecastWriter.class.getName();
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final ReplaceOptions REPLACE_UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private final MongoDatabase database;
    private final Map<String, Document> forecasts = new LinkedHashMap<>();
    private final Map<String, Optional<Document>> current = new LinkedHashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();

    private ForecastWriter(MongoDatabase database) {
        this.database = database;
    }

    /**
     * Runs {@code work} against the writer of the current batch (a resource of the root unit of work, flushed with the
     * batch's last event and, as a fallback, at prepare-commit); outside a unit of work the writes are flushed at once.
     */
    public static void within(MongoDatabase database, java.util.function.Consumer<ForecastWriter> work) {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unit = CurrentUnitOfWork.get();
            UnitOfWork<?> root = unit.root();
            ForecastWriter writer = root.getOrComputeResource(RESOURCE_KEY, key -> {
                ForecastWriter created = new ForecastWriter(database);
                root.onPrepareCommit(u -> created.flush());
                return created;
            });
            work.accept(writer);
            if (unit instanceof BatchingUnitOfWork<?> batch && batch.isLastMessage()) {
                writer.flush();
            }
        } else {
            ForecastWriter writer = new ForecastWriter(database);
            work.accept(writer);
            writer.flush();
        }
    }

    /** Inserts a forecast document unless one with its id exists. */
    public void insertForecast(String id, Document fields) {
        forecasts.putIfAbsent(id, fields);
    }

    /** The {@code fc_current} document as it stands after this batch's changes, or empty. */
    public Optional<Document> current(String id) {
        return current.computeIfAbsent(id,
                k -> Optional.ofNullable(database.getCollection(ForecastDocuments.CURRENT).find(Filters.eq("_id", k)).first()));
    }

    /** Replaces the {@code fc_current} document at the next flush. */
    public void putCurrent(Document document) {
        String id = document.getString("_id");
        current.put(id, Optional.of(document));
        dirty.add(id);
    }

    /** Writes everything buffered. */
    public void flush() {
        if (!forecasts.isEmpty()) {
            List<WriteModel<Document>> models = new ArrayList<>();
            forecasts.forEach((id, fields) ->
                    models.add(new UpdateOneModel<>(Filters.eq("_id", id), new Document("$setOnInsert", fields), UPSERT)));
            database.getCollection(ForecastDocuments.FORECASTS).bulkWrite(models, ORDERED);
            forecasts.clear();
        }
        if (!dirty.isEmpty()) {
            List<WriteModel<Document>> models = new ArrayList<>();
            for (String id : dirty) {
                models.add(new ReplaceOneModel<>(Filters.eq("_id", id), current.get(id).orElseThrow(), REPLACE_UPSERT));
            }
            database.getCollection(ForecastDocuments.CURRENT).bulkWrite(models, ORDERED);
            dirty.clear();
        }
    }
}
