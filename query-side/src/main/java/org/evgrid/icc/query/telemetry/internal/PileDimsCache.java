package org.evgrid.icc.query.telemetry.internal;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * The pile dimension cache of the roll-ups: an in-memory map in front of {@code tel_pile_dims}, which the roll-up
 * projection maintains itself from the archive events in its own processing group (so the dimensions a batch is
 * rolled up with are those of its position in the event stream, also on replay). Misses are loaded by {@code _id $in}.
 */
public final class PileDimsCache {

    private static final int READ_CHUNK = 1000;

    private final MongoDatabase database;
    private final Map<String, Optional<PileDims>> known = new ConcurrentHashMap<>();

    public PileDimsCache(MongoDatabase database) {
        this.database = database;
    }

    /** Loads the piles not yet known. */
    public void load(Collection<String> pileIds) {
        List<String> missing = new ArrayList<>();
        for (String id : pileIds) {
            if (!known.containsKey(id)) {
                missing.add(id);
            }
        }
        for (int from = 0; from < missing.size(); from += READ_CHUNK) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + READ_CHUNK));
            for (Document d : database.getCollection(TelemetryCollections.PILE_DIMS).find(Filters.in("_id", chunk))) {
                known.put(d.getString("_id"), Optional.of(PileDims.of(d)));
            }
            for (String id : chunk) {
                known.putIfAbsent(id, Optional.empty());
            }
        }
    }

    /** A pile's dimensions, if the pile is known. */
    public Optional<PileDims> get(String pileId) {
        load(List.of(pileId));
        return known.get(pileId);
    }

    /** Records a pile's dimensions in memory (the caller writes the document). */
    public void put(PileDims dims) {
        known.put(dims.pileId(), Optional.of(dims));
    }

    /** Forgets everything (after a failed batch, or a reset). */
    public void clear() {
        known.clear();
    }
}
