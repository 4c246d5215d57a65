package org.evgrid.icc.infra.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.evgrid.icc.coreapi.audit.CollectionComparison;

/**
 * Compares the collections of a projection (names starting with a prefix) in a live and a rebuilt database, document by
 * document by {@code _id}: full equality of the documents (field order aside). Lists the first {@value #SAMPLE} ids of
 * each kind of difference.
 */
final class DocumentComparison {

    static final int SAMPLE = 20;

    private final MongoDatabase live;
    private final MongoDatabase rebuilt;
    private final String prefix;

    DocumentComparison(MongoDatabase live, MongoDatabase rebuilt, String prefix) {
        this.live = live;
        this.rebuilt = rebuilt;
        this.prefix = prefix;
    }

    List<CollectionComparison> compare() {
        TreeSet<String> names = new TreeSet<>();
        live.listCollectionNames().forEach(n -> add(names, n));
        rebuilt.listCollectionNames().forEach(n -> add(names, n));
        List<CollectionComparison> result = new ArrayList<>();
        for (String name : names) {
            result.add(compare(name));
        }
        return result;
    }

    private void add(TreeSet<String> names, String name) {
        if (name.startsWith(prefix)) {
            names.add(name);
        }
    }

    private CollectionComparison compare(String name) {
        Map<String, Document> expected = new HashMap<>();
        for (Document doc : rebuilt.getCollection(name).find()) {
            expected.put(String.valueOf(doc.get("_id")), doc);
        }
        long rebuiltCount = expected.size();
        MongoCollection<Document> liveCollection = live.getCollection(name);
        long liveCount = 0;
        Counted extra = new Counted();
        Counted different = new Counted();
        for (Document doc : liveCollection.find()) {
            liveCount++;
            String id = String.valueOf(doc.get("_id"));
            Document twin = expected.remove(id);
            if (twin == null) {
                extra.add(id);
            } else if (!twin.equals(doc)) {
                different.add(id);
            }
        }
        Counted missing = new Counted();
        new TreeSet<>(expected.keySet()).forEach(missing::add);
        return new CollectionComparison(name, liveCount, rebuiltCount, missing.count, extra.count, different.count,
                missing.sample, extra.sample, different.sample);
    }

    /** A count with the first ids. */
    private static final class Counted {
        private long count;
        private final List<String> sample = new ArrayList<>();

        void add(String id) {
            count++;
            if (sample.size() < SAMPLE) {
                sample.add(id);
            }
        }
    }
}
