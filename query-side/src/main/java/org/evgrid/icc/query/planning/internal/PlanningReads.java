package org.evgrid.icc.query.planning.internal;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Reads by {@code _id} only: one document, or many with {@code $in} in chunks of at most {@value #CHUNK} ids. */
public final class PlanningReads {

    /** Ids per {@code $in} read. */
    public static final int CHUNK = 1000;

    private PlanningReads() {
    }

    /** One document by id, or null. */
    public static Document one(MongoDatabase database, String collection, String id) {
        return database.getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    /** The documents of these ids that exist, by id. */
    public static Map<String, Document> byIds(MongoDatabase database, String collection, Collection<String> ids) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<String, Document> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            for (Document d : database.getCollection(collection).find(Filters.in("_id", chunk))) {
                found.put(d.getString("_id"), d);
            }
        }
        return found;
    }
}
